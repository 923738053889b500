// RedisBloom 2.8's t-digest (t-digest-c, the merging digest): up to cap = 6 × compression + 10 centroids
// (mean, weight); new samples are buffered as unit centroids after the merged ones and, when the
// buffer is full (or before a query), sorted and merged under the k1 scale: neighbours merge while
// weight × compression / (2π·N·ln N) stays under q(1 - q) at both ends. One block holds a 64-byte
// header, the means and the weights; it is also the saved form.

import { heapFootprint } from "ferrite-sdk";

const D_COMPRESSION: usize = 0; // f64
const D_MIN: usize = 8; // f64
const D_MAX: usize = 16; // f64
const D_CAP: usize = 24; // u32
const D_MERGED: usize = 28; // u32: merged centroids, sorted, at the front
const D_UNMERGED: usize = 32; // u32: buffered samples after them
const D_COMPRESSIONS: usize = 40; // i64
const D_MERGED_WEIGHT: usize = 48; // i64
const D_UNMERGED_WEIGHT: usize = 56; // i64
const HEADER: usize = 64;

/** The largest compression whose block fits one allocation (1 GiB). */
export const MAX_COMPRESSION: i64 = ((0x3fff_ffff - <i64>HEADER) / 16 - 10) / 6;

/** td_add's and td_compress's refusals: a weight that would overflow. */
export const OVERFLOW: i32 = -1;

export function tdCompression(d: usize): f64 { return load<f64>(d + D_COMPRESSION); }
export function tdMin(d: usize): f64 { return load<f64>(d + D_MIN); }
export function tdMax(d: usize): f64 { return load<f64>(d + D_MAX); }
export function tdCap(d: usize): u32 { return load<u32>(d + D_CAP); }
export function tdMerged(d: usize): u32 { return load<u32>(d + D_MERGED); }
export function tdUnmerged(d: usize): u32 { return load<u32>(d + D_UNMERGED); }
export function tdCompressions(d: usize): i64 { return load<i64>(d + D_COMPRESSIONS); }
export function tdMergedWeight(d: usize): i64 { return load<i64>(d + D_MERGED_WEIGHT); }
export function tdUnmergedWeight(d: usize): i64 { return load<i64>(d + D_UNMERGED_WEIGHT); }
export function tdSize(d: usize): i64 { return tdMergedWeight(d) + tdUnmergedWeight(d); }
export function tdBytes(d: usize): usize { return HEADER + <usize>tdCap(d) * 16; }
export function tdMemory(d: usize): usize { return heapFootprint(tdBytes(d)); }
// @ts-ignore: decorator
@inline function meanAt(d: usize, i: u32): usize { return d + HEADER + <usize>i * 8; }
// @ts-ignore: decorator
@inline function weightAt(d: usize, i: u32): usize { return d + HEADER + <usize>tdCap(d) * 8 + <usize>i * 8; }
export function mean(d: usize, i: u32): f64 { return load<f64>(meanAt(d, i)); }
export function weight(d: usize, i: u32): f64 { return <f64>load<i64>(weightAt(d, i)); }
export function centroidWeight(d: usize, i: u32): i64 { return load<i64>(weightAt(d, i)); }

export function tdCreate(compression: i64): usize {
  const cap = <u32>(6 * compression + 10);
  const bytes = HEADER + <usize>cap * 16;
  const d = heap.alloc(bytes);
  memory.fill(d, 0, bytes);
  store<f64>(d + D_COMPRESSION, <f64>compression);
  store<u32>(d + D_CAP, cap);
  tdReset(d);
  return d;
}

export function tdReset(d: usize): void {
  store<f64>(d + D_MIN, f64.MAX_VALUE);
  store<f64>(d + D_MAX, -f64.MAX_VALUE);
  store<u32>(d + D_MERGED, 0);
  store<u32>(d + D_UNMERGED, 0);
  store<i64>(d + D_COMPRESSIONS, 0);
  store<i64>(d + D_MERGED_WEIGHT, 0);
  store<i64>(d + D_UNMERGED_WEIGHT, 0);
}

export function tdCopy(d: usize): usize {
  const copy = heap.alloc(tdBytes(d));
  memory.copy(copy, d, tdBytes(d));
  return copy;
}

/** The digest saved at ptr (its block), or 0. */
export function tdLoad(ptr: usize, len: usize): usize {
  if (len < HEADER) return 0;
  const cap = load<u32>(ptr + D_CAP), compression = load<f64>(ptr + D_COMPRESSION);
  if (!(compression >= 1 && compression <= <f64>MAX_COMPRESSION) || cap != <u32>(6 * <i64>compression + 10)) return 0;
  if (len != HEADER + <usize>cap * 16 || <u64>load<u32>(ptr + D_MERGED) + <u64>load<u32>(ptr + D_UNMERGED) > <u64>cap) return 0;
  const d = heap.alloc(len);
  memory.copy(d, ptr, len);
  return d;
}

/** Whether a sum of weights is past what the k1 scale's normalizer can take (_check_td_overflow). */
function overflows(unmerged: f64, total: f64): bool {
  return unmerged == Infinity || total == Infinity || 2 * Math.PI * total * Math.log(total) == Infinity;
}

/** td_add: buffers `value` with weight `w` (compressing first when the buffer is full); OVERFLOW or 0. */
export function tdAdd(d: usize, value: f64, w: i64): i32 {
  if (tdMerged(d) + tdUnmerged(d) >= tdCap(d) - 1 && tdCompress(d) != 0) return OVERFLOW;
  const pos = tdMerged(d) + tdUnmerged(d);
  if (pos >= tdCap(d)) return OVERFLOW;
  const unmerged = tdUnmergedWeight(d) + w;
  if (unmerged < tdUnmergedWeight(d)) return OVERFLOW;
  const total = unmerged + tdMergedWeight(d);
  if (total < unmerged || overflows(<f64>unmerged, <f64>total)) return OVERFLOW;
  if (value < tdMin(d)) store<f64>(d + D_MIN, value);
  if (value > tdMax(d)) store<f64>(d + D_MAX, value);
  store<f64>(meanAt(d, pos), value);
  store<i64>(weightAt(d, pos), w);
  store<u32>(d + D_UNMERGED, tdUnmerged(d) + 1);
  store<i64>(d + D_UNMERGED_WEIGHT, unmerged);
  return 0;
}

/** Heap sort of the n centroids by mean (weights follow): O(n log n) whatever the input. */
function sortCentroids(d: usize, n: u32): void {
  for (let i = <i32>(n / 2) - 1; i >= 0; i--) siftDown(d, <u32>i, n);
  for (let end = n - 1; end > 0; end--) {
    swap(d, 0, end);
    siftDown(d, 0, end);
  }
}

function siftDown(d: usize, start: u32, n: u32): void {
  let i = start;
  while (i < n / 2) {
    let child: u32 = 2 * i + 1;
    if (child + 1 < n && mean(d, child) < mean(d, child + 1)) child++;
    if (!(mean(d, i) < mean(d, child))) break;
    swap(d, i, child);
    i = child;
  }
}

function swap(d: usize, a: u32, b: u32): void {
  const m = mean(d, a), w = load<i64>(weightAt(d, a));
  store<f64>(meanAt(d, a), mean(d, b));
  store<i64>(weightAt(d, a), load<i64>(weightAt(d, b)));
  store<f64>(meanAt(d, b), m);
  store<i64>(weightAt(d, b), w);
}

/** td_compress: merges the buffered samples into the centroids; OVERFLOW or 0. */
export function tdCompress(d: usize): i32 {
  const buffered = tdUnmerged(d);
  if (buffered == 0) return 0;
  const n = tdMerged(d) + buffered;
  sortCentroids(d, n);
  const total = <f64>tdMergedWeight(d) + <f64>tdUnmergedWeight(d);
  if (overflows(<f64>tdUnmergedWeight(d), total)) return OVERFLOW;
  let merged = n;
  if (total > 1) {
    const normalizer = tdCompression(d) / (2 * Math.PI * total * Math.log(total));
    if (normalizer == Infinity) return OVERFLOW;
    let cur: u32 = 0;
    let soFar: f64 = 0;
    for (let i: u32 = 1; i < n; i++) {
      const proposed = weight(d, cur) + weight(d, i);
      const z = proposed * normalizer;
      const q0 = soFar / total;
      const q2 = (soFar + proposed) / total;
      if (z <= q0 * (1 - q0) && z <= q2 * (1 - q2)) {
        store<i64>(weightAt(d, cur), load<i64>(weightAt(d, cur)) + load<i64>(weightAt(d, i)));
        store<f64>(meanAt(d, cur), mean(d, cur) + (mean(d, i) - mean(d, cur)) * weight(d, i) / weight(d, cur));
      } else {
        soFar += weight(d, cur);
        cur++;
        store<i64>(weightAt(d, cur), load<i64>(weightAt(d, i)));
        store<f64>(meanAt(d, cur), mean(d, i));
      }
      if (cur != i) {
        store<i64>(weightAt(d, i), 0);
        store<f64>(meanAt(d, i), 0);
      }
    }
    merged = cur + 1;
  }
  store<u32>(d + D_MERGED, merged);
  store<i64>(d + D_MERGED_WEIGHT, <i64>total);
  store<u32>(d + D_UNMERGED, 0);
  store<i64>(d + D_UNMERGED_WEIGHT, 0);
  store<i64>(d + D_COMPRESSIONS, tdCompressions(d) + 1);
  return 0;
}
