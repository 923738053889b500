// The COMPRESSION value of TDIGEST.CREATE and TDIGEST.MERGE, with RedisBloom's texts; the bound is
// what one digest block can hold here (RedisBloom's allocation would fail).
import { argLen, argPtr, parseI64, parsedI64, replyError } from "ferrite-sdk";
import { MAX_COMPRESSION } from "./digest";

/** The compression at argument i, or -1 with the error replied. */
export function parseCompression(argv: usize, i: i32): i64 {
  if (!parseI64(argPtr(argv, i), argLen(argv, i))) { replyError("ERR T-Digest: error parsing compression parameter"); return -1; }
  if (parsedI64 <= 0) { replyError("ERR T-Digest: compression parameter needs to be a positive integer"); return -1; }
  if (parsedI64 > MAX_COMPRESSION) { replyError("ERR T-Digest: allocation failed"); return -1; }
  return parsedI64;
}
