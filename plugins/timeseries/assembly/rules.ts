// Compaction rules (TS.CREATERULE): each source series keeps a list of rules, each with its open bucket's
// accumulator; a sample past the open bucket closes it and its value is added to the destination series.
// A rule whose destination is gone (deleted, or no longer a series) is dropped when it next fires, as
// RedisTimeSeries does.
import { FIND_WRITE, MISSING, WRONGTYPE, heapFootprint, keyFind } from "ferrite-sdk";
import { Acc, accAdd, accCarry, accNew, accReset, accValue, bucketStartOf } from "./aggregate";
import { TS_ADD_DEST } from "./events";
import { seriesUpsert } from "./rewrite";
import { DP_LAST, Series, TS_TYPE, seriesAppend } from "./series";

@unmanaged export class Rule {
  next: usize; // the next Rule, 0 at the end
  acc: Acc;
  bucket: i64;
  align: i64;
  agg: i32;
  open: i32; // whether acc holds a bucket
  destLen: i32;
}

// @ts-ignore: decorator
@inline export function ruleDest(r: Rule): usize { return changetype<usize>(r) + offsetof<Rule>(); }

/** Bytes a rule occupies (MEMORY USAGE). */
export function ruleFootprint(r: Rule): i64 {
  return <i64>(heapFootprint(offsetof<Rule>() + <usize>r.destLen) + heapFootprint(offsetof<Acc>()));
}

export function ruleNew(dest: usize, destLen: i32, agg: i32, bucket: i64, align: i64): Rule {
  const r = changetype<Rule>(heap.alloc(offsetof<Rule>() + <usize>destLen));
  r.next = 0;
  r.acc = accNew();
  r.bucket = bucket;
  r.align = align;
  r.agg = agg;
  r.open = 0;
  r.destLen = destLen;
  memory.copy(ruleDest(r), dest, <usize>destLen);
  return r;
}

export function freeRules(first: usize): void {
  let r = first;
  while (r) {
    const next = changetype<Rule>(r).next;
    heap.free(changetype<usize>(changetype<Rule>(r).acc));
    heap.free(r);
    r = next;
  }
}

/** Adds a rule at the end of the list (TS.INFO lists them in creation order). */
export function addRule(s: Series, r: Rule): void {
  s.bytes += ruleFootprint(r);
  if (!s.rules) { s.rules = changetype<usize>(r); return; }
  let last = changetype<Rule>(s.rules);
  while (last.next) last = changetype<Rule>(last.next);
  last.next = changetype<usize>(r);
}

/** Removes (and frees) the rule writing to `dest`; false when there is none. */
export function removeRule(s: Series, dest: usize, destLen: i32): bool {
  let prev: usize = 0;
  let r = s.rules;
  while (r) {
    const rule = changetype<Rule>(r);
    if (rule.destLen == destLen && memory.compare(ruleDest(rule), dest, <usize>destLen) == 0) {
      if (prev) changetype<Rule>(prev).next = rule.next; else s.rules = rule.next;
      s.bytes -= ruleFootprint(rule);
      rule.next = 0;
      freeRules(r);
      return true;
    }
    prev = r;
    r = rule.next;
  }
  return false;
}

/** The rule writing to `dest`, or 0. */
export function findRule(s: Series, dest: usize, destLen: i32): Rule {
  let r = s.rules;
  while (r) {
    const rule = changetype<Rule>(r);
    if (rule.destLen == destLen && memory.compare(ruleDest(rule), dest, <usize>destLen) == 0) return rule;
    r = rule.next;
  }
  return changetype<Rule>(0);
}

/** Buckets before the epoch are reported at 0, as RedisTimeSeries normalizes them. */
export function normalizeBucket(ts: i64): i64 { return ts < 0 ? 0 : ts; }

/** Feeds a newly appended source sample to every rule, closing buckets it passes. */
export function rulesOnAppend(s: Series, ts: i64, v: f64): void {
  let r = s.rules;
  while (r) {
    const rule = changetype<Rule>(r);
    r = rule.next; // read first: a rule whose destination is gone removes itself
    const start = bucketStartOf(ts, rule.bucket, rule.align);
    if (!rule.open) {
      accReset(rule.acc, start, start + rule.bucket);
      rule.open = 1;
    } else if (start > rule.acc.bucketStart) {
      const value = accValue(rule.acc, rule.agg, true, ts, v);
      if (!writeDest(s, rule, normalizeBucket(rule.acc.bucketStart), value)) continue;
      accCarry(rule.acc);
      accReset(rule.acc, start, start + rule.bucket);
    }
    accAdd(rule.acc, ts, v);
  }
}

/** Adds a closed bucket's value to the rule's destination; false (and the rule dropped) when it is gone. */
export function writeDest(s: Series, rule: Rule, ts: i64, value: f64): bool {
  const h = keyFind(ruleDest(rule), rule.destLen, TS_TYPE, FIND_WRITE);
  if (h == MISSING || h == WRONGTYPE) {
    removeRule(s, ruleDest(rule), rule.destLen);
    return false;
  }
  const dest = changetype<Series>(<usize>h);
  destAdd(dest, ts, value);
  TS_ADD_DEST.emit(ruleDest(rule), rule.destLen);
  return true;
}

/** A destination sample: appended, or written over (a recomputed bucket) whatever the destination's policy. */
function destAdd(dest: Series, ts: i64, value: f64): void {
  if (dest.totalSamples > 0 && ts <= dest.lastTs) seriesUpsert(dest, ts, value, DP_LAST);
  else seriesAppend(dest, ts, value);
}
