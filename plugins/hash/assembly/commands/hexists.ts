// HEXISTS key field: 1 or 0 (an integer in RESP3 too, as in Redis).
import { argLen, argPtr, keyFindArg, replyInt, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import { HASH_TYPE, hashGet } from "../value";

export function run(_argc: i32, argv: usize): void {
  const h = keyFindArg(argv, 1, HASH_TYPE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  replyInt(h != MISSING && hashGet(<usize>h, argPtr(argv, 2), argLen(argv, 2)) ? 1 : 0);
}
