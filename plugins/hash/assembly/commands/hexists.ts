// HEXISTS key field: 1 or 0 (an integer in RESP3 too, as in Redis).
import { argLen, argPtr, replyInt, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import { findHash } from "../hash-key";
import { hashGet } from "../value";

export function run(_argc: i32, argv: usize): void {
  const h = findHash(argv, 1);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  replyInt(h != MISSING && hashGet(<usize>h, argPtr(argv, 2), argLen(argv, 2)) ? 1 : 0);
}
