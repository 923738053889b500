// HGET key field: the value, or null.
import { argLen, argPtr, replyBulk, replyNull, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import { findHash } from "../hash-key";
import { foundLen, foundPtr, hashGet } from "../value";

export function run(_argc: i32, argv: usize): void {
  const h = findHash(argv, 1);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h != MISSING && hashGet(<usize>h, argPtr(argv, 2), argLen(argv, 2))) replyBulk(foundPtr, foundLen);
  else replyNull();
}
