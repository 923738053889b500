// The per-command bump arena: query trees, result sets and sort buffers live here for one command and
// go all at once when the next command starts (scratchReset). The first block is kept and grows to the
// largest command seen, so a steady workload stops allocating; larger needs chain extra blocks that the
// reset frees.

const FIRST_BLOCK: usize = 64 << 10;
const HEADER: usize = 8; // u32 next block, u32 size

let first: usize = 0;
let current: usize = 0;
let used: usize = 0;
/** Bytes asked of the arena since the last reset: the size the first block grows to. */
let asked: usize = 0;

function blockNew(size: usize): usize {
  const b = heap.alloc(HEADER + size);
  store<u32>(b, 0);
  store<u32>(b, <u32>size, 4);
  return b;
}

/** Frees everything scratchAlloc gave since the last reset. */
export function scratchReset(): void {
  if (first == 0) first = blockNew(FIRST_BLOCK);
  let extra = <usize>load<u32>(first);
  while (extra != 0) {
    const next = <usize>load<u32>(extra);
    heap.free(extra);
    extra = next;
  }
  store<u32>(first, 0);
  if (asked > <usize>load<u32>(first, 4)) {
    heap.free(first);
    first = blockNew(asked);
  }
  current = first;
  used = 0;
  asked = 0;
}

/** `size` bytes (8-aligned, uninitialized) valid until the next scratchReset. */
export function scratchAlloc(size: usize): usize {
  if (current == 0) scratchReset();
  size = (size + 7) & ~<usize>7;
  asked += size;
  if (used + size > <usize>load<u32>(current, 4)) {
    const b = blockNew(size > FIRST_BLOCK ? size : FIRST_BLOCK);
    store<u32>(current, <u32>b);
    current = b;
    used = 0;
  }
  const p = current + HEADER + used;
  used += size;
  return p;
}

/** scratchAlloc, zero-filled. */
export function scratchZeroed(size: usize): usize {
  const p = scratchAlloc(size);
  memory.fill(p, 0, size);
  return p;
}
