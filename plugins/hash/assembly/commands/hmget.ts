// HMGET key field [field ...]: one value or null per field (all null for a missing key).
import { argLen, argPtr, replyArray, replyBulk, replyNull, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import { findHash } from "../hash-key";
import { foundLen, foundPtr, hashGet } from "../value";

export function run(argc: i32, argv: usize): void {
  const h = findHash(argv, 1);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  replyArray(argc - 2);
  for (let j = 2; j < argc; j++) {
    if (h != MISSING && hashGet(<usize>h, argPtr(argv, j), argLen(argv, j))) replyBulk(foundPtr, foundLen);
    else replyNull();
  }
}
