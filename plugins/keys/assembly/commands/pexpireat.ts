// PEXPIREAT key unix-time-milliseconds [NX | XX | GT | LT]
import { setExpiry } from "../set-expiry";

export function run(argc: i32, argv: usize): void {
  setExpiry(argc, argv, false, false, "ERR invalid expire time in 'pexpireat' command");
}
