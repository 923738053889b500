// KEYS pattern: every key matching the glob pattern, in one reply.
import { argLen, argPtr } from "ferrite-sdk";
import { countKeys, replyCountedKeys } from "../walk-keys";

export function run(_argc: i32, argv: usize): void {
  countKeys(0, i64.MAX_VALUE, argPtr(argv, 1), argLen(argv, 1), 0, 0);
  replyCountedKeys();
}
