// The small-set encoding Redis 7.2 calls listpack: [u32 count][u32 used bytes] then the members as the
// SDK's packed items (collections/packed), searched linearly. A member of this encoding is at most
// set-max-listpack-value bytes (64; 255 at most) and there are at most set-max-listpack-entries of them
// (128), which keeps the scans short. Members are addressed as packed entries (0: none); functions that change the
// block return its new address (0: nothing changed).
import { heapFootprint, packedFind, packedNth, packedRemove, packedSkip, packedWrite } from "ferrite-sdk";

const HEADER: usize = 8;

// @ts-ignore: decorator
@inline export function lpCount(b: usize): i32 { return <i32>load<u32>(b); }
// @ts-ignore: decorator
@inline function used(b: usize): usize { return <usize>load<u32>(b, 4); }
/** The first member's entry (the end, when there is none). */
// @ts-ignore: decorator
@inline export function lpFirst(b: usize): usize { return b + HEADER; }
// @ts-ignore: decorator
@inline function end(b: usize): usize { return b + HEADER + used(b); }

export function lpCreate(): usize {
  const b = heap.alloc(HEADER);
  store<u64>(b, 0);
  return b;
}

export function lpHas(b: usize, ptr: usize, len: i32): bool { return packedFind(lpFirst(b), end(b), ptr, len) != 0; }

/** The entry of the i-th member. */
export function lpNth(b: usize, i: i32): usize { return packedNth(lpFirst(b), i); }

/** Appends a member the caller knows is absent, of at most 255 bytes. */
export function lpAppend(b: usize, ptr: usize, len: i32): usize {
  const at = used(b);
  const grown = heap.realloc(b, HEADER + at + 1 + <usize>len);
  packedWrite(grown + HEADER + at, ptr, len);
  store<u32>(grown, load<u32>(grown) + 1);
  store<u32>(grown, <u32>(at + 1 + <usize>len), 4);
  return grown;
}

export function lpRemove(b: usize, ptr: usize, len: i32): usize {
  const e = packedFind(lpFirst(b), end(b), ptr, len);
  if (e == 0) return 0;
  const removed = packedRemove(e, packedSkip(e), end(b));
  store<u32>(b, load<u32>(b) - 1);
  store<u32>(b, <u32>(used(b) - removed), 4);
  return heap.realloc(b, HEADER + used(b));
}

export function lpCopy(b: usize): usize {
  const size = HEADER + used(b);
  const c = heap.alloc(size);
  memory.copy(c, b, size);
  return c;
}

export function lpMemory(b: usize): usize { return heapFootprint(HEADER + used(b)); }
