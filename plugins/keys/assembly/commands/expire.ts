// EXPIRE key seconds [NX | XX | GT | LT]
import { setExpiry } from "../set-expiry";

export function run(argc: i32, argv: usize): void {
  setExpiry(argc, argv, true, true, "ERR invalid expire time in 'expire' command");
}
