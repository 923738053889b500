// HSTRLEN key field: the value's length, 0 when the field or key is missing.
import { argLen, argPtr, keyFindArg, replyInt, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import { HASH_TYPE, foundLen, hashGet } from "../value";

export function run(_argc: i32, argv: usize): void {
  const h = keyFindArg(argv, 1, HASH_TYPE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  replyInt(h != MISSING && hashGet(<usize>h, argPtr(argv, 2), argLen(argv, 2)) ? foundLen : 0);
}
