// RedisBloom 2.8's count-min sketch: depth rows of width 32-bit counters in one block after a 24-byte
// header (width, depth, total count: u64 each). Row i counts an item in column MurmurHash2(item, seed i)
// mod width; a query is the smallest of its depth counters. Counters saturate at 2^32 - 1, which
// CMS.INCRBY reports as an overflow. The block is also the saved form.

import { heapFootprint, murmurHash2 } from "ferrite-sdk";

const S_WIDTH: usize = 0;
const S_DEPTH: usize = 8;
const S_COUNT: usize = 16;
export const SKETCH_HEADER: usize = 24;
export const CELL_MAX: u64 = 0xffff_ffff;

export function sketchWidth(s: usize): u64 { return load<u64>(s + S_WIDTH); }
export function sketchDepth(s: usize): u64 { return load<u64>(s + S_DEPTH); }
export function sketchCount(s: usize): u64 { return load<u64>(s + S_COUNT); }
export function sketchBytes(s: usize): usize { return SKETCH_HEADER + <usize>(sketchWidth(s) * sketchDepth(s)) * 4; }
export function sketchMemory(s: usize): usize { return heapFootprint(sketchBytes(s)); }

/** The most counters one sketch may hold: its block must fit one allocation (1 GiB). */
export const MAX_CELLS: u64 = (0x3fff_ffff - <u64>SKETCH_HEADER) / 4;

export function sketchCreate(width: u64, depth: u64): usize {
  const bytes = SKETCH_HEADER + <usize>(width * depth) * 4;
  const s = heap.alloc(bytes);
  memory.fill(s, 0, bytes);
  store<u64>(s + S_WIDTH, width);
  store<u64>(s + S_DEPTH, depth);
  return s;
}

export function sketchCopy(s: usize): usize {
  const bytes = sketchBytes(s);
  const copy = heap.alloc(bytes);
  memory.copy(copy, s, bytes);
  return copy;
}

/** The sketch saved at ptr (its block), or 0. */
export function sketchLoad(ptr: usize, len: usize): usize {
  if (len < SKETCH_HEADER) return 0;
  const width = load<u64>(ptr + S_WIDTH), depth = load<u64>(ptr + S_DEPTH);
  if (width == 0 || depth == 0 || width > MAX_CELLS || depth > MAX_CELLS / width) return 0;
  if (len != SKETCH_HEADER + <usize>(width * depth) * 4) return 0;
  const s = heap.alloc(len);
  memory.copy(s, ptr, len);
  return s;
}

export function cellAt(s: usize, row: u64, column: u64): usize {
  return s + SKETCH_HEADER + <usize>(row * sketchWidth(s) + column) * 4;
}

function column(s: usize, ptr: usize, len: i32, row: u64): u64 {
  return <u64>murmurHash2(ptr, len, <u32>row) % sketchWidth(s);
}

/** CMS_IncrBy: adds `value` to the item's counters (saturating) and returns its new estimate. */
export function sketchIncrBy(s: usize, ptr: usize, len: i32, value: u64): u64 {
  let least = CELL_MAX;
  for (let row: u64 = 0; row < sketchDepth(s); row++) {
    const at = cellAt(s, row, column(s, ptr, len, row));
    const updated = min(<u64>load<u32>(at) + value, CELL_MAX);
    store<u32>(at, <u32>updated);
    least = min(least, updated);
  }
  store<u64>(s + S_COUNT, sketchCount(s) + value);
  return least;
}

/** CMS_Query: the smallest of the item's counters. */
export function sketchQuery(s: usize, ptr: usize, len: i32): u64 {
  let least = CELL_MAX;
  for (let row: u64 = 0; row < sketchDepth(s); row++) least = min(least, <u64>load<u32>(cellAt(s, row, column(s, ptr, len, row))));
  return least;
}

export function setSketchCount(s: usize, count: u64): void { store<u64>(s + S_COUNT, count); }
