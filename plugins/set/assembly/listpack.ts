// The small-set encoding Redis 7.2 calls listpack: members one after another in one heap block,
// [u32 count][u32 used bytes] then per member [u8 length][bytes], searched linearly. A member of this
// encoding is at most 64 bytes (set-max-listpack-value), so one length byte always suffices, and at
// most 128 of them (set-max-listpack-entries) keep the scans short. Members are addressed by their
// offset after the header. Functions that change the block return its new address (0: nothing changed).
import { heapFootprint } from "ferrite-sdk";

const HEADER: usize = 8;

// @ts-ignore: decorator
@inline export function lpCount(b: usize): i32 { return <i32>load<u32>(b); }
// @ts-ignore: decorator
@inline function used(b: usize): usize { return <usize>load<u32>(b, 4); }
// @ts-ignore: decorator
@inline export function lpLen(b: usize, at: usize): i32 { return <i32>load<u8>(b + HEADER + at); }
// @ts-ignore: decorator
@inline export function lpBytes(b: usize, at: usize): usize { return b + HEADER + at + 1; }
// @ts-ignore: decorator
@inline export function lpNext(b: usize, at: usize): usize { return at + 1 + <usize>lpLen(b, at); }

export function lpCreate(): usize {
  const b = heap.alloc(HEADER);
  store<u64>(b, 0);
  return b;
}

/** The offset of the member equal to `len` bytes at `ptr`, or -1. */
export function lpFind(b: usize, ptr: usize, len: i32): isize {
  const end = used(b);
  for (let at: usize = 0; at < end; at = lpNext(b, at)) {
    if (lpLen(b, at) == len && memory.compare(lpBytes(b, at), ptr, <usize>len) == 0) return <isize>at;
  }
  return -1;
}

/** The offset of the i-th member. */
export function lpNth(b: usize, i: i32): usize {
  let at: usize = 0;
  for (; i > 0; i--) at = lpNext(b, at);
  return at;
}

/** Appends a member the caller knows is absent, of at most 255 bytes. */
export function lpAppend(b: usize, ptr: usize, len: i32): usize {
  const at = used(b);
  const grown = heap.realloc(b, HEADER + at + 1 + <usize>len);
  store<u8>(grown + HEADER + at, <u8>len);
  memory.copy(grown + HEADER + at + 1, ptr, <usize>len);
  store<u32>(grown, load<u32>(grown) + 1);
  store<u32>(grown, <u32>(at + 1 + <usize>len), 4);
  return grown;
}

export function lpRemove(b: usize, ptr: usize, len: i32): usize {
  const at = lpFind(b, ptr, len);
  if (at < 0) return 0;
  const next = lpNext(b, <usize>at);
  const end = used(b);
  memory.copy(b + HEADER + <usize>at, b + HEADER + next, end - next);
  store<u32>(b, load<u32>(b) - 1);
  store<u32>(b, <u32>(end - (next - <usize>at)), 4);
  return heap.realloc(b, HEADER + used(b));
}

export function lpCopy(b: usize): usize {
  const size = HEADER + used(b);
  const c = heap.alloc(size);
  memory.copy(c, b, size);
  return c;
}

export function lpMemory(b: usize): usize { return heapFootprint(HEADER + used(b)); }
