// A hash table in raw plugin memory, keyed by byte strings with byte-string values: the large encoding
// of Redis-style hashes and sets (a set stores empty values). Chained like Redis's dict, so deleting needs
// no tombstones and a reverse-binary cursor (Redis's dictScan) stays valid across growth and shrinking.
//
// Growth is amortized, not incremental: the table doubles when it holds as many entries as buckets and
// halves (to the next power of two) when under 1/8 full, moving every entry in one step. Entries keep
// their hash, so a resize touches no key bytes: about 10 ms per million entries.
//
// Layout (all heap.alloc blocks, pointers as u32):
//   map:    [u32 count][u32 mask][u32 buckets][u32 entryBytes]   buckets: mask+1 u32 chain heads
//   entry:  [u32 next][u32 hash][u32 keyLen][u32 valLen][key bytes][value bytes]
// Entry pointers stay valid until that entry is updated with another value length or deleted.

import { heapFootprint } from "./heap-size";
import { randomBelow, randomU32 } from "./random";

const MIN_BUCKETS: u32 = 4;
const MAP_SIZE: usize = 16;
const ENTRY_HEADER: usize = 16;
/** Shrink when count * SHRINK_RATIO < buckets, like Redis's HASHTABLE_MIN_FILL (10%). */
const SHRINK_RATIO: u32 = 8;

let seed: u32 = 0;

// @ts-ignore: decorator
@inline export function bmCount(map: usize): i32 { return <i32>load<u32>(map); }
// @ts-ignore: decorator
@inline function mask(map: usize): u32 { return load<u32>(map, 4); }
// @ts-ignore: decorator
@inline function buckets(map: usize): usize { return <usize>load<u32>(map, 8); }

/** The first entry of bucket `i` (0 when empty); with bmNext, a walk over every entry of bucket 0..bmBuckets-1. */
// @ts-ignore: decorator
@inline export function bmBucket(map: usize, i: u32): usize { return <usize>load<u32>(buckets(map) + (<usize>i << 2)); }
// @ts-ignore: decorator
@inline export function bmBuckets(map: usize): u32 { return mask(map) + 1; }
// @ts-ignore: decorator
@inline export function bmNext(entry: usize): usize { return <usize>load<u32>(entry); }
// @ts-ignore: decorator
@inline export function bmKey(entry: usize): usize { return entry + ENTRY_HEADER; }
// @ts-ignore: decorator
@inline export function bmKeyLen(entry: usize): i32 { return <i32>load<u32>(entry, 8); }
// @ts-ignore: decorator
@inline export function bmVal(entry: usize): usize { return entry + ENTRY_HEADER + <usize>load<u32>(entry, 8); }
// @ts-ignore: decorator
@inline export function bmValLen(entry: usize): i32 { return <i32>load<u32>(entry, 12); }

/** An empty map sized for about `expected` entries without resizing. */
export function bmCreate(expected: i32 = 0): usize {
  if (seed == 0) seed = randomU32() | 1; // per process, so clients cannot aim collisions (HashDoS)
  const map = heap.alloc(MAP_SIZE);
  store<u32>(map, 0);
  store<u32>(map, 0, 12);
  setBuckets(map, bucketsFor(<u32>max(expected, 0)));
  return map;
}

/** Releases the map and every entry. */
export function bmFree(map: usize): void {
  const n = bmBuckets(map);
  for (let i: u32 = 0; i < n; i++) {
    let e = bmBucket(map, i);
    while (e != 0) { const next = bmNext(e); heap.free(e); e = next; }
  }
  heap.free(buckets(map));
  heap.free(map);
}

/** The entry for `key`, or 0. */
export function bmFind(map: usize, key: usize, keyLen: i32): usize {
  const link = findLink(map, hashBytes(key, keyLen), key, keyLen);
  return link == 0 ? 0 : <usize>load<u32>(link);
}

/** Sets key to value; returns true when the key was new. May move the entry (see the layout note). */
export function bmSet(map: usize, key: usize, keyLen: i32, val: usize, valLen: i32): bool {
  const hash = hashBytes(key, keyLen);
  const link = findLink(map, hash, key, keyLen);
  if (link == 0) {
    insert(map, newEntry(hash, key, keyLen, val, valLen));
    return true;
  }
  const old = <usize>load<u32>(link);
  if (bmValLen(old) == valLen) {
    memory.copy(bmVal(old), val, <usize>valLen);
    return false;
  }
  const e = newEntry(hash, key, keyLen, val, valLen);
  store<u32>(e, load<u32>(old));
  store<u32>(link, <u32>e);
  releaseEntry(map, old);
  return false;
}

/** Adds a key the caller knows is absent (conversions, loading): skips the lookup. */
export function bmAdd(map: usize, key: usize, keyLen: i32, val: usize, valLen: i32): void {
  insert(map, newEntry(hashBytes(key, keyLen), key, keyLen, val, valLen));
}

/** Removes key; returns whether it was there. */
export function bmDelete(map: usize, key: usize, keyLen: i32): bool {
  const link = findLink(map, hashBytes(key, keyLen), key, keyLen);
  if (link == 0) return false;
  const e = <usize>load<u32>(link);
  store<u32>(link, load<u32>(e));
  releaseEntry(map, e);
  const count = load<u32>(map) - 1;
  store<u32>(map, count);
  const n = bmBuckets(map);
  if (n > MIN_BUCKETS && count * SHRINK_RATIO < n) resize(map, bucketsFor(count));
  return true;
}

/** An independent map with the same entries. */
export function bmCopy(map: usize): usize {
  const c = heap.alloc(MAP_SIZE);
  memory.copy(c, map, MAP_SIZE);
  const n = bmBuckets(map);
  const b = heap.alloc(<usize>n << 2);
  store<u32>(c, <u32>b, 8);
  for (let i: u32 = 0; i < n; i++) {
    let prevLink = b + (<usize>i << 2);
    for (let e = bmBucket(map, i); e != 0; e = bmNext(e)) {
      const size = entrySize(e);
      const copy = heap.alloc(size);
      memory.copy(copy, e, size);
      store<u32>(prevLink, <u32>copy);
      prevLink = copy;
    }
    store<u32>(prevLink, 0);
  }
  return c;
}

/** A uniformly chosen bucket's random entry (as Redis's dictGetRandomKey); the map must not be empty. */
export function bmRandom(map: usize): usize {
  const m = mask(map);
  let head: usize = 0;
  while (head == 0) head = bmBucket(map, randomU32() & m);
  let chain: u32 = 0;
  for (let e = head; e != 0; e = bmNext(e)) chain++;
  let e = head;
  for (let i = randomBelow(chain); i > 0; i--) e = bmNext(e);
  return e;
}

/** Entries bmFairRandom gathers before picking one (Redis's GETFAIR_NUM_ENTRIES). */
const FAIR_SAMPLES: u32 = 15;
const fairSample = memory.data(FAIR_SAMPLES << 2);

/**
 * A random entry as Redis's dictGetFairRandomKey picks one, for HRANDFIELD and SRANDMEMBER: up to 15
 * entries gathered from consecutive buckets from a random one (a run of empty buckets jumps elsewhere, as
 * dictGetSomeKeys does), then one of them uniformly. bmRandom's bucket-first pick favours entries alone
 * in their bucket; this keeps repeated picks close to uniform (the suite's chi-square check). As Redis,
 * it gathers no more entries than the map holds: a walk that wrapped round a small table gathered the
 * entries after the random start twice, favouring those after a run of empty buckets (10 fields over 16
 * buckets failed the chi-square check in about 3 % of server starts, whose hash seed decides the layout).
 */
export function bmFairRandom(map: usize): usize {
  const m = mask(map);
  const wanted = min(FAIR_SAMPLES, <u32>bmCount(map));
  let bucket = randomU32() & m;
  let found: u32 = 0;
  let empty: u32 = 0;
  for (let steps: u32 = 0; found < wanted && steps < wanted * 10; steps++) {
    const head = bmBucket(map, bucket);
    if (head == 0) {
      if (++empty >= 5 && empty > wanted) { bucket = randomU32() & m; empty = 0; continue; }
    } else {
      empty = 0;
      for (let e = head; e != 0 && found < wanted; e = bmNext(e)) {
        store<u32>(fairSample + (<usize>found << 2), <u32>e);
        found++;
      }
    }
    bucket = (bucket + 1) & m;
  }
  return found == 0 ? bmRandom(map) : <usize>load<u32>(fairSample + (<usize>randomBelow(found) << 2));
}

/** Bytes of heap the map uses, allocator overhead included. */
export function bmMemory(map: usize): usize {
  return heapFootprint(MAP_SIZE) + heapFootprint(<usize>bmBuckets(map) << 2) + <usize>load<u32>(map, 12);
}

/**
 * Cursor scan, Redis's dictScan: visit the chain at bmScanBucket(map, cursor), then continue from
 * bmScanNext(map, cursor); 0 means done. Reverse-binary increments make every entry present for the
 * whole scan come back at least once, even when the table grows or shrinks between steps.
 */
export function bmScanBucket(map: usize, cursor: u64): usize { return bmBucket(map, <u32>cursor & mask(map)); }

export function bmScanNext(map: usize, cursor: u64): u64 { return scanNextCursor(cursor, mask(map)); }

/**
 * The reverse-binary increment behind bmScanNext, for a plugin's own power-of-two table whose entries
 * all sit in the bucket `hash & mask` (or can be told apart by it): the next cursor, 0 when done.
 */
export function scanNextCursor(cursor: u64, mask: u32): u64 {
  let v = cursor | ~(<u64>mask);
  v = reverseBits(v);
  v++;
  return reverseBits(v);
}

// -- internals ----------------------------------------------------------------------------------------

function bucketsFor(count: u32): u32 {
  let n = MIN_BUCKETS;
  while (n < count) n <<= 1;
  return n;
}

function setBuckets(map: usize, n: u32): void {
  const size = <usize>n << 2;
  const b = heap.alloc(size);
  memory.fill(b, 0, size);
  store<u32>(map, n - 1, 4);
  store<u32>(map, <u32>b, 8);
}

function resize(map: usize, n: u32): void {
  const oldBuckets = buckets(map);
  const oldN = bmBuckets(map);
  setBuckets(map, n);
  const b = buckets(map);
  const m = n - 1;
  for (let i: u32 = 0; i < oldN; i++) {
    let e = <usize>load<u32>(oldBuckets + (<usize>i << 2));
    while (e != 0) {
      const next = bmNext(e);
      const slot = b + (<usize>(load<u32>(e, 4) & m) << 2);
      store<u32>(e, load<u32>(slot));
      store<u32>(slot, <u32>e);
      e = next;
    }
  }
  heap.free(oldBuckets);
}

/** Address of the u32 link (bucket slot or a previous entry's next) that points at key's entry, or 0. */
function findLink(map: usize, hash: u32, key: usize, keyLen: i32): usize {
  let link = buckets(map) + (<usize>(hash & mask(map)) << 2);
  for (let e = <usize>load<u32>(link); e != 0; e = bmNext(e)) {
    if (load<u32>(e, 4) == hash && bmKeyLen(e) == keyLen && memory.compare(bmKey(e), key, <usize>keyLen) == 0) return link;
    link = e;
  }
  return 0;
}

function newEntry(hash: u32, key: usize, keyLen: i32, val: usize, valLen: i32): usize {
  const e = heap.alloc(ENTRY_HEADER + <usize>keyLen + <usize>valLen);
  store<u32>(e, hash, 4);
  store<u32>(e, <u32>keyLen, 8);
  store<u32>(e, <u32>valLen, 12);
  memory.copy(e + ENTRY_HEADER, key, <usize>keyLen);
  memory.copy(e + ENTRY_HEADER + <usize>keyLen, val, <usize>valLen);
  return e;
}

// @ts-ignore: decorator
@inline function entrySize(e: usize): usize { return ENTRY_HEADER + <usize>load<u32>(e, 8) + <usize>load<u32>(e, 12); }

function insert(map: usize, e: usize): void {
  const slot = buckets(map) + (<usize>(load<u32>(e, 4) & mask(map)) << 2);
  store<u32>(e, load<u32>(slot));
  store<u32>(slot, <u32>e);
  store<u32>(map, load<u32>(map, 12) + <u32>heapFootprint(entrySize(e)), 12);
  const count = load<u32>(map) + 1;
  store<u32>(map, count);
  if (count > bmBuckets(map)) resize(map, bmBuckets(map) << 1);
}

function releaseEntry(map: usize, e: usize): void {
  store<u32>(map, load<u32>(map, 12) - <u32>heapFootprint(entrySize(e)), 12);
  heap.free(e);
}

function reverseBits(v: u64): u64 {
  v = ((v >> 1) & 0x5555555555555555) | ((v & 0x5555555555555555) << 1);
  v = ((v >> 2) & 0x3333333333333333) | ((v & 0x3333333333333333) << 2);
  v = ((v >> 4) & 0x0F0F0F0F0F0F0F0F) | ((v & 0x0F0F0F0F0F0F0F0F) << 4);
  v = ((v >> 8) & 0x00FF00FF00FF00FF) | ((v & 0x00FF00FF00FF00FF) << 8);
  v = ((v >> 16) & 0x0000FFFF0000FFFF) | ((v & 0x0000FFFF0000FFFF) << 16);
  return (v >> 32) | (v << 32);
}

/** MurmurHash3 (x86, 32-bit) with the per-process seed. */
function hashBytes(p: usize, len: i32): u32 {
  let h = seed;
  const end4 = p + (<usize>len & ~3);
  for (let q = p; q < end4; q += 4) {
    h ^= mix(load<u32>(q));
    h = rotl<u32>(h, 13) * 5 + 0xe6546b64;
  }
  let k: u32 = 0;
  const tail = len & 3;
  if (tail >= 3) k ^= <u32>load<u8>(end4 + 2) << 16;
  if (tail >= 2) k ^= <u32>load<u8>(end4 + 1) << 8;
  if (tail >= 1) { k ^= <u32>load<u8>(end4); h ^= mix(k); }
  h ^= <u32>len;
  h ^= h >> 16; h *= 0x85ebca6b;
  h ^= h >> 13; h *= 0xc2b2ae35;
  return h ^ (h >> 16);
}

// @ts-ignore: decorator
@inline function mix(k: u32): u32 { return rotl<u32>(k * 0xcc9e2d51, 15) * 0x1b873593; }
