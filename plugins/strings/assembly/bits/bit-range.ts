// The start/end arguments shared by BITCOUNT and BITPOS: negative indexes count from the end, the range
// is clamped to the string, and a BIT range becomes a byte range plus masks of the bits to leave out of
// its first and last bytes.

import { argIs, argPtr, argLen, parseI64, replyError, ERR_NOT_INTEGER, ERR_SYNTAX } from "ferrite-sdk";

/** First and last byte of the normalized range; empty when rangeStart > rangeEnd. */
export let rangeStart: i64 = 0;
export let rangeEnd: i64 = 0;
/** Bits of the first / last byte that lie outside a BIT range (0 for a BYTE range). */
export let firstByteOutside: u32 = 0;
export let lastByteOutside: u32 = 0;

/** Reads an i64 argument, replying the standard error when it is not one. */
export function argI64OrReply(argv: usize, i: i32): bool {
  if (parseI64(argPtr(argv, i), argLen(argv, i))) return true;
  replyError(ERR_NOT_INTEGER);
  return false;
}

/** Reads the optional BYTE|BIT unit at argument `i`; -1 after replying a syntax error. */
export function unitIsBitOrReply(argv: usize, argc: i32, i: i32): i32 {
  if (i >= argc || argIs(argv, i, "byte")) return 0;
  if (argIs(argv, i, "bit")) return 1;
  replyError(ERR_SYNTAX);
  return -1;
}

/** Normalizes [start, end] (in bits when `isBit`) over a string of `byteLength` bytes. */
export function normalizeRange(start: i64, end: i64, isBit: bool, byteLength: i64): void {
  const total = isBit ? byteLength << 3 : byteLength;
  if (start < 0) start += total;
  if (end < 0) end += total;
  if (start < 0) start = 0;
  if (end < 0) end = 0;
  if (end >= total) end = total - 1;
  firstByteOutside = 0;
  lastByteOutside = 0;
  if (isBit && start <= end) {
    firstByteOutside = ~((1 << (8 - <u32>(start & 7))) - 1) & 0xff;
    lastByteOutside = (1 << (7 - <u32>(end & 7))) - 1;
    start >>= 3;
    end >>= 3;
  }
  rangeStart = start;
  rangeEnd = end;
}
