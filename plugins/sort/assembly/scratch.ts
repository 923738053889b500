// The blocks one SORT works in, reused from one command to the next so that a steady load of sorts
// allocates nothing. A command that traps leaves no leak behind: the next one takes the same blocks.

/** What each block holds (see vector.ts for the first three). */
export const SOURCE: i32 = 0;  // the source's RESP reply, which the elements point into
export const ENTRIES: i32 = 1; // one entry per element
export const ORDER: i32 = 2;   // the sorted order, as entry indexes
export const MERGE: i32 = 3;   // the merge sort's second index array
export const BYTES: i32 = 4;   // copied values: ALPHA's BY values, STORE's GET values
export const GETS: i32 = 5;    // argument indexes of the GET patterns
const SLOTS: i32 = 6;

// Above this a block is freed after the command: one huge sort must not pin its memory for good.
const KEEP: usize = 64 * 1024;
const MIN_BLOCK: usize = 256;

const blocks = memory.data(SLOTS << 3); // per slot: u32 pointer, u32 size

// @ts-ignore: decorator
@inline function slotPtr(slot: i32): usize { return load<u32>(blocks + (<usize>slot << 3)); }
// @ts-ignore: decorator
@inline function slotSize(slot: i32): usize { return load<u32>(blocks + (<usize>slot << 3) + 4); }

function setSlot(slot: i32, ptr: usize, size: usize): void {
  store<u32>(blocks + (<usize>slot << 3), <u32>ptr);
  store<u32>(blocks + (<usize>slot << 3) + 4, <u32>size);
}

/** The slot's block with room for `need` bytes; with `keep`, its contents survive a move. */
export function block(slot: i32, need: usize, keep: bool = false): usize {
  let ptr = slotPtr(slot);
  if (need <= slotSize(slot)) return ptr;
  const size = max(need + (need >> 1), MIN_BLOCK);
  if (ptr == 0) ptr = heap.alloc(size);
  else if (keep) ptr = heap.realloc(ptr, size);
  else { heap.free(ptr); ptr = heap.alloc(size); }
  setSlot(slot, ptr, size);
  return ptr;
}

/** Frees the blocks a large command grew past KEEP; called when a command is done. */
export function trimBlocks(): void {
  for (let slot = 0; slot < SLOTS; slot++) {
    if (slotSize(slot) > KEEP) {
      heap.free(slotPtr(slot));
      setSlot(slot, 0, 0);
    }
  }
}

/** Copies `len` bytes to offset `at` of the slot's block, growing it with its contents kept. */
export function copyInto(slot: i32, at: usize, src: usize, len: i32): void {
  memory.copy(block(slot, at + <usize>len, true) + at, src, <usize>len);
}
