// Reading a series's samples in a time span: only the chunks that overlap it are decoded.
import { readNext, readStart, readTs, readValue } from "./chunk";
import { Samples, samplesPush } from "./scratch";
import { Series, seriesChunk } from "./series";

/** Index of the first chunk that may hold samples at or after `from`. */
export function firstChunkFrom(s: Series, from: i64): i32 {
  let lo = 0, hi = s.chunkCount;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (seriesChunk(s, mid).endTs < from) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Appends the samples with from <= ts <= to to `out`, oldest first. */
export function collectRaw(s: Series, from: i64, to: i64, out: Samples): void {
  for (let i = firstChunkFrom(s, from); i < s.chunkCount; i++) {
    const c = seriesChunk(s, i);
    if (c.startTs > to) break;
    readStart(c);
    while (readNext()) {
      if (readTs < from) continue;
      if (readTs > to) break;
      samplesPush(out, readTs, readValue);
    }
  }
}
