// TS.RANGE/REVRANGE/MRANGE/MREVRANGE options, found by keyword in any order and checked in
// RedisTimeSeries's order (parseRangeArguments). The results stay in module variables, as the SDK's
// parsers keep theirs.
import { argIs, argLen, argPtr, parseF64, parseI64, parsedF64, parsedI64, replyError } from "ferrite-sdk";
import { AGG_NONE, parseAggName } from "./aggregate";
import {
  ERR_AGGREGATION, ERR_AGG_TYPE, ERR_ALIGN, ERR_ALIGN_END, ERR_ALIGN_NEEDS_AGG, ERR_ALIGN_START, ERR_BUCKET, ERR_BUCKET_TS, ERR_BY_TS_MISSING,
  ERR_BY_VALUE_MISSING, ERR_COUNT, ERR_COUNT_MISSING, ERR_FROM, ERR_MAX, ERR_MIN, ERR_TO,
} from "./errors";
import { argIndex } from "./keywords";

export const BUCKET_LOW: i32 = 0;
export const BUCKET_HIGH: i32 = 1;
export const BUCKET_MID: i32 = 2;
const MAX_TS_FILTER: i32 = 128;

export let rFrom: i64 = 0;
export let rTo: i64 = 0;
export let rCount: i64 = -1; // -1: no limit
export let rAgg: i32 = AGG_NONE;
export let rBucket: i64 = 0;
export let rAlign: i64 = 0;
export let rBucketTs: i32 = BUCKET_LOW;
export let rEmpty = false;
export let rLatest = false;
export let rByValue = false;
export let rMin: f64 = 0;
export let rMax: f64 = 0;
export const rByTs: usize = memory.data(MAX_TS_FILTER * 8);
export let rByTsCount: i32 = 0; // 0: no FILTER_BY_TS

/** A keyword's index in [from, to), skipping one that is the value of `after` (COUNT as an aggregator name). */
function keywordIndex(argv: usize, from: i32, to: i32, keyword: string): i32 {
  for (let i = from; i < to; i++) {
    if (!argIs(argv, i, keyword)) continue;
    if (i > from && (argIs(argv, i - 1, "AGGREGATION") || argIs(argv, i - 1, "REDUCE"))) continue;
    return i;
  }
  return -1;
}

let bound: i64 = 0;

/** A range bound: `open` (- or +) stands for `openValue`, else a non-negative integer. Sets bound. */
function parseBound(argv: usize, i: i32, open: string, openValue: i64): bool {
  if (argIs(argv, i, open)) { bound = openValue; return true; }
  if (!parseI64(argPtr(argv, i), argLen(argv, i)) || parsedI64 < 0) return false;
  bound = parsedI64;
  return true;
}

/**
 * Reads `from to` at argument `at` and the options in [at + 2, end). Replies the error and returns false.
 */
export function parseRangeArgs(argv: usize, at: i32, end: i32): bool {
  if (!parseBound(argv, at, "-", 0)) { replyError(ERR_FROM); return false; }
  rFrom = bound;
  const fromOpen = argIs(argv, at, "-");
  if (!parseBound(argv, at + 1, "+", i64.MAX_VALUE)) { replyError(ERR_TO); return false; }
  rTo = bound;
  const toOpen = argIs(argv, at + 1, "+");
  const opts = at + 2;

  rCount = -1;
  const countAt = keywordIndex(argv, opts, end, "COUNT");
  if (countAt >= 0) {
    if (countAt + 1 >= end) { replyError(ERR_COUNT_MISSING); return false; }
    if (!parseI64(argPtr(argv, countAt + 1), argLen(argv, countAt + 1)) || parsedI64 < 0) { replyError(ERR_COUNT); return false; }
    rCount = parsedI64;
  }

  rAgg = AGG_NONE;
  const aggAt = argIndex(argv, opts, end, "AGGREGATION");
  if (aggAt >= 0) {
    if (aggAt + 2 >= end) { replyError(ERR_AGGREGATION); return false; }
    rAgg = parseAggName(argv, aggAt + 1, false);
    if (rAgg == AGG_NONE) { replyError(ERR_AGG_TYPE); return false; }
    if (!parseI64(argPtr(argv, aggAt + 2), argLen(argv, aggAt + 2))) { replyError(ERR_AGGREGATION); return false; }
    if (parsedI64 <= 0) { replyError(ERR_BUCKET); return false; }
    rBucket = parsedI64;
  }

  rAlign = 0;
  const alignAt = argIndex(argv, opts, end, "ALIGN");
  if (alignAt >= 0) {
    if (alignAt + 1 >= end) { replyError(ERR_ALIGN); return false; }
    if (argIs(argv, alignAt + 1, "start") || argIs(argv, alignAt + 1, "-")) {
      if (fromOpen) { replyError(ERR_ALIGN_START); return false; }
      rAlign = rFrom;
    } else if (argIs(argv, alignAt + 1, "end") || argIs(argv, alignAt + 1, "+")) {
      if (toOpen) { replyError(ERR_ALIGN_END); return false; }
      rAlign = rTo;
    } else if (parseI64(argPtr(argv, alignAt + 1), argLen(argv, alignAt + 1)) && parsedI64 >= 0) {
      rAlign = parsedI64;
    } else {
      replyError(ERR_ALIGN);
      return false;
    }
    if (rAgg == AGG_NONE) { replyError(ERR_ALIGN_NEEDS_AGG); return false; }
  }

  rByValue = false;
  const valueAt = argIndex(argv, opts, end, "FILTER_BY_VALUE");
  if (valueAt >= 0) {
    if (valueAt + 2 >= end) { replyError(ERR_BY_VALUE_MISSING); return false; }
    if (!parseF64(argPtr(argv, valueAt + 1), argLen(argv, valueAt + 1))) { replyError(ERR_MIN); return false; }
    rMin = parsedF64;
    if (!parseF64(argPtr(argv, valueAt + 2), argLen(argv, valueAt + 2))) { replyError(ERR_MAX); return false; }
    rMax = parsedF64;
    rByValue = true;
  }

  rByTsCount = 0;
  const tsAt = argIndex(argv, opts, end, "FILTER_BY_TS");
  if (tsAt >= 0) {
    if (tsAt + 1 >= end) { replyError(ERR_BY_TS_MISSING); return false; }
    for (let i = tsAt + 1; i < end && rByTsCount < MAX_TS_FILTER; i++) {
      if (!parseI64(argPtr(argv, i), argLen(argv, i)) || parsedI64 < 0) break;
      store<i64>(rByTs + (<usize>rByTsCount << 3), parsedI64);
      rByTsCount++;
    }
  }

  rLatest = argIndex(argv, opts, end, "LATEST") >= 0;

  rBucketTs = BUCKET_LOW;
  const bucketTsAt = argIndex(argv, opts, end, "BUCKETTIMESTAMP");
  if (bucketTsAt >= 0) {
    const i = bucketTsAt + 1;
    if (i >= end) { replyError(ERR_BUCKET_TS); return false; }
    if (argIs(argv, i, "-") || argIs(argv, i, "low") || argIs(argv, i, "start")) rBucketTs = BUCKET_LOW;
    else if (argIs(argv, i, "+") || argIs(argv, i, "high") || argIs(argv, i, "end")) rBucketTs = BUCKET_HIGH;
    else if (argIs(argv, i, "~") || argIs(argv, i, "mid")) rBucketTs = BUCKET_MID;
    else { replyError(ERR_BUCKET_TS); return false; }
  }
  rEmpty = argIndex(argv, opts, end, "EMPTY") >= 0;
  return true;
}

/** Whether FILTER_BY_TS (when given) lists ts. */
export function tsListed(ts: i64): bool {
  for (let i = 0; i < rByTsCount; i++) if (load<i64>(rByTs + (<usize>i << 3)) == ts) return true;
  return false;
}
