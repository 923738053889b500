// ferrite_heap_check (host API 1.4): whether AssemblyScript's TLSF allocator is still consistent. The host
// calls it only after a call into the plugin failed (trap, abort, budget overrun): a failure that
// unwound out of the middle of an allocation or a free can leave the free lists pointing at blocks that
// are not free, and every later allocation would then corrupt memory or abort. The walk reads memory
// only and allocates nothing, so it is safe on a broken heap; its loops are bounded by the memory size.
//
// The layout below is TLSF's in ~lib/rt/tlsf.ts (assemblyscript 0.28, wasm32), which keeps its
// constants private: package-lock.json pins that version, and the plugin fault tests
// (test/integration/plugin-faults.test.ts) run this check on real heaps, healthy and broken.
import { ROOT } from "rt/tlsf";

const FREE: u32 = 1;
const LEFTFREE: u32 = 2;
const TAGS_MASK: u32 = 3;
const BLOCK_OVERHEAD: usize = 4;
const BLOCK_MINSIZE: u32 = 12; // ((3 * 4 + BLOCK_OVERHEAD + AL_MASK) & ~AL_MASK) - BLOCK_OVERHEAD
const BLOCK_MAXSIZE: u32 = (1 << 30) - 4;
const AL_BITS: u32 = 4;
const AL_MASK: usize = 15;
const SL_BITS: u32 = 4;
const SL_SIZE: u32 = 16;
const SB_BITS: u32 = 8;
const SB_SIZE: u32 = 256;
const FL_BITS: u32 = 23;
const SL_START: usize = 4;
const HL_START: usize = 96;
const HL_END: usize = HL_START + FL_BITS * SL_SIZE * 4;
const ROOT_SIZE: usize = HL_END + 4;

/** What ferrite_heap_check answers: 0, or the first inconsistency found. */
export const HEAP_OK: i32 = 0;
export const HEAP_BAD_TAIL: i32 = 1;
export const HEAP_BAD_BLOCK: i32 = 2;
export const HEAP_BAD_LEFTFREE: i32 = 3;
export const HEAP_UNMERGED: i32 = 4;
export const HEAP_BAD_BACK: i32 = 5;
export const HEAP_BAD_MAP: i32 = 6;
export const HEAP_BAD_LIST: i32 = 7;
export const HEAP_FREE_COUNT: i32 = 8;

/** The free list a free block of `size` belongs in, as fl * SL_SIZE + sl (TLSF's mapping_insert). */
function listOf(size: u32): u32 {
  if (size < SB_SIZE) return size >> AL_BITS;
  const bounded = min(size, BLOCK_MAXSIZE);
  let fl: u32 = 31 - clz(bounded);
  const sl = (bounded >> (fl - SL_BITS)) ^ (1 << SL_BITS);
  fl -= SB_BITS - 1;
  return fl * SL_SIZE + sl;
}

/** Blocks in address order: tags agree with neighbours, free blocks are merged and point back to themselves. */
let freeBlocks: u32 = 0;
function walkBlocks(root: usize, tail: usize): i32 {
  let block = ((root + ROOT_SIZE + BLOCK_OVERHEAD + AL_MASK) & ~AL_MASK) - BLOCK_OVERHEAD;
  let leftFree = false;
  freeBlocks = 0;
  while (block != tail) {
    if (block > tail) return HEAP_BAD_BLOCK;
    const info = load<u32>(block);
    const size = info & ~TAGS_MASK;
    // A zero-sized block before the tail is a region boundary (memory grown outside the allocator): unverifiable.
    if (size < BLOCK_MINSIZE || block + BLOCK_OVERHEAD + <usize>size > tail) return HEAP_BAD_BLOCK;
    if (((info & LEFTFREE) != 0) != leftFree) return HEAP_BAD_LEFTFREE;
    const right = block + BLOCK_OVERHEAD + <usize>size;
    const free = (info & FREE) != 0;
    if (free) {
      if (leftFree) return HEAP_UNMERGED;
      if (load<usize>(right - sizeof<usize>()) != block) return HEAP_BAD_BACK;
      freeBlocks++;
    }
    leftFree = free;
    block = right;
  }
  return ((load<u32>(tail) & LEFTFREE) != 0) == leftFree ? HEAP_OK : HEAP_BAD_LEFTFREE;
}

/** Every free list: maps agree with heads, members are free, of the list's size class, doubly linked. */
function walkLists(root: usize, tail: usize): i32 {
  const flMap = load<u32>(root);
  let listed: u32 = 0;
  for (let fl: u32 = 0; fl < FL_BITS; fl++) {
    const slMap = load<u32>(root + SL_START + (<usize>fl << 2));
    if (((flMap & (1 << fl)) != 0) != (slMap != 0)) return HEAP_BAD_MAP;
    for (let sl: u32 = 0; sl < SL_SIZE; sl++) {
      let block = load<usize>(root + HL_START + (<usize>(fl * SL_SIZE + sl) << 2));
      if (((slMap & (1 << sl)) != 0) != (block != 0)) return HEAP_BAD_MAP;
      let prev: usize = 0;
      while (block != 0) {
        if (block < root + ROOT_SIZE || block >= tail || ((block + BLOCK_OVERHEAD) & AL_MASK) != 0) return HEAP_BAD_LIST;
        const info = load<u32>(block);
        if (!(info & FREE) || listOf(info & ~TAGS_MASK) != fl * SL_SIZE + sl) return HEAP_BAD_LIST;
        if (load<usize>(block, 4) != prev) return HEAP_BAD_LIST;
        // More members than free blocks exist: a cycle, or a block listed twice.
        if (++listed > freeBlocks) return HEAP_FREE_COUNT;
        prev = block;
        block = load<usize>(block, 8);
      }
    }
  }
  return listed == freeBlocks ? HEAP_OK : HEAP_FREE_COUNT;
}

export function ferrite_heap_check(): i32 {
  const root = changetype<usize>(ROOT);
  if (root == 0) return HEAP_OK; // nothing was ever allocated
  const tail = load<usize>(root + HL_END);
  const memEnd = <usize>memory.size() << 16;
  if (tail == 0 || tail + BLOCK_OVERHEAD > memEnd || (load<u32>(tail) & ~TAGS_MASK) != 0) return HEAP_BAD_TAIL;
  const blocks = walkBlocks(root, tail);
  return blocks != HEAP_OK ? blocks : walkLists(root, tail);
}
