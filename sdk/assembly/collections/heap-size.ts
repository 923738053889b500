// What a heap.alloc'ed block really costs, for MEMORY USAGE: AssemblyScript's TLSF allocator adds a
// 4-byte header and rounds each block so payloads stay 16-byte aligned, with a 12-byte minimum payload.

const OVERHEAD: usize = 4;
const ALIGN_MASK: usize = 15;
const MIN_BLOCK: usize = 16;

/** Bytes of heap a heap.alloc(size) block occupies, header included. */
export function heapFootprint(size: usize): usize {
  return max((size + OVERHEAD + ALIGN_MASK) & ~ALIGN_MASK, MIN_BLOCK);
}
