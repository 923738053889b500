// RedisBloom 2.8's cuckoo filter: sub-filters of numBuckets × bucketSize one-byte fingerprints, the
// i-th with numBuckets × expansion^i buckets (a power of two). An item's 64-bit hash h =
// MurmurHash64A(item, seed 0) gives its fingerprint h mod 255 + 1 and its two buckets h and
// h ^ (fp × 0x5bd1e995), each taken mod the sub-filter's bucket count. A full filter kicks fingerprints
// along their alternate buckets up to maxIterations times, then grows a new sub-filter (unless its
// expansion is 0).

import { heapFootprint, murmurHash64A } from "ferrite-sdk";

const C_BUCKETS: usize = 0; // u64: buckets of the first sub-filter
const C_ITEMS: usize = 8; // u64
const C_DELETES: usize = 16; // u64
const C_FILTERS: usize = 24; // u32
const C_BUCKET_SIZE: usize = 28; // u32
const C_MAX_ITERATIONS: usize = 32; // u32
const C_EXPANSION: usize = 36; // u32
const C_SUBS: usize = 40; // usize: SUB × slots
const C_SLOTS: usize = 44; // u32
const C_MEMORY: usize = 48; // u64
const HEADER: usize = 56;

const S_BUCKETS: usize = 0; // u64
const S_DATA: usize = 8; // usize
const SUB: usize = 16;

const ALT_MULTIPLIER: u64 = 0x5bd1e995;

export const INSERTED: i32 = 1;
export const EXISTS: i32 = 0;
export const NO_SPACE: i32 = -1;

export function cfBuckets(c: usize): u64 { return load<u64>(c + C_BUCKETS); }
export function cfItems(c: usize): u64 { return load<u64>(c + C_ITEMS); }
export function cfDeletes(c: usize): u64 { return load<u64>(c + C_DELETES); }
export function cfFilters(c: usize): u32 { return load<u32>(c + C_FILTERS); }
export function cfBucketSize(c: usize): u32 { return load<u32>(c + C_BUCKET_SIZE); }
export function cfMaxIterations(c: usize): u32 { return load<u32>(c + C_MAX_ITERATIONS); }
export function cfExpansion(c: usize): u32 { return load<u32>(c + C_EXPANSION); }
export function cfMemory(c: usize): u64 { return load<u64>(c + C_MEMORY); }
export function sub(c: usize, i: u32): usize { return load<usize>(c + C_SUBS) + <usize>i * SUB; }
export function subBuckets(s: usize): u64 { return load<u64>(s + S_BUCKETS); }
export function subData(s: usize): usize { return load<usize>(s + S_DATA); }
export function subBytes(c: usize, i: u32): u64 { return subBuckets(sub(c, i)) * <u64>cfBucketSize(c); }

function addMemory(c: usize, bytes: i64): void { store<u64>(c + C_MEMORY, <u64>(<i64>cfMemory(c) + bytes)); }

/** getNextN2: the next power of two (0 stays 0). */
export function nextPow2(n: u64): u64 {
  n--;
  n |= n >> 1; n |= n >> 2; n |= n >> 4; n |= n >> 8; n |= n >> 16; n |= n >> 32;
  return n + 1;
}

/** The bytes of sub-filter i of a filter whose first has `buckets`: buckets × expansion^i × bucketSize, or 0 past 1 GiB. */
export function subSize(buckets: u64, bucketSize: u32, expansion: u32, i: u32): u64 {
  let n = buckets * <u64>bucketSize;
  for (let k: u32 = 0; k < i; k++) {
    n *= <u64>expansion;
    if (n > 0x3fff_ffff) return 0;
  }
  return n > 0x3fff_ffff ? 0 : n;
}

/** A filter with `filters` sub-filters of zeroed fingerprints (the header's numbers as given). */
export function cfAlloc(buckets: u64, bucketSize: u32, maxIterations: u32, expansion: u32, filters: u32): usize {
  const c = heap.alloc(HEADER);
  memory.fill(c, 0, HEADER);
  store<u64>(c + C_BUCKETS, buckets);
  store<u32>(c + C_BUCKET_SIZE, bucketSize);
  store<u32>(c + C_MAX_ITERATIONS, maxIterations);
  store<u32>(c + C_EXPANSION, expansion);
  const slots = max<u32>(filters, 4);
  const subs = heap.alloc(<usize>slots * SUB);
  memory.fill(subs, 0, <usize>slots * SUB);
  store<usize>(c + C_SUBS, subs);
  store<u32>(c + C_SLOTS, slots);
  store<u64>(c + C_MEMORY, heapFootprint(HEADER) + heapFootprint(<usize>slots * SUB));
  for (let i: u32 = 0; i < filters; i++) grow(c);
  return c;
}

/** CuckooFilter_Init: capacity / bucketSize buckets rounded up to a power of two, one sub-filter. */
export function cfCreate(capacity: u64, bucketSize: u32, maxIterations: u32, expansion: u32): usize {
  const buckets = max<u64>(nextPow2(capacity / <u64>bucketSize), 1);
  return cfAlloc(buckets, bucketSize, maxIterations, <u32>nextPow2(expansion), 1);
}

/** CuckooFilter_Grow: appends a zeroed sub-filter. */
function grow(c: usize): void {
  const n = cfFilters(c);
  const slots = load<u32>(c + C_SLOTS);
  if (n == slots) {
    const old = load<usize>(c + C_SUBS);
    const subs = heap.alloc(<usize>slots * 2 * SUB);
    memory.copy(subs, old, <usize>n * SUB);
    heap.free(old);
    store<usize>(c + C_SUBS, subs);
    store<u32>(c + C_SLOTS, slots * 2);
    addMemory(c, <i64>heapFootprint(<usize>slots * 2 * SUB) - <i64>heapFootprint(<usize>slots * SUB));
  }
  let buckets = cfBuckets(c);
  for (let k: u32 = 0; k < n; k++) buckets *= <u64>cfExpansion(c);
  const bytes = <usize>(buckets * <u64>cfBucketSize(c));
  const data = heap.alloc(bytes);
  memory.fill(data, 0, bytes);
  const s = sub(c, n);
  store<u64>(s + S_BUCKETS, buckets);
  store<usize>(s + S_DATA, data);
  store<u32>(c + C_FILTERS, n + 1);
  addMemory(c, <i64>heapFootprint(bytes));
}

export function cfFree(c: usize): void {
  for (let i: u32 = 0; i < cfFilters(c); i++) heap.free(subData(sub(c, i)));
  heap.free(load<usize>(c + C_SUBS));
  heap.free(c);
}

export function cfCopy(c: usize): usize {
  const copy = cfAlloc(cfBuckets(c), cfBucketSize(c), cfMaxIterations(c), cfExpansion(c), cfFilters(c));
  for (let i: u32 = 0; i < cfFilters(c); i++) memory.copy(subData(sub(copy, i)), subData(sub(c, i)), <usize>subBytes(c, i));
  setCounts(copy, cfItems(c), cfDeletes(c));
  return copy;
}

export function setCounts(c: usize, items: u64, deletes: u64): void {
  store<u64>(c + C_ITEMS, items);
  store<u64>(c + C_DELETES, deletes);
}

// The lookup of the item last hashed (getLookupParams).
let fp: u8 = 0;
let h1: u64 = 0;
let h2: u64 = 0;

export function hashItem(ptr: usize, len: i32): void {
  h1 = murmurHash64A(ptr, len, 0);
  fp = <u8>(h1 % 255 + 1);
  h2 = altHash(fp, h1);
}

function altHash(f: u8, index: u64): u64 { return index ^ (<u64>f * ALT_MULTIPLIER); }

function bucketAt(c: usize, s: usize, hash: u64): usize {
  return subData(s) + <usize>((hash % subBuckets(s)) * <u64>cfBucketSize(c));
}

function findIn(bucket: usize, size: u32, f: u8): usize {
  for (let i: u32 = 0; i < size; i++) if (load<u8>(bucket + i) == f) return bucket + i;
  return 0;
}

function countIn(bucket: usize, size: u32, f: u8): u64 {
  let n: u64 = 0;
  for (let i: u32 = 0; i < size; i++) if (load<u8>(bucket + i) == f) n++;
  return n;
}

/** CuckooFilter_Check for the item last hashed. */
export function cfHas(c: usize): bool {
  const size = cfBucketSize(c);
  for (let i: u32 = 0; i < cfFilters(c); i++) {
    const s = sub(c, i);
    if (findIn(bucketAt(c, s, h1), size, fp) != 0 || findIn(bucketAt(c, s, h2), size, fp) != 0) return true;
  }
  return false;
}

/** CuckooFilter_Count for the item last hashed. */
export function cfCount(c: usize): u64 {
  const size = cfBucketSize(c);
  let n: u64 = 0;
  for (let i: u32 = 0; i < cfFilters(c); i++) {
    const s = sub(c, i);
    n += countIn(bucketAt(c, s, h1), size, fp) + countIn(bucketAt(c, s, h2), size, fp);
  }
  return n;
}

function freeSlot(c: usize, s: usize, a: u64, b: u64): usize {
  const size = cfBucketSize(c);
  let slot = findIn(bucketAt(c, s, a), size, 0);
  if (slot == 0) slot = findIn(bucketAt(c, s, b), size, 0);
  return slot;
}

/** Filter_KOInsert: kicks fingerprints through the newest sub-filter; rolls back when it fails. */
function kickInsert(c: usize): bool {
  const s = sub(c, cfFilters(c) - 1);
  const buckets = subBuckets(s), size = cfBucketSize(c), data = subData(s), iterations = cfMaxIterations(c);
  let f = fp;
  let victim: u32 = 0;
  let at = h1 % buckets;
  for (let n: u32 = 0; n < iterations; n++) {
    const slot = data + <usize>(at * <u64>size + <u64>victim);
    const kicked = load<u8>(slot);
    store<u8>(slot, f);
    f = kicked;
    at = altHash(f, at) % buckets;
    const empty = findIn(data + <usize>(at * <u64>size), size, 0);
    if (empty != 0) { store<u8>(empty, f); return true; }
    victim = (victim + 1) % size;
  }
  for (let n: u32 = 0; n < iterations; n++) { // undo the kicks, newest first
    victim = (victim + size - 1) % size;
    at = altHash(f, at) % buckets;
    const slot = data + <usize>(at * <u64>size + <u64>victim);
    const kicked = load<u8>(slot);
    store<u8>(slot, f);
    f = kicked;
  }
  return false;
}

/** CuckooFilter_Insert (or InsertUnique) of the item last hashed: INSERTED, EXISTS or NO_SPACE. */
export function cfInsert(c: usize, unique: bool): i32 {
  if (unique && cfHas(c)) return EXISTS;
  let inserted = place(c);
  while (!inserted && canGrow(c)) {
    grow(c);
    inserted = place(c);
  }
  if (!inserted) return NO_SPACE;
  store<u64>(c + C_ITEMS, cfItems(c) + 1);
  return INSERTED;
}

/** A free slot in any sub-filter, newest first, else room made by kicking in the newest. */
function place(c: usize): bool {
  for (let i = <i32>cfFilters(c) - 1; i >= 0; i--) {
    const slot = freeSlot(c, sub(c, <u32>i), h1, h2);
    if (slot != 0) {
      store<u8>(slot, fp);
      return true;
    }
  }
  return kickInsert(c);
}

function canGrow(c: usize): bool {
  return cfExpansion(c) != 0 && subSize(cfBuckets(c), cfBucketSize(c), cfExpansion(c), cfFilters(c)) != 0;
}

/** CuckooFilter_Delete of the item last hashed, newest sub-filter first; compacts after many deletes. */
export function cfDelete(c: usize): bool {
  const size = cfBucketSize(c);
  for (let i = <i32>cfFilters(c) - 1; i >= 0; i--) {
    const s = sub(c, <u32>i);
    let slot = findIn(bucketAt(c, s, h1), size, fp);
    if (slot == 0) slot = findIn(bucketAt(c, s, h2), size, fp);
    if (slot == 0) continue;
    store<u8>(slot, 0);
    setCounts(c, cfItems(c) - 1, cfDeletes(c) + 1);
    if (cfFilters(c) > 1 && <f64>cfDeletes(c) > <f64>cfItems(c) * 0.1) compact(c);
    return true;
  }
  return false;
}

/** CuckooFilter_Compact(cf, false): moves the newest sub-filters' fingerprints into older ones, freeing each emptied newest one. */
function compact(c: usize): void {
  for (let i = cfFilters(c) - 1; i >= 1; i--) if (!compactOne(c, i)) break;
  store<u64>(c + C_DELETES, 0);
}

function compactOne(c: usize, index: u32): bool {
  const s = sub(c, index), size = cfBucketSize(c);
  let all = true;
  for (let b: u64 = 0; b < subBuckets(s); b++) {
    for (let k: u32 = 0; k < size; k++) {
      const slot = subData(s) + <usize>(b * <u64>size + <u64>k);
      const f = load<u8>(slot);
      if (f == 0) continue;
      let moved = false;
      for (let j: u32 = 0; j < index && !moved; j++) {
        const home = freeSlot(c, sub(c, j), b, altHash(f, b));
        if (home != 0) { store<u8>(home, f); store<u8>(slot, 0); moved = true; }
      }
      if (!moved) all = false;
    }
  }
  if (all && index == cfFilters(c) - 1) {
    addMemory(c, -<i64>heapFootprint(<usize>subBytes(c, index)));
    heap.free(subData(s));
    store<u32>(c + C_FILTERS, index);
  }
  return all;
}
