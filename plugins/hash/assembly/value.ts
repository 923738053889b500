// The hash value: a 12-byte handle block that never moves (so edits never rebind the key), pointing at
// either the packed pairs (the SDK's collections/packed, field item then value item) or a byte-map from the SDK once the hash outgrows them.
//
//   handle: [u32 count << 1 | kind][u32 data][u32 packed bytes used]   (count only for the packed kind)
//
// Every command goes through these functions and the iterator below; none looks at the encodings.

import { configValue, packedItemLimit } from "ferrite-sdk";
import {
  bmAdd, bmBucket, bmBuckets, bmCopy, bmCount, bmCreate, bmDelete, bmFind, bmFree, bmKey, bmKeyLen, bmMemory, bmNext,
  bmSet, bmVal, bmValLen, heapFootprint,
} from "ferrite-sdk";
import {
  packedBytes, packedEntrySize, packedFind, packedItemEnd, packedLen, packedRemove, packedSkip, packedWrite,
} from "ferrite-sdk";

/** Config hash-max-listpack-entries (plugin.json's configs[0]): more pairs convert the hash to a table. */
// @ts-ignore: decorator
@inline export function maxPackedPairs(): i64 { return configValue(0); }
/** Config hash-max-listpack-value (configs[1]): a longer field or value converts the hash to a table. */
// @ts-ignore: decorator
@inline function maxPackedItem(): i32 { return packedItemLimit(configValue(1)); }

/** The packed pair whose field is these bytes (a field item, then its value item), or 0. */
// @ts-ignore: decorator
@inline function findPair(data: usize, used: i32, field: usize, len: i32): usize {
  return packedFind(data, data + <usize>used, field, len, 0, true);
}
// @ts-ignore: decorator
@inline export function nextPair(p: usize): usize { return packedSkip(p, 0, true); }

/** Index of `hash` in plugin.json's types. */
export const HASH_TYPE: i32 = 0;
/** Indexes into plugin.json's encodings. */
export const PACKED: u32 = 0;
export const TABLE: u32 = 1;

const HANDLE_SIZE: usize = 12;

// @ts-ignore: decorator
@inline export function hashKind(h: usize): u32 { return load<u32>(h) & 1; }
// @ts-ignore: decorator
@inline export function hashData(h: usize): usize { return <usize>load<u32>(h, 4); }
// @ts-ignore: decorator
@inline export function packedUsed(h: usize): i32 { return <i32>load<u32>(h, 8); }
// @ts-ignore: decorator
@inline function setPacked(h: usize, count: i32, data: usize, used: i32): void {
  store<u32>(h, <u32>count << 1 | PACKED);
  store<u32>(h, <u32>data, 4);
  store<u32>(h, <u32>used, 8);
}

/** An empty packed hash: fill it before binding it to a key (an empty hash must not exist). */
export function hashCreate(): usize {
  const h = heap.alloc(HANDLE_SIZE);
  setPacked(h, 0, 0, 0);
  return h;
}

/** An empty hash already in the table encoding, sized for `expected` pairs (loading large hashes). */
export function hashCreateTable(expected: i32): usize {
  const h = heap.alloc(HANDLE_SIZE);
  store<u32>(h, TABLE);
  store<u32>(h, <u32>bmCreate(expected), 4);
  return h;
}

export function hashFree(h: usize): void {
  const data = hashData(h);
  if (hashKind(h) == TABLE) bmFree(data);
  else if (data != 0) heap.free(data);
  heap.free(h);
}

export function hashLen(h: usize): i32 {
  return hashKind(h) == TABLE ? bmCount(hashData(h)) : <i32>(load<u32>(h) >> 1);
}

/** Where the last successful hashGet found the value. */
export let foundPtr: usize = 0;
export let foundLen: i32 = 0;

export function hashGet(h: usize, field: usize, len: i32): bool {
  const data = hashData(h);
  if (hashKind(h) == TABLE) {
    const e = bmFind(data, field, len);
    if (e == 0) return false;
    foundPtr = bmVal(e);
    foundLen = bmValLen(e);
    return true;
  }
  const pair = findPair(data, packedUsed(h), field, len);
  if (pair == 0) return false;
  const v = packedItemEnd(pair);
  foundPtr = packedBytes(v);
  foundLen = packedLen(v);
  return true;
}

/** True when items this long must live in the table encoding. */
// @ts-ignore: decorator
@inline export function tooLongForPacked(len: i32): bool { return len > maxPackedItem(); }

/** Sets field to value; returns true when the field is new. Converts to the table past Redis's thresholds. */
export function hashSet(h: usize, field: usize, fieldLen: i32, val: usize, valLen: i32): bool {
  if (hashKind(h) == PACKED && (tooLongForPacked(fieldLen) || tooLongForPacked(valLen))) toTable(h);
  if (hashKind(h) == TABLE) return bmSet(hashData(h), field, fieldLen, val, valLen);
  const data = hashData(h);
  const pair = findPair(data, packedUsed(h), field, fieldLen);
  if (pair != 0) replacePackedValue(h, packedItemEnd(pair) - data, val, valLen);
  else appendPacked(h, field, fieldLen, val, valLen);
  // Checked after an update too, as Redis's hashTypeSet does: a lowered limit converts on the next write.
  if (<i64>hashLen(h) > maxPackedPairs()) toTable(h);
  return pair == 0;
}

function appendPacked(h: usize, field: usize, fieldLen: i32, val: usize, valLen: i32): void {
  const used = packedUsed(h);
  const grown = used + packedEntrySize(fieldLen, 0, valLen);
  const data = hashData(h) == 0 ? heap.alloc(<usize>grown) : heap.realloc(hashData(h), <usize>grown);
  packedWrite(packedWrite(data + <usize>used, field, fieldLen), val, valLen);
  setPacked(h, hashLen(h) + 1, data, grown);
}

/** Replaces the value item at byte offset `at` of the packed data, moving the pairs after it. */
function replacePackedValue(h: usize, at: usize, val: usize, valLen: i32): void {
  let data = hashData(h);
  const used = packedUsed(h);
  const oldLen = packedLen(data + at);
  const tail = data + at + 1 + <usize>oldLen;
  const tailLen = <usize>used - (tail - data);
  const newUsed = used - oldLen + valLen;
  if (valLen > oldLen) {
    data = heap.realloc(data, <usize>newUsed);
    memory.copy(data + at + 1 + <usize>valLen, data + at + 1 + <usize>oldLen, tailLen);
  } else if (valLen < oldLen) {
    memory.copy(data + at + 1 + <usize>valLen, tail, tailLen);
    data = heap.realloc(data, <usize>newUsed);
  }
  packedWrite(data + at, val, valLen);
  setPacked(h, hashLen(h), data, newUsed);
}

/** Removes field; returns whether it was there. The caller deletes the key when the hash empties. */
export function hashDelete(h: usize, field: usize, len: i32): bool {
  if (hashKind(h) == TABLE) return bmDelete(hashData(h), field, len);
  const data = hashData(h);
  const used = packedUsed(h);
  const pair = findPair(data, used, field, len);
  if (pair == 0) return false;
  const newUsed = used - <i32>packedRemove(pair, nextPair(pair), data + <usize>used);
  const count = hashLen(h) - 1;
  if (newUsed == 0) {
    heap.free(data);
    setPacked(h, count, 0, 0);
  } else {
    setPacked(h, count, heap.realloc(data, <usize>newUsed), newUsed);
  }
  return true;
}

/** Moves the packed pairs into a byte-map (Redis never converts back, and neither do we). */
function toTable(h: usize): void {
  const data = hashData(h);
  const end = data + <usize>packedUsed(h);
  const map = bmCreate(hashLen(h));
  for (let p = data; p < end; p = nextPair(p)) {
    const v = packedItemEnd(p);
    bmAdd(map, packedBytes(p), packedLen(p), packedBytes(v), packedLen(v));
  }
  if (data != 0) heap.free(data);
  store<u32>(h, TABLE);
  store<u32>(h, <u32>map, 4);
  store<u32>(h, 0, 8);
}

/** An independent hash with the same pairs and encoding (COPY). */
export function hashCopy(h: usize): usize {
  if (hashKind(h) == TABLE) {
    const c = heap.alloc(HANDLE_SIZE);
    memory.copy(c, h, HANDLE_SIZE);
    store<u32>(c, <u32>bmCopy(hashData(h)), 4);
    return c;
  }
  const c = hashCreate();
  const used = packedUsed(h);
  const data = heap.alloc(<usize>used);
  memory.copy(data, hashData(h), <usize>used);
  setPacked(c, hashLen(h), data, used);
  return c;
}

/** Bytes of plugin memory the hash holds, allocator overhead included. */
export function hashMemory(h: usize): usize {
  const own = heapFootprint(HANDLE_SIZE);
  if (hashKind(h) == TABLE) return own + bmMemory(hashData(h));
  return hashData(h) == 0 ? own : own + heapFootprint(<usize>packedUsed(h));
}

// -- the pair iterator, over either encoding ------------------------------------------------------------

/** The pair hashNext stopped at. */
export let itField: usize = 0;
export let itFieldLen: i32 = 0;
export let itVal: usize = 0;
export let itValLen: i32 = 0;

let itHash: usize = 0;
let itPos: usize = 0; // packed: address of the next pair; table: next bucket index
let itEntry: usize = 0; // table: next entry in the current chain

/** Starts a walk over every pair; hashNext gives them one at a time. The hash must not change meanwhile. */
export function hashIterate(h: usize): void {
  itHash = h;
  itPos = hashKind(h) == TABLE ? 0 : hashData(h);
  itEntry = 0;
}

export function hashNext(): bool {
  const h = itHash;
  if (hashKind(h) == PACKED) {
    if (itPos >= hashData(h) + <usize>packedUsed(h)) return false;
    pairFromPacked(itPos);
    itPos = nextPair(itPos);
    return true;
  }
  const map = hashData(h);
  while (itEntry == 0) {
    if (itPos >= <usize>bmBuckets(map)) return false;
    itEntry = bmBucket(map, <u32>itPos);
    itPos++;
  }
  pairFromEntry(itEntry);
  itEntry = bmNext(itEntry);
  return true;
}

/** Points the it* pair at the packed pair at address p. */
export function pairFromPacked(p: usize): void {
  const v = packedItemEnd(p);
  itField = packedBytes(p); itFieldLen = packedLen(p);
  itVal = packedBytes(v); itValLen = packedLen(v);
}

/** Points the it* pair at a byte-map entry. */
export function pairFromEntry(e: usize): void {
  itField = bmKey(e); itFieldLen = bmKeyLen(e);
  itVal = bmVal(e); itValLen = bmValLen(e);
}
