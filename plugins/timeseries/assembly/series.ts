// The series value: a header in plugin memory (its pointer is the handle) over an array of chunk
// pointers in time order. The header fields are RedisTimeSeries's Series: TS.INFO reports them.
// `bytes` is the running MEMORY USAGE figure, kept as chunks, labels and rules come and go.
import { heapFootprint } from "ferrite-sdk";
import { Chunk, chunkAppend, chunkFootprint, chunkHasRoom, chunkNew } from "./chunk";
import { watchKeyspace } from "./label-index";
import { freeRules } from "./rules";

export const TS_TYPE: i32 = 0;

/** Series alive in this instance, every database together (INFO's timeseries_series, info.ts). */
export let liveSeries: i64 = 0;

export const DP_NONE: i32 = -1;
export const DP_BLOCK: i32 = 0;
export const DP_FIRST: i32 = 1;
export const DP_LAST: i32 = 2;
export const DP_MIN: i32 = 3;
export const DP_MAX: i32 = 4;
export const DP_SUM: i32 = 5;

@unmanaged export class Series {
  totalSamples: i64;
  lastTs: i64;
  lastValue: f64;
  retention: i64;
  ignoreMaxTimeDiff: i64;
  ignoreMaxValDiff: f64;
  bytes: i64;
  chunkSize: i32;
  encoding: i32;
  dupPolicy: i32; // DP_NONE: the config's
  chunkCount: i32;
  chunkCap: i32;
  chunks: usize; // u32 chunk pointers
  labels: usize; // labels.ts blob, 0 for none
  labelsLen: i32;
  srcKey: usize; // the source of a compaction destination, 0 for none
  srcKeyLen: i32;
  rules: usize; // first Rule (rules.ts), 0 for none
}

// @ts-ignore: decorator
@inline export function seriesChunk(s: Series, i: i32): Chunk { return changetype<Chunk>(<usize>load<u32>(s.chunks + (<usize>i << 2))); }

// @ts-ignore: decorator
@inline function setChunk(s: Series, i: i32, c: Chunk): void { store<u32>(s.chunks + (<usize>i << 2), <u32>changetype<usize>(c)); }

export function seriesNew(retention: i64, chunkSize: i32, encoding: i32, dupPolicy: i32): Series {
  watchKeyspace();
  liveSeries++;
  const s = changetype<Series>(heap.alloc(offsetof<Series>()));
  memory.fill(changetype<usize>(s), 0, offsetof<Series>());
  s.retention = retention;
  s.chunkSize = chunkSize;
  s.encoding = encoding;
  s.dupPolicy = dupPolicy;
  s.bytes = <i64>heapFootprint(offsetof<Series>());
  return s;
}

/** Opens a slot for a chunk at index i, shifting the later ones up. */
export function insertChunkSlot(s: Series, i: i32, c: Chunk): void {
  if (s.chunkCount == s.chunkCap) {
    const cap = s.chunkCap < 4 ? 4 : s.chunkCap * 2;
    const next = heap.alloc(<usize>cap << 2);
    if (s.chunks) {
      memory.copy(next, s.chunks, <usize>s.chunkCount << 2);
      heap.free(s.chunks);
      s.bytes -= <i64>heapFootprint(<usize>s.chunkCap << 2);
    }
    s.chunks = next;
    s.chunkCap = cap;
    s.bytes += <i64>heapFootprint(<usize>cap << 2);
  }
  const at = s.chunks + (<usize>i << 2);
  memory.copy(at + 4, at, <usize>(s.chunkCount - i) << 2);
  setChunk(s, i, c);
  s.chunkCount++;
  s.bytes += chunkFootprint(c);
}

/** Frees `n` chunks from index i and closes the gap. */
export function removeChunks(s: Series, i: i32, n: i32): void {
  for (let k = i; k < i + n; k++) {
    const c = seriesChunk(s, k);
    s.bytes -= chunkFootprint(c);
    heap.free(changetype<usize>(c));
  }
  const at = s.chunks + (<usize>i << 2);
  memory.copy(at, at + (<usize>n << 2), <usize>(s.chunkCount - i - n) << 2);
  s.chunkCount -= n;
}

/** A new chunk of this series's encoding and size. */
export function seriesChunkNew(s: Series): Chunk { return chunkNew(s.encoding, <u32>s.chunkSize); }

/** Appends a sample newer than every other (or the first one). */
export function seriesAppend(s: Series, ts: i64, v: f64): void {
  let last = s.chunkCount > 0 ? seriesChunk(s, s.chunkCount - 1) : changetype<Chunk>(0);
  if (!last || !chunkHasRoom(last, ts, v)) {
    last = seriesChunkNew(s);
    insertChunkSlot(s, s.chunkCount, last);
  }
  chunkAppend(last, ts, v);
  s.totalSamples++;
  s.lastTs = ts;
  s.lastValue = v;
  trimRetention(s);
}

/** The oldest timestamp retention keeps: samples before it are no longer reported. */
export function minValidTs(s: Series): i64 {
  if (s.retention == 0 || s.totalSamples == 0 || s.lastTs <= s.retention) return 0;
  return s.lastTs - s.retention;
}

/** Drops whole chunks that retention has passed, as RedisTimeSeries does (a chunk goes when its last sample is out). */
export function trimRetention(s: Series): void {
  const min = minValidTs(s);
  if (min == 0) return;
  let n = 0;
  while (n < s.chunkCount - 1 && seriesChunk(s, n).endTs < min) {
    s.totalSamples -= <i64>seriesChunk(s, n).count;
    n++;
  }
  if (n > 0) removeChunks(s, 0, n);
}

export function seriesFree(s: Series): void {
  for (let i = 0; i < s.chunkCount; i++) heap.free(changetype<usize>(seriesChunk(s, i)));
  if (s.chunks) heap.free(s.chunks);
  if (s.labels) heap.free(s.labels);
  if (s.srcKey) heap.free(s.srcKey);
  freeRules(s.rules);
  heap.free(changetype<usize>(s));
  liveSeries--;
}

/** Replaces the bytes a series keeps for a copied field (labels, source key), keeping `bytes` right. */
export function replaceBlock(s: Series, old: usize, oldLen: i32, ptr: usize, len: i32): usize {
  if (old) {
    heap.free(old);
    s.bytes -= <i64>heapFootprint(<usize>oldLen);
  }
  if (len == 0) return 0;
  const block = heap.alloc(<usize>len);
  memory.copy(block, ptr, <usize>len);
  s.bytes += <i64>heapFootprint(<usize>len);
  return block;
}
