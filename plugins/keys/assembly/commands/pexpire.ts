// PEXPIRE key milliseconds [NX | XX | GT | LT]
import { setExpiry } from "../set-expiry";

export function run(argc: i32, argv: usize): void {
  setExpiry(argc, argv, false, true, "ERR invalid expire time in 'pexpire' command");
}
