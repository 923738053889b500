// Reading a series's samples in a time span: only the chunks that overlap it are decoded.
import { readNext, readStart, readTs, readValue } from "./chunk";
import { Samples, samplesPush } from "./scratch";
import { Series, seriesChunk } from "./series";

/** Index of the first chunk that may hold samples at or after `from`. */
function firstChunkFrom(s: Series, from: i64): i32 {
  let lo = 0, hi = s.chunkCount;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (seriesChunk(s, mid).endTs < from) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Calls visit(ts, value) for the samples with from <= ts <= to, oldest first, decoding only the chunks that overlap. */
export function scanSpan(s: Series, from: i64, to: i64, visit: (ts: i64, v: f64) => void): void {
  for (let i = firstChunkFrom(s, from); i < s.chunkCount; i++) {
    const c = seriesChunk(s, i);
    if (c.startTs > to) break;
    readStart(c);
    while (readNext()) {
      if (readTs < from) continue;
      if (readTs > to) break;
      visit(readTs, readValue);
    }
  }
}

let target: Samples = changetype<Samples>(0);

/** Appends the samples with from <= ts <= to to `out`, oldest first. */
export function collectRaw(s: Series, from: i64, to: i64, out: Samples): void {
  target = out;
  scanSpan(s, from, to, (ts: i64, v: f64): void => { samplesPush(target, ts, v); });
}
