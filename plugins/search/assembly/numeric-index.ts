// The NUMERIC range index: a field's (value, doc id) entries sorted by value, so `@n:[a b]` costs a
// binary search and the matches, not a pass over every document (ADR 0051). RediSearch keeps a numeric
// range tree; a sorted array with a small unsorted tail does the same work with less bookkeeping here:
// writes append to the tail (O(1)); a query binary-searches the sorted part and scans the tail; the tail
// is sorted and merged in once it outgrows an eighth of the sorted part (amortized O(log n) a write).
// Entries never change: an updated document gets a new doc id (indexer.ts), so an entry whose document
// is gone is skipped by queries and dropped by the next merge or compaction. A JSON array gives a
// document several entries, and it matches when any of its values does, as in RediSearch.
import { Index } from "./index-spec";
import { pastDeadlineSoon } from "./query/deadline";
import { ResultSet, resultPush, resultsNew } from "./query/results";
import { scratchAlloc } from "./scratch";
import { sortRecords, sortU64 } from "./sort-u64";
import { listGet } from "./u32-list";

// An entry: [u64 order key of the value][u32 doc id][u32 unused], two u64 words.
const ENTRY: usize = 16;
const MIN_TAIL: i32 = 256;

@unmanaged export class NumericIndex {
  sorted: usize;
  sortedLen: i32;
  sortedCap: i32;
  tail: usize;
  tailLen: i32;
  tailCap: i32;
}

/** A key whose unsigned order is the values' order (-0 and 0 alike; NaN is never indexed). */
function orderKey(v: f64): u64 {
  const bits = reinterpret<u64>(v + 0.0);
  return (bits >> 63) != 0 ? ~bits : bits | 0x8000000000000000;
}

export function numericNew(): NumericIndex {
  const n = changetype<NumericIndex>(heap.alloc(offsetof<NumericIndex>()));
  n.sortedCap = 64;
  n.sorted = heap.alloc(<usize>n.sortedCap * ENTRY);
  n.sortedLen = 0;
  n.tailCap = 64;
  n.tail = heap.alloc(<usize>n.tailCap * ENTRY);
  n.tailLen = 0;
  return n;
}

export function numericFree(n: NumericIndex): void {
  heap.free(n.sorted);
  heap.free(n.tail);
  heap.free(changetype<usize>(n));
}

/** Adds document `id`'s value `v`. */
export function numericAdd(x: Index, n: NumericIndex, v: f64, id: u32): void {
  if (n.tailLen == n.tailCap) {
    n.tailCap <<= 1;
    n.tail = heap.realloc(n.tail, <usize>n.tailCap * ENTRY);
  }
  const e = n.tail + <usize>n.tailLen * ENTRY;
  store<u64>(e, orderKey(v));
  store<u64>(e, <u64>id, 8);
  n.tailLen++;
  if (n.tailLen > max(MIN_TAIL, n.sortedLen >> 3)) merge(x, n);
}

/** Sorts the tail into the sorted part, dropping the entries of documents that are gone. */
export function merge(x: Index, n: NumericIndex): void {
  sortRecords(n.tail, n.tailLen, 2);
  const need = n.sortedLen + n.tailLen;
  const out = heap.alloc(<usize>max(need, 64) * ENTRY);
  let i = 0, j = 0, k = 0;
  while (i < n.sortedLen || j < n.tailLen) {
    const a = n.sorted + <usize>i * ENTRY, b = n.tail + <usize>j * ENTRY;
    const fromSorted = j >= n.tailLen || (i < n.sortedLen && load<u64>(a) <= load<u64>(b));
    const e = fromSorted ? a : b;
    if (fromSorted) i++; else j++;
    if (!live(x, e)) continue;
    memory.copy(out + <usize>(k++) * ENTRY, e, ENTRY);
  }
  heap.free(n.sorted);
  n.sorted = out;
  n.sortedLen = k;
  n.sortedCap = max(need, 64);
  n.tailLen = 0;
}

/** Whether the entry's document is live, or is the one being indexed (its doc id not yet in the table). */
// @ts-ignore: decorator
@inline function live(x: Index, e: usize): bool {
  const id = <i32>load<u32>(e, 8);
  return id >= x.docs.len || listGet(x.docs, id) != 0;
}

/**
 * The live documents with a value in [min, max] (either end exclusive), ids ascending, each once.
 */
export function numericRange(x: Index, n: NumericIndex, low: f64, lowExclusive: bool, high: f64, highExclusive: bool): ResultSet {
  const lo = orderKey(low), hi = orderKey(high);
  // The first entry whose key is ≥ lo (> lo when exclusive).
  let a = 0, b = n.sortedLen;
  while (a < b) {
    const mid = (a + b) >>> 1;
    const k = load<u64>(n.sorted + <usize>mid * ENTRY);
    if (k < lo || (lowExclusive && k == lo)) a = mid + 1; else b = mid;
  }
  let end = a;
  while (end < n.sortedLen) {
    const k = load<u64>(n.sorted + <usize>end * ENTRY);
    if (k > hi || (highExclusive && k == hi)) break;
    end++;
  }
  const ids = scratchAlloc(<usize>max(end - a + n.tailLen, 1) << 3);
  let count = 0;
  for (let i = a; i < end && !pastDeadlineSoon(); i++) {
    const e = n.sorted + <usize>i * ENTRY;
    if (live(x, e)) store<u64>(ids + (<usize>(count++) << 3), load<u64>(e, 8));
  }
  for (let i = 0; i < n.tailLen; i++) {
    const e = n.tail + <usize>i * ENTRY;
    const k = load<u64>(e);
    if (k < lo || (lowExclusive && k == lo) || k > hi || (highExclusive && k == hi) || !live(x, e)) continue;
    store<u64>(ids + (<usize>(count++) << 3), load<u64>(e, 8));
  }
  return count << 4 < x.docs.len ? bySorting(ids, count) : byBitmap(x, ids, count);
}

/** A few matches: their ids sorted, each once. */
function bySorting(ids: usize, count: i32): ResultSet {
  sortU64(ids, count);
  const r = resultsNew(count);
  let previous: u64 = 0xffffffffffffffff;
  for (let i = 0; i < count; i++) {
    const id = load<u64>(ids + (<usize>i << 3));
    if (id != previous) resultPush(r, <u32>id, 0);
    previous = id;
  }
  return r;
}

/** Many matches (a sixteenth of the doc table or more): a bit per doc id, read in order. */
function byBitmap(x: Index, ids: usize, count: i32): ResultSet {
  const words = (x.docs.len + 31) >> 5;
  const bits = scratchAlloc(<usize>words << 2);
  memory.fill(bits, 0, <usize>words << 2);
  for (let i = 0; i < count; i++) {
    const id = <u32>load<u64>(ids + (<usize>i << 3));
    const at = bits + (<usize>(id >> 5) << 2);
    store<u32>(at, load<u32>(at) | (<u32>1 << (id & 31)));
  }
  const r = resultsNew(count);
  for (let w = 0; w < words; w++) {
    let word = load<u32>(bits + (<usize>w << 2));
    while (word != 0) {
      const bit = ctz(word);
      resultPush(r, (<u32>w << 5) | bit, 0);
      word &= word - 1;
    }
  }
  return r;
}
