// The intset encoding, as Redis's intset.c: a sorted array of integers all stored at the width of the
// widest (2, 4 or 8 bytes), searched by bisection. One heap block [u32 count][u32 width][values...],
// reallocated on every change like Redis's: the encoding holds at most 512 members, so memory wins.
// Functions that change the block return its new address (0: nothing changed).
import { heapFootprint } from "ferrite-sdk";

const HEADER: usize = 8;

// @ts-ignore: decorator
@inline export function isCount(b: usize): i32 { return <i32>load<u32>(b); }
// @ts-ignore: decorator
@inline function width(b: usize): usize { return <usize>load<u32>(b, 4); }

function widthFor(v: i64): usize {
  if (v == <i64><i16>v) return 2;
  return v == <i64><i32>v ? 4 : 8;
}

export function isCreate(): usize {
  const b = heap.alloc(HEADER);
  store<u32>(b, 0);
  store<u32>(b, 2, 4);
  return b;
}

export function isGet(b: usize, i: i32): i64 {
  const w = width(b);
  const p = b + HEADER + <usize>i * w;
  if (w == 2) return <i64>load<i16>(p);
  return w == 4 ? <i64>load<i32>(p) : load<i64>(p);
}

function put(b: usize, i: i32, v: i64, w: usize): void {
  const p = b + HEADER + <usize>i * w;
  if (w == 2) store<i16>(p, <i16>v);
  else if (w == 4) store<i32>(p, <i32>v);
  else store<i64>(p, v);
}

/** The index of v, or -(insertion point) - 1. */
function search(b: usize, v: i64): i32 {
  let lo = 0, hi = isCount(b) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const m = isGet(b, mid);
    if (m == v) return mid;
    if (m < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return -lo - 1;
}

export function isHas(b: usize, v: i64): bool {
  return widthFor(v) <= width(b) && search(b, v) >= 0;
}

export function isAdd(b: usize, v: i64): usize {
  const n = isCount(b);
  if (widthFor(v) > width(b)) return upgradeAndAdd(b, v, widthFor(v));
  const w = width(b);
  const found = search(b, v);
  if (found >= 0) return 0;
  const at = -found - 1;
  const grown = heap.realloc(b, HEADER + <usize>(n + 1) * w);
  memory.copy(grown + HEADER + <usize>(at + 1) * w, grown + HEADER + <usize>at * w, <usize>(n - at) * w);
  put(grown, at, v, w);
  store<u32>(grown, n + 1);
  return grown;
}

/** v needs a wider width than every member, so it is below or above all of them. */
function upgradeAndAdd(b: usize, v: i64, w: usize): usize {
  const n = isCount(b);
  const wide = heap.alloc(HEADER + <usize>(n + 1) * w);
  const shift = v < 0 ? 1 : 0;
  for (let i = 0; i < n; i++) put(wide, i + shift, isGet(b, i), w);
  put(wide, v < 0 ? 0 : n, v, w);
  store<u32>(wide, n + 1);
  store<u32>(wide, <u32>w, 4);
  heap.free(b);
  return wide;
}

export function isRemove(b: usize, v: i64): usize {
  if (widthFor(v) > width(b)) return 0;
  const at = search(b, v);
  if (at < 0) return 0;
  const n = isCount(b) - 1;
  const w = width(b);
  memory.copy(b + HEADER + <usize>at * w, b + HEADER + <usize>(at + 1) * w, <usize>(n - at) * w);
  store<u32>(b, n);
  return heap.realloc(b, HEADER + <usize>n * w);
}

function bytes(b: usize): usize { return HEADER + <usize>isCount(b) * width(b); }

export function isCopy(b: usize): usize {
  const size = bytes(b);
  const c = heap.alloc(size);
  memory.copy(c, b, size);
  return c;
}

export function isMemory(b: usize): usize { return heapFootprint(bytes(b)); }
