// RANDOMKEY: a random live key of the current database, or null when it is empty.
import { replyBulk, replyNull } from "ferrite-sdk";
import { keyRandom, STATUS_MISSING } from "../host-keyspace";
import { readResult } from "../host-result";

export function run(_argc: i32, _argv: usize): void {
  const len = keyRandom();
  if (len == STATUS_MISSING) replyNull();
  else replyBulk(readResult(len), len);
}
