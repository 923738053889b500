// The arguments of HSCAN/SSCAN/ZSCAN as Redis 7 reads them: a strtoul cursor, then MATCH pattern and
// COUNT n in any order. Parsers reply the error themselves and return false; results are module state
// (AssemblyScript has no out parameters and a tuple would allocate).

import { argIs, argLen, argPtr } from "../args";
import { ERR_NOT_INTEGER, ERR_SYNTAX } from "../errors";
import { formatI64, parseI64, parsedI64 } from "../numbers";
import { replyBulk, replyError } from "../reply";

export const ERR_INVALID_CURSOR = "ERR invalid cursor";
const DEFAULT_COUNT: i32 = 10;

export let scanCursor: u64 = 0;
export let scanCount: i32 = DEFAULT_COUNT;
export let scanPattern: usize = 0;
/** -1 when every element matches (no MATCH, or MATCH "*", which Redis skips too). */
export let scanPatternLen: i32 = -1;

/**
 * Argument `i` as a cursor: strtoul's rules with Redis's checks — optional sign ("-1" wraps around as C
 * does), decimal digits within u64, nothing after them; "" is cursor 0.
 */
export function parseScanCursor(argv: usize, i: i32): bool {
  const ptr = argPtr(argv, i), len = argLen(argv, i);
  let j = 0;
  const first = len > 0 ? load<u8>(ptr) : 0;
  const negative = first == 45; // '-'
  if (negative || first == 43) j = 1; // '+'
  let ok = !(j == len && len > 0); // a sign alone: strtoul reads nothing
  let v: u64 = 0;
  for (; ok && j < len; j++) {
    const d = <u64>load<u8>(ptr + j) - 48;
    if (d > 9 || v > (u64.MAX_VALUE - d) / 10) ok = false;
    else v = v * 10 + d;
  }
  if (!ok) { replyError(ERR_INVALID_CURSOR); return false; }
  scanCursor = negative ? <u64>0 - v : v;
  return true;
}

/** MATCH and COUNT from argument `from` on. */
export function parseScanOptions(argc: i32, argv: usize, from: i32): bool {
  scanCount = DEFAULT_COUNT;
  scanPattern = 0;
  scanPatternLen = -1;
  for (let j = from; j < argc; j += 2) {
    if (j + 1 >= argc) { replyError(ERR_SYNTAX); return false; }
    if (argIs(argv, j, "count")) {
      if (!parseI64(argPtr(argv, j + 1), argLen(argv, j + 1))) { replyError(ERR_NOT_INTEGER); return false; }
      if (parsedI64 < 1) { replyError(ERR_SYNTAX); return false; }
      scanCount = <i32>min(parsedI64, <i64>i32.MAX_VALUE);
    } else if (argIs(argv, j, "match")) {
      scanPattern = argPtr(argv, j + 1);
      const len = argLen(argv, j + 1);
      scanPatternLen = len == 1 && load<u8>(scanPattern) == 42 ? -1 : len;
    } else {
      replyError(ERR_SYNTAX);
      return false;
    }
  }
  return true;
}

const cursorDigits = memory.data(24);

/** The next cursor as Redis sends it: a bulk string of its decimal digits. */
export function replyScanCursor(cursor: u64): void {
  // Cursors from bmScanNext stay below 2^32, so the signed formatter prints them unchanged.
  replyBulk(cursorDigits, formatI64(<i64>cursor, cursorDigits));
}
