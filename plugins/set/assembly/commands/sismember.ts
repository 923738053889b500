// SISMEMBER key member: 1 or 0 (an integer in RESP3 too, as in Redis).
import { argLen, argPtr, MISSING, replyInt, replyWrongType, WRONGTYPE } from "ferrite-sdk";
import { findSet } from "../set-key";
import { setHas } from "../set";

export function run(_argc: i32, argv: usize): void {
  const h = findSet(argv, 1);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  replyInt(h != MISSING && setHas(<usize>h, argPtr(argv, 2), argLen(argv, 2)) ? 1 : 0);
}
