// The indexes of this server and their aliases, by name. Index names are case-sensitive, as in
// RediSearch 2.8. Lookups walk a short list: a server holds a handful of indexes, not thousands.
import { bmCreate, bmDelete, bmFind, bmSet, bmVal } from "ferrite-sdk";
import { strIs } from "./bytes";
import { Index } from "./index-spec";
import { armExpiry, touchIndex } from "./temporary";
import { U32List, listGet, listNew, listPush, listRemoveAt } from "./u32-list";

let all: U32List | null = null;
let aliasMap: usize = 0;

export function indexes(): U32List {
  if (all == null) all = listNew();
  return changetype<U32List>(all);
}

export function indexCount(): i32 { return indexes().len; }

export function indexAt(i: i32): Index { return changetype<Index>(<usize>listGet(indexes(), i)); }

/** The index named exactly `len` bytes at `ptr`, or null (aliases not followed). */
export function indexByName(ptr: usize, len: i32): Index | null {
  const l = indexes();
  for (let i = 0; i < l.len; i++) {
    const x = indexAt(i);
    if (strIs(x.name, ptr, len)) return x;
  }
  return null;
}

function aliases(): usize {
  if (aliasMap == 0) aliasMap = bmCreate();
  return aliasMap;
}

/** The index named, or aliased, by `len` bytes at `ptr`, or null. */
export function findIndex(ptr: usize, len: i32): Index | null {
  let x = indexByName(ptr, len);
  if (x == null) x = aliasTarget(ptr, len);
  if (x != null) touchIndex(x);
  return x;
}

export function aliasTarget(ptr: usize, len: i32): Index | null {
  const e = bmFind(aliases(), ptr, len);
  return e == 0 ? null : changetype<Index>(<usize>load<u32>(bmVal(e)));
}

const slot = memory.data(4);

export function aliasSet(ptr: usize, len: i32, x: Index): void {
  store<u32>(slot, <u32>changetype<usize>(x));
  bmSet(aliases(), ptr, len, slot, 4);
}

export function aliasDelete(ptr: usize, len: i32): bool { return bmDelete(aliases(), ptr, len); }

export function registryAdd(x: Index): void {
  listPush(indexes(), <u32>changetype<usize>(x));
  if (x.idleMs > 0) armExpiry(x);
}

export function registryRemove(x: Index): void {
  const l = indexes();
  for (let i = 0; i < l.len; i++) if (listGet(l, i) == <u32>changetype<usize>(x)) { listRemoveAt(l, i); return; }
}
