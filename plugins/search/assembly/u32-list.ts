// A growable list of u32 in one heap block: the indexes, an index's fields and prefixes, the documents
// of a doc table (a pointer or 0 per doc id), a tag's doc ids.

@unmanaged export class U32List {
  data: usize;
  len: i32;
  cap: i32;
}

export function listNew(cap: i32 = 4): U32List {
  const l = changetype<U32List>(heap.alloc(offsetof<U32List>()));
  l.len = 0;
  l.cap = cap < 1 ? 1 : cap;
  l.data = heap.alloc(<usize>l.cap << 2);
  return l;
}

export function listFree(l: U32List): void {
  heap.free(l.data);
  heap.free(changetype<usize>(l));
}

// @ts-ignore: decorator
@inline export function listGet(l: U32List, i: i32): u32 { return load<u32>(l.data + (<usize>i << 2)); }
// @ts-ignore: decorator
@inline export function listSet(l: U32List, i: i32, v: u32): void { store<u32>(l.data + (<usize>i << 2), v); }

export function listPush(l: U32List, v: u32): void {
  if (l.len == l.cap) {
    l.cap <<= 1;
    l.data = heap.realloc(l.data, <usize>l.cap << 2);
  }
  store<u32>(l.data + (<usize>l.len << 2), v);
  l.len++;
}

/** Removes entry `i`, keeping the order of the others. */
export function listRemoveAt(l: U32List, i: i32): void {
  const at = l.data + (<usize>i << 2);
  memory.copy(at, at + 4, <usize>(l.len - 1 - i) << 2);
  l.len--;
}

export function listIndexOf(l: U32List, v: u32): i32 {
  for (let i = 0; i < l.len; i++) if (listGet(l, i) == v) return i;
  return -1;
}
