// Writes that are not appends: an out-of-order or duplicate sample (upsert) and TS.DEL. Both decode the
// chunk they touch, change the samples, and encode them back (into more chunks if they no longer fit),
// as RedisTimeSeries does for its compressed chunks.
import { Chunk, chunkAppend, chunkHasRoom, chunkReplaceLast, readNext, readStart, readTs, readValue } from "./chunk";
import { Samples, chunkScratch, sampleTs, sampleValue, samplesInsert, samplesPush, setSampleValue } from "./scratch";
import { DP_BLOCK, DP_FIRST, DP_LAST, DP_MAX, DP_MIN, DP_SUM, Series, insertChunkSlot, removeChunks, seriesChunk, seriesChunkNew } from "./series";

function decode(c: Chunk, into: Samples): void {
  into.len = 0;
  readStart(c);
  while (readNext()) samplesPush(into, readTs, readValue);
}

/** Replaces chunk i with the samples in `from` (none: the chunk goes). */
function encodeBack(s: Series, i: i32, from: Samples): void {
  removeChunks(s, i, 1);
  let at = i;
  let c = changetype<Chunk>(0);
  for (let k = 0; k < from.len; k++) {
    if (!c || !chunkHasRoom(c, sampleTs(from, k), sampleValue(from, k))) {
      c = seriesChunkNew(s);
      insertChunkSlot(s, at++, c);
    }
    chunkAppend(c, sampleTs(from, k), sampleValue(from, k));
  }
}

/** Index of the chunk a timestamp belongs in: the last one starting at or before it (else the first). */
function chunkFor(s: Series, ts: i64): i32 {
  let lo = 0, hi = s.chunkCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (seriesChunk(s, mid).startTs <= ts) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/**
 * Whether `policy` refuses a duplicate: BLOCK always, MIN/MAX/SUM when either value is NaN (there is no
 * order or sum to keep), as RedisTimeSeries does since it took NaN samples.
 */
function refuses(policy: i32, old: f64, v: f64): bool {
  return policy == DP_BLOCK || ((policy == DP_MIN || policy == DP_MAX || policy == DP_SUM) && (isNaN(old) || isNaN(v)));
}

/** The value a duplicate sample leaves under `policy` (one refuses() let through). */
function resolve(policy: i32, old: f64, v: f64): f64 {
  if (policy == DP_FIRST) return old;
  if (policy == DP_LAST) return v;
  if (policy == DP_MIN) return v < old ? v : old;
  if (policy == DP_MAX) return v > old ? v : old;
  return old + v; // DP_SUM
}

/** Writes a sample at or before the newest one; false when the timestamp exists and the policy refuses it. */
export function seriesUpsert(s: Series, ts: i64, v: f64, policy: i32): bool {
  if (ts == s.lastTs) { // the newest sample again: rewritten in place when the new value fits
    if (refuses(policy, s.lastValue, v)) return false;
    const resolved = resolve(policy, s.lastValue, v);
    if (chunkReplaceLast(seriesChunk(s, s.chunkCount - 1), resolved)) {
      s.lastValue = resolved;
      return true;
    }
  }
  const i = chunkFor(s, ts);
  const c = seriesChunk(s, i);
  decode(c, chunkScratch);
  const samples = chunkScratch;
  let at = 0;
  while (at < samples.len && sampleTs(samples, at) < ts) at++;
  if (at < samples.len && sampleTs(samples, at) == ts) {
    if (refuses(policy, sampleValue(samples, at), v)) return false;
    setSampleValue(samples, at, resolve(policy, sampleValue(samples, at), v));
  } else {
    samplesInsert(samples, at, ts, v);
    s.totalSamples++;
  }
  encodeBack(s, i, samples);
  refreshLast(s);
  return true;
}

/** Deletes the samples in [from, to]; returns how many. */
export function seriesDeleteRange(s: Series, from: i64, to: i64): i64 {
  let deleted: i64 = 0;
  let i = 0;
  while (i < s.chunkCount) {
    const c = seriesChunk(s, i);
    if (c.endTs < from || c.startTs > to) { i++; continue; }
    if (c.startTs >= from && c.endTs <= to) {
      deleted += <i64>c.count;
      removeChunks(s, i, 1);
      continue;
    }
    decode(c, chunkScratch);
    const samples = chunkScratch;
    let kept = 0;
    for (let k = 0; k < samples.len; k++) {
      const t = sampleTs(samples, k);
      if (t >= from && t <= to) continue;
      store<i64>(samples.ts + (<usize>kept << 3), t);
      setSampleValue(samples, kept++, sampleValue(samples, k));
    }
    deleted += <i64>(samples.len - kept);
    const before = s.chunkCount;
    samples.len = kept;
    encodeBack(s, i, samples);
    i += s.chunkCount - before + 1;
  }
  s.totalSamples -= deleted;
  refreshLast(s);
  return deleted;
}

function refreshLast(s: Series): void {
  if (s.chunkCount == 0) {
    s.totalSamples = 0;
    s.lastTs = 0;
    s.lastValue = 0;
    return;
  }
  const last = seriesChunk(s, s.chunkCount - 1);
  s.lastTs = last.endTs;
  s.lastValue = last.lastValue;
}
