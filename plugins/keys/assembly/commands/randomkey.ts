// RANDOMKEY: a random live key of the current database, or null when it is empty.
import { STATUS_MISSING, keyRandom, replyBulk, replyNull, resultBytes } from "ferrite-sdk";

export function run(_argc: i32, _argv: usize): void {
  const len = keyRandom();
  if (len == STATUS_MISSING) replyNull();
  else replyBulk(resultBytes(len), len);
}
