// An entity's properties: one block [u32 count][u32 capacity] then 16-byte entries {u32 key id, u32 type,
// u64 payload}, in the order they were first set (the order replies list them in). The payload is the
// value for integers, doubles and booleans, a blob for strings and lists (a list is its encoded bytes).
import { heapFootprint } from "ferrite-sdk";
import { Graph, gAlloc, gFree } from "./graph";
import { blobFree, blobLen, blobNew } from "./blob";

export const P_STRING: u32 = 2;
export const P_INT: u32 = 3;
export const P_BOOL: u32 = 4;
export const P_DOUBLE: u32 = 5;
export const P_LIST: u32 = 6;
/** A point: its latitude's f32 bits, then its longitude's, in the payload. */
export const P_POINT: u32 = 11;
/** Temporal values (value.ts's kinds 13–16): their seconds since 1970-01-01 in the payload. */
export const P_DATETIME: u32 = 13;
export const P_DURATION: u32 = 16;

/** Whether exact-match indexes and UNIQUE constraints take a value of this type (FalkorDB's strings, booleans, numbers). */
export function indexableType(type: u32): bool { return type == P_STRING || type == P_INT || type == P_DOUBLE || type == P_BOOL; }

/** Whether a property type keeps its value in the 8 payload bytes (no blob). */
export function inlinePayload(type: u32): bool {
  return type == P_INT || type == P_BOOL || type == P_DOUBLE || type == P_POINT || (type >= P_DATETIME && type <= P_DURATION);
}

const HEADER: usize = 8;
const ENTRY: usize = 16;

@inline export function propsCount(p: usize): u32 { return p == 0 ? 0 : load<u32>(p); }
@inline export function propEntry(p: usize, i: u32): usize { return p + HEADER + <usize>i * ENTRY; }
@inline export function propKey(e: usize): u32 { return load<u32>(e); }
@inline export function propType(e: usize): u32 { return load<u32>(e, 4); }
@inline export function propPayload(e: usize): u64 { return load<u64>(e, 8); }

@inline function holdsBlob(type: u32): bool { return type == P_STRING || type == P_LIST; }

function blockSize(cap: u32): usize { return HEADER + <usize>cap * ENTRY; }

export function propFind(p: usize, key: u32): usize {
  const n = propsCount(p);
  for (let i: u32 = 0; i < n; i++) {
    const e = propEntry(p, i);
    if (propKey(e) == key) return e;
  }
  return 0;
}

function releasePayload(g: Graph, e: usize): void {
  if (holdsBlob(propType(e))) blobFree(g, <usize>propPayload(e));
}

/**
 * Sets property `key` in the block stored at `slot` (a record's field), growing or creating the block.
 * A string or list payload is (ptr, len) of its bytes, copied here; other payloads are the value's bits.
 */
export function propSet(g: Graph, slot: usize, key: u32, type: u32, payload: u64, len: u32): void {
  let p = load<usize>(slot);
  let e = propFind(p, key);
  if (e != 0) releasePayload(g, e);
  else {
    const n = propsCount(p);
    const cap: u32 = p == 0 ? 0 : load<u32>(p, 4);
    if (n == cap) {
      const next: u32 = cap < 2 ? 2 : cap << 1;
      const fresh = gAlloc(g, blockSize(next));
      if (p != 0) {
        memory.copy(fresh, p, blockSize(n));
        gFree(g, p, blockSize(cap));
      } else store<u32>(fresh, 0);
      store<u32>(fresh, next, 4);
      p = fresh;
      store<usize>(slot, p);
    }
    e = propEntry(p, n);
    store<u32>(p, n + 1);
    store<u32>(e, key);
  }
  store<u32>(e, type, 4);
  store<u64>(e, holdsBlob(type) ? <u64>blobNew(g, <usize>payload, len) : payload, 8);
}

/** Removes property `key`; true when it was there. */
export function propRemove(g: Graph, slot: usize, key: u32): bool {
  const p = load<usize>(slot);
  const e = propFind(p, key);
  if (e == 0) return false;
  releasePayload(g, e);
  const n = propsCount(p);
  const end = propEntry(p, n);
  memory.copy(e, e + ENTRY, end - e - ENTRY);
  store<u32>(p, n - 1);
  return true;
}

export function propsFree(g: Graph, p: usize): void {
  if (p == 0) return;
  const n = propsCount(p);
  for (let i: u32 = 0; i < n; i++) releasePayload(g, propEntry(p, i));
  gFree(g, p, blockSize(load<u32>(p, 4)));
}

/** Bytes of a blob payload (string or list), for the codec. */
export function propBlobLen(e: usize): u32 { return blobLen(<usize>propPayload(e)); }

/** Heap bytes a properties block and its blobs occupy (0 for none), as gAlloc counted them. */
export function propsBytes(p: usize): usize {
  if (p == 0) return 0;
  let bytes = heapFootprint(blockSize(load<u32>(p, 4)));
  const n = propsCount(p);
  for (let i: u32 = 0; i < n; i++) {
    const e = propEntry(p, i);
    if (holdsBlob(propType(e))) bytes += heapFootprint(4 + <usize>propBlobLen(e));
  }
  return bytes;
}

/** An independent copy of a properties block (0 for none): its own block and blobs. */
export function propsCopy(g: Graph, p: usize): usize {
  if (p == 0) return 0;
  const cap = load<u32>(p, 4);
  const c = gAlloc(g, blockSize(cap));
  memory.copy(c, p, blockSize(cap));
  const n = propsCount(p);
  for (let i: u32 = 0; i < n; i++) {
    const e = propEntry(c, i);
    if (holdsBlob(propType(e))) {
      const b = <usize>propPayload(e);
      store<u64>(e, <u64>blobNew(g, b + 4, blobLen(b)), 8);
    }
  }
  return c;
}
