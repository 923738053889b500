// Groups and consumers are named records kept in Vecs of pointers sorted by name, in the byte order of
// Redis's radix trees, so XINFO GROUPS/CONSUMERS and XPENDING list them as Redis does. Both structs
// start with these two fields so one search serves both.
import { Vec, vecPtr } from "./vec";

@unmanaged export class Named {
  nameLen: i32;
  name: usize;
}

function compareNames(aPtr: usize, aLen: i32, bPtr: usize, bLen: i32): i32 {
  const c = memory.compare(aPtr, bPtr, <usize>min(aLen, bLen));
  return c != 0 ? c : aLen - bLen;
}

/** Index of the record named name, or -(insertion index + 1). */
export function searchNamed(v: Vec, name: usize, len: i32): i32 {
  let lo = 0, hi = v.len - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = changetype<Named>(vecPtr(v, mid));
    const c = compareNames(r.name, r.nameLen, name, len);
    if (c == 0) return mid;
    if (c < 0) lo = mid + 1; else hi = mid - 1;
  }
  return -(lo + 1);
}

/** Allocates a record of `size` bytes followed by a copy of the name, and points `name` at it. */
export function namedNew(size: usize, name: usize, len: i32): usize {
  const p = heap.alloc(size + <usize>len);
  memory.fill(p, 0, size);
  const r = changetype<Named>(p);
  r.nameLen = len;
  r.name = p + size;
  memory.copy(r.name, name, <usize>len);
  return p;
}
