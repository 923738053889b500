// The tree's allocator: small blocks by size class, carved from 64 KiB slabs, without headers.
//
// A document is ~100 small blocks (keys, strings, numbers, item lists: most under 64 bytes). Through
// TLSF each paid a 4-byte header, 16-byte rounding and a 16-byte minimum (a 9-byte number took 16, a
// 5-byte container header 16), and each allocation and free searched TLSF's bitmaps under the fuel
// instrumentation. Here a block of up to SMALL_MAX bytes is rounded to 4 and taken from its class's free
// list (a free block holds the next free block's address) or cut from the current slab; freeing pushes
// it back. Every caller already knows a block's size when freeing it (node.ts), so no header is needed.
// Larger blocks (long strings, big item lists) go to TLSF as before. Memory on a free list stays
// there for its class, as TLSF keeps what it frees: wasm memory never shrinks.
import { heapFootprint } from "ferrite-sdk";

const SMALL_MAX: usize = 128;
const SLAB_SIZE: usize = 65536;
/** Free-list heads, one per 4-byte class (index size / 4). */
const FREE = memory.data(132);
let slab: usize = 0;
let slabEnd: usize = 0;

// @ts-ignore: decorator
@inline function rounded(size: usize): usize { return (size + 3) & ~3; }

/** Bytes a block of `size` occupies (what MEMORY USAGE counts). */
export function blockFootprint(size: usize): usize {
  return size <= SMALL_MAX ? rounded(size) : heapFootprint(size);
}

export function smallAlloc(size: usize): usize {
  if (size > SMALL_MAX) return heap.alloc(size);
  const r = rounded(size);
  const head = FREE + r;
  const free = <usize>load<u32>(head);
  if (free != 0) {
    store<u32>(head, load<u32>(free));
    return free;
  }
  if (slab + r > slabEnd) {
    // The rest of the old slab (under SMALL_MAX bytes) is left unused.
    slab = heap.alloc(SLAB_SIZE);
    slabEnd = slab + SLAB_SIZE;
  }
  const b = slab;
  slab += r;
  return b;
}

export function smallFree(ptr: usize, size: usize): void {
  if (size > SMALL_MAX) { heap.free(ptr); return; }
  const head = FREE + rounded(size);
  store<u32>(ptr, load<u32>(head));
  store<u32>(head, <u32>ptr);
}
