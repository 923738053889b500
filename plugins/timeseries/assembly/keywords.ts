// RedisTimeSeries reads its options by keyword wherever they stand (RMUtil_ArgIndex), which is why
// clients may send them in any order (node-redis sends WITHLABELS after AGGREGATION).
import { argIs, argLen, argPtr, bytesEqualIgnoreCase, parseF64, parseI64, parsedF64, parsedI64 } from "ferrite-sdk";

/** Index of the first argument in [from, to) equal to `keyword` (any case), or -1. */
export function argIndex(argv: usize, from: i32, to: i32, keyword: string): i32 {
  for (let i = from; i < to; i++) if (argIs(argv, i, keyword)) return i;
  return -1;
}

export const TS_OK: i32 = 0;
export const TS_NOT_INTEGER: i32 = 1;
export const TS_NEGATIVE: i32 = 2;
/** What parseTimestampArg read. */
export let parsedTs: i64 = 0;

/** A sample's timestamp: `*` is the server clock, else an integer that must not be negative. */
export function parseTimestampArg(argv: usize, i: i32, now: i64): i32 {
  if (argLen(argv, i) == 1 && load<u8>(argPtr(argv, i)) == 42) { parsedTs = now; return TS_OK; }
  if (!parseI64(argPtr(argv, i), argLen(argv, i))) return TS_NOT_INTEGER;
  parsedTs = parsedI64;
  return parsedTs < 0 ? TS_NEGATIVE : TS_OK;
}

/** What parseValueArg read. */
export let parsedValue: f64 = 0;

/** A sample's value: a finite double, or NaN (which COUNTNAN counts); infinities are refused. */
export function parseValueArg(argv: usize, i: i32): bool {
  const ptr = argPtr(argv, i), len = argLen(argv, i);
  if (bytesEqualIgnoreCase(ptr, len, "nan")) { parsedValue = NaN; return true; }
  if (!parseF64(ptr, len) || !isFinite(parsedF64)) return false;
  parsedValue = parsedF64;
  return true;
}

/** An integer option's argument; false when absent or not an integer. Sets parsedI64. */
export function intAfter(argv: usize, argc: i32, at: i32): bool {
  return at + 1 < argc && parseI64(argPtr(argv, at + 1), argLen(argv, at + 1));
}
