// Looking HLL keys up by argument index, with Redis's two WRONGTYPE texts.

import { argLen, argPtr, bytesEqualIgnoreCase, keyFind, keyType, replyError, replyWrongType, resultBytes, WRONGTYPE } from "ferrite-sdk";
import { HLL_TYPE } from "./value";

/** Redis keeps HLLs in strings, so a string that is not one fails with this instead of the generic text. */
const ERR_NOT_HLL = "WRONGTYPE Key is not a valid HyperLogLog string value.";

/** The HLL at the key in argument i: a handle, MISSING, or WRONGTYPE (error already replied). */
export function findHll(argv: usize, i: i32, flags: i32 = 0): f64 {
  const key = argPtr(argv, i), keyLen = argLen(argv, i);
  const h = keyFind(key, keyLen, HLL_TYPE, flags);
  if (h == WRONGTYPE) {
    // Redis checks the string type first: other types get the generic text, strings the HLL one.
    const n = keyType(key, keyLen);
    if (bytesEqualIgnoreCase(resultBytes(n), n, "string")) replyError(ERR_NOT_HLL);
    else replyWrongType();
  }
  return h;
}
