// Keeping compactions right when a source's past changes (an out-of-order sample, TS.DEL): the closed
// buckets over the changed span are recomputed from the source and written over the destination's,
// and an open bucket in the span is re-accumulated, as RedisTimeSeries does.
import { FIND_WRITE, MISSING, WRONGTYPE, keyFind } from "ferrite-sdk";
import { Acc, accAdd, accNew, accReset, accValue, bucketStartOf } from "./aggregate";
import { seriesDeleteRange } from "./rewrite";
import { Rule, normalizeBucket, removeRule, ruleDest, writeDest } from "./rules";
import { collectRaw } from "./scan";
import { Samples, sampleTs, sampleValue, samplesNew } from "./scratch";
import { Series, TS_TYPE } from "./series";

const span: Samples = samplesNew();
const bucketAcc: Acc = accNew();

/** Recomputes every rule's buckets that overlap [from, to] after the source changed there. */
export function rulesOnRewrite(s: Series, from: i64, to: i64): void {
  let r = s.rules;
  while (r) {
    const rule = changetype<Rule>(r);
    r = rule.next;
    if (!rule.open) continue;
    const first = bucketStartOf(from, rule.bucket, rule.align);
    const last = bucketStartOf(to, rule.bucket, rule.align);
    const open = rule.acc.bucketStart;
    if (first < open && !rewriteClosed(s, rule, first, last < open ? last : open - rule.bucket)) continue;
    if (last >= open) reopen(s, rule);
  }
}

/** Rewrites the destination's buckets first..last (bucket starts) from the source. */
function rewriteClosed(s: Series, rule: Rule, first: i64, last: i64): bool {
  const h = keyFind(ruleDest(rule), rule.destLen, TS_TYPE, FIND_WRITE);
  if (h == MISSING || h == WRONGTYPE) { removeRule(s, ruleDest(rule), rule.destLen); return false; }
  seriesDeleteRange(changetype<Series>(<usize>h), normalizeBucket(first), normalizeBucket(last));
  span.len = 0;
  collectRaw(s, first, last + rule.bucket - 1, span);
  let k = 0;
  while (k < span.len) {
    const start = bucketStartOf(sampleTs(span, k), rule.bucket, rule.align);
    accReset(bucketAcc, start, start + rule.bucket);
    bucketAcc.hasPrev = 0;
    while (k < span.len && sampleTs(span, k) < start + rule.bucket) { accAdd(bucketAcc, sampleTs(span, k), sampleValue(span, k)); k++; }
    const hasNext = k < span.len;
    const value = accValue(bucketAcc, rule.agg, hasNext, hasNext ? sampleTs(span, k) : 0, hasNext ? sampleValue(span, k) : 0);
    if (!writeDest(s, rule, normalizeBucket(start), value)) return false;
  }
  return true;
}

/** Re-accumulates the open bucket from the source. */
function reopen(s: Series, rule: Rule): void {
  const start = rule.acc.bucketStart;
  accReset(rule.acc, start, start + rule.bucket);
  span.len = 0;
  collectRaw(s, start, start + rule.bucket - 1, span);
  for (let k = 0; k < span.len; k++) accAdd(rule.acc, sampleTs(span, k), sampleValue(span, k));
}
