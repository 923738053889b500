// HMGET key field [field ...]: one value or null per field (all null for a missing key).
import { argLen, argPtr, keyFindArg, replyArray, replyBulk, replyNull, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import { HASH_TYPE, foundLen, foundPtr, hashGet } from "../value";

export function run(argc: i32, argv: usize): void {
  const h = keyFindArg(argv, 1, HASH_TYPE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  replyArray(argc - 2);
  for (let j = 2; j < argc; j++) {
    if (h != MISSING && hashGet(<usize>h, argPtr(argv, j), argLen(argv, j))) replyBulk(foundPtr, foundLen);
    else replyNull();
  }
}
