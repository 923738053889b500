// LATEST: a compaction destination's open bucket, still accumulating in its source's rule.
import { keyFind, MISSING, WRONGTYPE } from "ferrite-sdk";
import { accValue } from "./aggregate";
import { findRule, normalizeBucket } from "./rules";
import { Series, TS_TYPE } from "./series";

export let latestTs: i64 = 0;
export let latestValue: f64 = 0;

/** Whether the series (named key) is a destination whose source has an open bucket for it; sets latestTs/latestValue. */
export function openBucket(s: Series, key: usize, keyLen: i32): bool {
  if (!s.srcKey) return false;
  const h = keyFind(s.srcKey, s.srcKeyLen, TS_TYPE);
  if (h == MISSING || h == WRONGTYPE) return false;
  const rule = findRule(changetype<Series>(<usize>h), key, keyLen);
  if (!rule || !rule.open || rule.acc.all == 0) return false;
  latestTs = normalizeBucket(rule.acc.bucketStart);
  latestValue = accValue(rule.acc, rule.agg, false, 0, 0);
  return true;
}
