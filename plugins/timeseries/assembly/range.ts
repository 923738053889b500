// A range query over one series: the samples in [from, to] within retention, filtered by timestamp list
// and value, optionally aggregated into buckets, gathered oldest first into a scratch array (a reply's
// length comes before its elements), then replied in either direction with COUNT.
import { formatDouble, protocol, replyArray, replyDouble, replyInt, replySimpleBytes, DOUBLE_MAX_CHARS } from "ferrite-sdk";
import { Acc, AGG_NONE, accAdd, accCarry, accNew, accReset, accValue, bucketStartOf } from "./aggregate";
import { latestTs, latestValue, openBucket } from "./latest";
import {
  BUCKET_HIGH, BUCKET_MID, rAgg, rAlign, rBucket, rBucketTs, rByTsCount, rByValue, rCount, rEmpty, rFrom, rLatest, rMax, rMin, rTo, tsListed,
} from "./range-args";
import { normalizeBucket } from "./rules";
import { scanSpan } from "./scan";
import { Samples, sampleTs, sampleValue, samplesPush } from "./scratch";
import { Series, minValidTs } from "./series";

const acc: Acc = accNew();
let open = false;
let out: Samples = changetype<Samples>(0);

/** Gathers the range's results for the series (named key, for LATEST) into `into`. */
export function rangeCollect(s: Series, key: usize, keyLen: i32, into: Samples): void {
  out = into;
  out.len = 0;
  open = false;
  acc.hasPrev = 0;
  const min = minValidTs(s);
  const from = rFrom > min ? rFrom : min;
  const to = rTo;
  if (from <= to) scanSpan(s, from, to, offer);
  if (rLatest && openBucket(s, key, keyLen) && (s.totalSamples == 0 || latestTs > s.lastTs) && latestTs >= from && latestTs <= to) {
    offer(latestTs, latestValue);
  }
  if (open) emit(acc.bucketStart, accValue(acc, rAgg, false, 0, 0));
}

function offer(ts: i64, v: f64): void {
  if (rByTsCount > 0 && !tsListed(ts)) return;
  if (rByValue && !(v >= rMin && v <= rMax)) return;
  if (rAgg == AGG_NONE) { samplesPush(out, ts, v); return; }
  const start = bucketStartOf(ts, rBucket, rAlign);
  if (!open) {
    accReset(acc, start, start + rBucket);
    open = true;
  } else if (start != acc.bucketStart) {
    emit(acc.bucketStart, accValue(acc, rAgg, true, ts, v));
    accCarry(acc);
    if (rEmpty) {
      for (let b = acc.bucketStart + rBucket; b < start; b += rBucket) {
        accReset(acc, b, b + rBucket);
        emit(b, accValue(acc, rAgg, true, ts, v));
      }
    }
    accReset(acc, start, start + rBucket);
  }
  accAdd(acc, ts, v);
}

function emit(bucketStart: i64, v: f64): void {
  let ts = normalizeBucket(bucketStart);
  if (rBucketTs == BUCKET_HIGH) ts = bucketStart + rBucket;
  else if (rBucketTs == BUCKET_MID) ts = bucketStart + rBucket / 2;
  samplesPush(out, ts, v);
}

const valueText: usize = memory.data(DOUBLE_MAX_CHARS);

/** A sample's value: a double in RESP3, its shortest text as a simple string in RESP2. */
function replyValue(v: f64): void {
  if (protocol() == 3) replyDouble(v);
  else replySimpleBytes(valueText, formatDouble(v, valueText));
}

export function replySample(ts: i64, v: f64): void {
  replyArray(2);
  replyInt(ts);
  replyValue(v);
}

/** Replies the gathered results as [[ts, value], ...], newest first when reversed, at most COUNT of them. */
export function replySamples(results: Samples, reverse: bool): void {
  let n = results.len;
  if (rCount >= 0 && <i64>n > rCount) n = <i32>rCount;
  replyArray(n);
  for (let k = 0; k < n; k++) {
    const i = reverse ? results.len - 1 - k : k;
    replySample(sampleTs(results, i), sampleValue(results, i));
  }
}
