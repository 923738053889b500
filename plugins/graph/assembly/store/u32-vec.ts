// A growable array of u32 (edge ids of a node's adjacency, a node's label ids, the free-id lists).
import { heapFootprint } from "ferrite-sdk";
import { Graph, gAlloc, gFree } from "./graph";

@unmanaged export class U32Vec {
  data: usize;
  len: u32;
  cap: u32;
}

const VEC_SIZE = offsetof<U32Vec>();

export function vecNew(g: Graph, cap: u32): U32Vec {
  const v = changetype<U32Vec>(gAlloc(g, VEC_SIZE));
  v.len = 0;
  v.cap = cap;
  v.data = cap > 0 ? gAlloc(g, <usize>cap << 2) : 0;
  return v;
}

export function vecFree(g: Graph, v: U32Vec): void {
  if (v.data != 0) gFree(g, v.data, <usize>v.cap << 2);
  gFree(g, changetype<usize>(v), VEC_SIZE);
}

@inline export function vecGet(v: U32Vec, i: u32): u32 { return load<u32>(v.data + (<usize>i << 2)); }

export function vecPush(g: Graph, v: U32Vec, x: u32): void {
  if (v.len == v.cap) {
    const cap = v.cap < 4 ? 4 : v.cap << 1;
    const data = gAlloc(g, <usize>cap << 2);
    if (v.data != 0) {
      memory.copy(data, v.data, <usize>v.len << 2);
      gFree(g, v.data, <usize>v.cap << 2);
    }
    v.data = data;
    v.cap = cap;
  }
  store<u32>(v.data + (<usize>v.len << 2), x);
  v.len++;
}

export function vecPop(v: U32Vec): u32 {
  v.len--;
  return load<u32>(v.data + (<usize>v.len << 2));
}

export function vecIndexOf(v: U32Vec, x: u32): i32 {
  for (let i: u32 = 0; i < v.len; i++) if (vecGet(v, i) == x) return <i32>i;
  return -1;
}

/** Removes the first `x`, keeping the order of the others (a node's labels and edges stay in creation order). */
export function vecRemove(v: U32Vec, x: u32): bool {
  const i = vecIndexOf(v, x);
  if (i < 0) return false;
  const at = v.data + (<usize>i << 2);
  memory.copy(at, at + 4, <usize>(v.len - 1 - <u32>i) << 2);
  v.len--;
  return true;
}

export function vecCopy(g: Graph, v: U32Vec): U32Vec {
  const c = vecNew(g, v.len);
  if (v.len > 0) memory.copy(c.data, v.data, <usize>v.len << 2);
  c.len = v.len;
  return c;
}

/** Heap bytes a vector occupies (0 for none), as gAlloc counted them. */
export function vecBytes(v: usize): usize {
  if (v == 0) return 0;
  const vec = changetype<U32Vec>(v);
  return heapFootprint(VEC_SIZE) + (vec.data != 0 ? heapFootprint(<usize>vec.cap << 2) : 0);
}

/** Inserts `x` at position `at` (at most len), keeping the order of the others. */
export function vecInsert(g: Graph, v: U32Vec, at: u32, x: u32): void {
  vecPush(g, v, x);
  const p = v.data + (<usize>at << 2);
  memory.copy(p + 4, p, <usize>(v.len - 1 - at) << 2);
  store<u32>(p, x);
}
