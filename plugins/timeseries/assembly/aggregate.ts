// Aggregators over a bucket of samples (TS.RANGE AGGREGATION, compaction rules) and reducers across
// series (TS.MRANGE GROUPBY … REDUCE), as RedisTimeSeries defines them. NaN samples count for COUNTNAN
// and COUNTALL only. Variances use Welford's running mean, so a bucket is one pass with no buffer.
import { argLen, argPtr, bytesEqualIgnoreCase } from "ferrite-sdk";

export const AGG_NONE: i32 = -1;
export const AGG_AVG: i32 = 0;
export const AGG_SUM: i32 = 1;
export const AGG_MIN: i32 = 2;
export const AGG_MAX: i32 = 3;
export const AGG_RANGE: i32 = 4;
export const AGG_COUNT: i32 = 5;
export const AGG_FIRST: i32 = 6;
export const AGG_LAST: i32 = 7;
export const AGG_STD_P: i32 = 8;
export const AGG_STD_S: i32 = 9;
export const AGG_VAR_P: i32 = 10;
export const AGG_VAR_S: i32 = 11;
export const AGG_TWA: i32 = 12;
export const AGG_COUNTNAN: i32 = 13;
export const AGG_COUNTALL: i32 = 14;
const AGG_COUNT_OF: i32 = 15;

const UPPER: StaticArray<string> = ["AVG", "SUM", "MIN", "MAX", "RANGE", "COUNT", "FIRST", "LAST", "STD.P", "STD.S", "VAR.P", "VAR.S", "TWA", "COUNTNAN", "COUNTALL"];
const LOWER: StaticArray<string> = ["avg", "sum", "min", "max", "range", "count", "first", "last", "std.p", "std.s", "var.p", "var.s", "twa", "countnan", "countall"];

/** The aggregator named by argument i (any case), or AGG_NONE; `reducer` accepts only REDUCE's set. */
export function parseAggName(argv: usize, i: i32, reducer: bool): i32 {
  return aggNamed(argPtr(argv, i), argLen(argv, i), reducer);
}

/** The aggregator named by the `len` bytes at `ptr` (any case), or AGG_NONE (ts-compaction-policy's names too). */
export function aggNamed(ptr: usize, len: i32, reducer: bool): i32 {
  const n = reducer ? AGG_TWA : AGG_COUNT_OF;
  for (let a = 0; a < n; a++) {
    if (reducer && (a == AGG_FIRST || a == AGG_LAST)) continue;
    if (bytesEqualIgnoreCase(ptr, len, UPPER[a])) return a;
  }
  return AGG_NONE;
}

export function aggUpper(a: i32): string { return UPPER[a]; }
export function aggLower(a: i32): string { return LOWER[a]; }

@unmanaged export class Acc {
  count: f64; // samples that are not NaN
  all: f64;
  sum: f64;
  min: f64;
  max: f64;
  first: f64;
  last: f64;
  mean: f64;
  m2: f64;
  firstTs: i64;
  lastTs: i64;
  area: f64; // TWA: the trapezoids between this bucket's samples
  bucketStart: i64;
  bucketEnd: i64;
  hasPrev: i32; // TWA and EMPTY's LAST: the sample before the bucket
  prevTs: i64;
  prevValue: f64;
}

export function accNew(): Acc {
  const a = changetype<Acc>(heap.alloc(offsetof<Acc>()));
  memory.fill(changetype<usize>(a), 0, offsetof<Acc>());
  return a;
}

/** Empties the accumulator for the bucket [start, end), keeping the previous sample. */
export function accReset(a: Acc, start: i64, end: i64): void {
  a.count = 0;
  a.all = 0;
  a.sum = 0;
  a.mean = 0;
  a.m2 = 0;
  a.area = 0;
  a.bucketStart = start;
  a.bucketEnd = end;
}

export function accAdd(a: Acc, ts: i64, v: f64): void {
  a.all++;
  if (isNaN(v)) return;
  a.count++;
  a.sum += v;
  if (a.count == 1) {
    a.min = v;
    a.max = v;
    a.first = v;
    a.firstTs = ts;
  } else {
    if (v < a.min) a.min = v;
    if (v > a.max) a.max = v;
    a.area += (a.last + v) * 0.5 * <f64>(ts - a.lastTs);
  }
  a.last = v;
  a.lastTs = ts;
  const delta = v - a.mean;
  a.mean += delta / a.count;
  a.m2 += delta * (v - a.mean);
}

/** Remembers the bucket's last sample as the next bucket's previous one (call before accReset). */
export function accCarry(a: Acc): void {
  if (a.count == 0) return;
  a.hasPrev = 1;
  a.prevTs = a.lastTs;
  a.prevValue = a.last;
}

/** The bucket's value for aggregator `agg`; `next*` is the sample after the bucket, for TWA. */
export function accValue(a: Acc, agg: i32, hasNext: bool, nextTs: i64, nextValue: f64): f64 {
  if (agg == AGG_COUNTALL) return a.all;
  if (agg == AGG_COUNTNAN) return a.all - a.count;
  if (agg == AGG_COUNT) return a.count;
  if (a.count == 0) return agg == AGG_SUM ? 0 : emptyValue(a, agg, hasNext, nextTs, nextValue);
  if (agg == AGG_AVG) return a.sum / a.count;
  if (agg == AGG_SUM) return a.sum;
  if (agg == AGG_MIN) return a.min;
  if (agg == AGG_MAX) return a.max;
  if (agg == AGG_RANGE) return a.max - a.min;
  if (agg == AGG_FIRST) return a.first;
  if (agg == AGG_LAST) return a.last;
  if (agg == AGG_VAR_P) return a.m2 / a.count;
  if (agg == AGG_STD_P) return Math.sqrt(a.m2 / a.count);
  if (agg == AGG_VAR_S) return a.count > 1 ? a.m2 / (a.count - 1) : 0;
  if (agg == AGG_STD_S) return a.count > 1 ? Math.sqrt(a.m2 / (a.count - 1)) : 0;
  return twa(a, hasNext, nextTs, nextValue);
}

/**
 * Time-weighted average: the area under the line through the samples over the time it covers. With a
 * sample before (after) the bucket, the line is interpolated to the bucket's start (end) and the
 * bucket's whole span counts; a lone sample is its own average.
 */
function twa(a: Acc, hasNext: bool, nextTs: i64, nextValue: f64): f64 {
  let area = a.area;
  let start = a.firstTs, end = a.lastTs;
  if (a.hasPrev && a.prevTs < a.firstTs && !isNaN(a.prevValue)) {
    const atStart = interpolate(a.prevTs, a.prevValue, a.firstTs, a.first, a.bucketStart);
    area += (atStart + a.first) * 0.5 * <f64>(a.firstTs - a.bucketStart);
    start = a.bucketStart;
  }
  if (hasNext && nextTs > a.lastTs && !isNaN(nextValue)) {
    const atEnd = interpolate(a.lastTs, a.last, nextTs, nextValue, a.bucketEnd);
    area += (a.last + atEnd) * 0.5 * <f64>(a.bucketEnd - a.lastTs);
    end = a.bucketEnd;
  }
  return end == start ? a.first : area / <f64>(end - start);
}

function interpolate(t0: i64, v0: f64, t1: i64, v1: f64, t: i64): f64 {
  return v0 + (v1 - v0) * <f64>(t - t0) / <f64>(t1 - t0);
}

/** An empty bucket (EMPTY): NaN, but LAST repeats the previous sample and TWA interpolates across. */
function emptyValue(a: Acc, agg: i32, hasNext: bool, nextTs: i64, nextValue: f64): f64 {
  if (agg == AGG_LAST && a.hasPrev) return a.prevValue;
  if (agg == AGG_TWA && a.hasPrev && hasNext) {
    const mid = a.bucketStart + (a.bucketEnd - a.bucketStart) / 2;
    return interpolate(a.prevTs, a.prevValue, nextTs, nextValue, mid);
  }
  return NaN;
}

/** The start of the bucket holding ts for buckets of `bucket` ms aligned to `align`. */
export function bucketStartOf(ts: i64, bucket: i64, align: i64): i64 {
  let r = (ts - align) % bucket;
  if (r < 0) r += bucket;
  return ts - r;
}
