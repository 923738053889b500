// Range lookups on an exact-match index (`n.p > 3`, `n.p <= 'k'`, `n.p STARTS WITH 'ab'`): the index's
// ids sorted by their value, built when a range lookup first asks after a change (a write drops it, see
// index.ts) and searched by halving. A hash index plus an order built on demand costs nothing on the
// write path and one sort after a batch of writes; a write between every range lookup pays a sort each
// time (ADR 0052). Values are grouped by kind — booleans, numbers, strings — as a comparison between kinds
// is never true; numbers compare as doubles (NaN after every number), strings by their UTF-8 bytes.
import { Graph } from "./graph";
import { Index, indexBuckets, indexedProps } from "./index";
import { P_BOOL, P_DOUBLE, P_INT, P_STRING, propFind, propPayload, propType } from "./props";
import { blobData, blobLen } from "./blob";
import { U32Vec, vecGet, vecNew, vecPush } from "./u32-vec";

export const RANK_BOOL: i32 = 0;
export const RANK_NUMBER: i32 = 1;
export const RANK_STRING: i32 = 2;

/** A bound of a range: its kind's rank and value (a number, or the UTF-8 bytes at ptr). */
export class RangeKey {
  rank: i32 = RANK_NUMBER;
  num: f64 = 0;
  ptr: usize = 0;
  len: u32 = 0;
  /** The buffer ptr points into, held while the key is used. */
  bytes: ArrayBuffer | null = null;
}

function rankOf(type: u32): i32 {
  if (type == P_BOOL) return RANK_BOOL;
  return type == P_STRING ? RANK_STRING : RANK_NUMBER;
}

function numberOf(type: u32, payload: u64): f64 {
  if (type == P_INT) return <f64>(<i64>payload);
  if (type == P_DOUBLE) return reinterpret<f64>(payload);
  return <f64>payload; // P_BOOL: 0 or 1
}

function compareNumbers(a: f64, b: f64): i32 {
  if (isNaN(a) || isNaN(b)) return isNaN(a) ? (isNaN(b) ? 0 : 1) : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareBytes(a: usize, alen: u32, b: usize, blen: u32): i32 {
  const n = alen < blen ? alen : blen;
  const c = memory.compare(a, b, <usize>n);
  if (c != 0) return c;
  return alen < blen ? -1 : alen > blen ? 1 : 0;
}

/** The indexed property entry of entity `id` (it is in the index, so it has one). */
function entryOf(g: Graph, idx: Index, id: u32): usize {
  return propFind(indexedProps(g, idx, id), idx.prop);
}

/** Compares entity `id`'s value with a bound. */
function compareToKey(g: Graph, idx: Index, id: u32, key: RangeKey): i32 {
  const e = entryOf(g, idx, id);
  const t = propType(e);
  const r = rankOf(t);
  if (r != key.rank) return r < key.rank ? -1 : 1;
  if (r == RANK_STRING) {
    const b = <usize>propPayload(e);
    return compareBytes(blobData(b), blobLen(b), key.ptr, key.len);
  }
  return compareNumbers(numberOf(t, propPayload(e)), key.num);
}

// The sort works on 16-byte records made once per id — the value as a double's bits (a string: its
// blob's address), its kind's rank, the id — so a comparison reads two records, not two property lists.
const REC: usize = 16;

function cmpRec(a: usize, b: usize): i32 {
  const ra = load<u32>(a, 8), rb = load<u32>(b, 8);
  if (ra != rb) return ra < rb ? -1 : 1;
  if (<i32>ra == RANK_STRING) {
    const x = <usize>load<u64>(a), y = <usize>load<u64>(b);
    return compareBytes(blobData(x), blobLen(x), blobData(y), blobLen(y));
  }
  return compareNumbers(load<f64>(a), load<f64>(b));
}

function swapRec(a: usize, b: usize): void {
  const k = load<u64>(a), r = load<u64>(a, 8);
  store<u64>(a, load<u64>(b));
  store<u64>(a, load<u64>(b, 8), 8);
  store<u64>(b, k);
  store<u64>(b, r, 8);
}

function siftDown(recs: usize, root: usize, n: usize): void {
  while (true) {
    let child = root * 2 + 1;
    if (child >= n) return;
    if (child + 1 < n && cmpRec(recs + child * REC, recs + (child + 1) * REC) < 0) child++;
    if (cmpRec(recs + root * REC, recs + child * REC) >= 0) return;
    swapRec(recs + root * REC, recs + child * REC);
    root = child;
  }
}

/** Sorts the ids of `v` by value: heap sort (no recursion, whatever the values) over their records. */
function sortIds(g: Graph, idx: Index, v: U32Vec): void {
  const n = <usize>v.len;
  if (n < 2) return;
  const recs = heap.alloc(n * REC);
  for (let i: usize = 0; i < n; i++) {
    const id = load<u32>(v.data + (i << 2));
    const e = entryOf(g, idx, id);
    const t = propType(e);
    const r = recs + i * REC;
    if (t == P_STRING) store<u64>(r, propPayload(e));
    else store<f64>(r, numberOf(t, propPayload(e)));
    store<u32>(r, <u32>rankOf(t), 8);
    store<u32>(r, id, 12);
  }
  for (let i = n / 2; i > 0; i--) siftDown(recs, i - 1, n);
  for (let end = n - 1; end > 0; end--) {
    swapRec(recs, recs + end * REC);
    siftDown(recs, 0, end);
  }
  for (let i: usize = 0; i < n; i++) store<u32>(v.data + (i << 2), load<u32>(recs + i * REC, 12));
  heap.free(recs);
}

/** The index's ids in value order, sorting them first when a write changed the index since. */
export function orderedIds(g: Graph, idx: Index): U32Vec {
  if (idx.sorted != 0) return changetype<U32Vec>(idx.sorted);
  const buckets = indexBuckets(idx);
  let total: u32 = 0;
  for (let i = 0; i < buckets.length; i++) total += buckets[i].len;
  const v = vecNew(g, total);
  for (let i = 0; i < buckets.length; i++) {
    const b = buckets[i];
    for (let j: u32 = 0; j < b.len; j++) vecPush(g, v, vecGet(b, j));
  }
  sortIds(g, idx, v);
  idx.sorted = changetype<usize>(v);
  return v;
}

/** The first position in `ids` whose value is above the bound (`strict`) or at least the bound. */
export function boundPosition(g: Graph, idx: Index, ids: U32Vec, key: RangeKey, strict: bool): u32 {
  let lo: u32 = 0, hi = ids.len;
  while (lo < hi) {
    const mid = lo + ((hi - lo) >> 1);
    const c = compareToKey(g, idx, vecGet(ids, mid), key);
    if (c < 0 || (strict && c == 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether entity `id`'s value is a string starting with the bound's bytes. */
export function startsWithKey(g: Graph, idx: Index, id: u32, key: RangeKey): bool {
  const e = entryOf(g, idx, id);
  if (propType(e) != P_STRING) return false;
  const b = <usize>propPayload(e);
  return blobLen(b) >= key.len && memory.compare(blobData(b), key.ptr, <usize>key.len) == 0;
}
