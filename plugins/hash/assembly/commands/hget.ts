// HGET key field: the value, or null.
import { argLen, argPtr, keyFindArg, replyBulk, replyNull, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import { HASH_TYPE, foundLen, foundPtr, hashGet } from "../value";

export function run(_argc: i32, argv: usize): void {
  const h = keyFindArg(argv, 1, HASH_TYPE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h != MISSING && hashGet(<usize>h, argPtr(argv, 2), argLen(argv, 2))) replyBulk(foundPtr, foundLen);
  else replyNull();
}
