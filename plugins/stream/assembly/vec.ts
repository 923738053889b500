// A growable array of fixed-size records in plugin memory: the stream's block index, its groups, a
// group's PEL and consumers. Kept sorted by the callers, which binary-search it.

@unmanaged export class Vec {
  data: usize;
  len: i32;
  cap: i32;
  size: i32; // bytes per record
}

export function vecNew(recordSize: i32): Vec {
  const v = changetype<Vec>(heap.alloc(offsetof<Vec>()));
  v.data = 0;
  v.len = 0;
  v.cap = 0;
  v.size = recordSize;
  return v;
}

export function vecFree(v: Vec): void {
  if (v.data) heap.free(v.data);
  heap.free(changetype<usize>(v));
}

// @ts-ignore: decorator
@inline export function vecAt(v: Vec, i: i32): usize { return v.data + <usize>(i * v.size); }

/** Opens a zeroed slot at index i (shifting the rest up) and returns its address. */
export function vecInsert(v: Vec, i: i32): usize {
  if (v.len == v.cap) {
    v.cap = v.cap < 4 ? 4 : v.cap * 2;
    v.data = v.data ? heap.realloc(v.data, <usize>(v.cap * v.size)) : heap.alloc(<usize>(v.cap * v.size));
  }
  const at = vecAt(v, i);
  memory.copy(at + v.size, at, <usize>((v.len - i) * v.size));
  memory.fill(at, 0, <usize>v.size);
  v.len++;
  return at;
}

/** Removes n records from index i. */
export function vecRemove(v: Vec, i: i32, n: i32 = 1): void {
  const at = vecAt(v, i);
  memory.copy(at, at + <usize>(n * v.size), <usize>((v.len - i - n) * v.size));
  v.len -= n;
}

/** Bytes the vector holds. */
export function vecMemory(v: Vec): i32 { return offsetof<Vec>() + v.cap * v.size; }

/** Vec of pointers: the pointer stored at index i. */
// @ts-ignore: decorator
@inline export function vecPtr(v: Vec, i: i32): usize { return <usize>load<u32>(vecAt(v, i)); }
