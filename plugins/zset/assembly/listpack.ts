// The small encoding: entries packed in one block, in order, each the SDK's packed item (collections/
// packed), [u8 len][member], then 9 extra bytes: [f64 score][u8 len]. Members are at most
// zset-max-listpack-value (capped at 255) bytes here, so one byte holds a length; the trailing copy lets ranges walk
// backwards. 10 bytes of overhead per member, against Redis's listpack's 4-12.
import { packedBytes, packedFind, packedItemEnd, packedLen, packedNth, packedRemove, packedSkip, packedWrite } from "ferrite-sdk";
import { compareEntries } from "./compare";
import { fieldA, fieldB, fieldC, setCount, setFieldA, setFieldB, setFieldC, zCount } from "./header";
import { rangePredicate } from "./range";

export { packedLen as lpLen, packedBytes as lpMember } from "ferrite-sdk";

/** The score and the trailing length after each member item. */
const EXTRA: i32 = 9;
const ENTRY_OVERHEAD: i32 = 1 + EXTRA;
const INITIAL_CAPACITY: i32 = 64;

// @ts-ignore: decorator
@inline export function lpScore(e: usize): f64 { return load<f64>(packedItemEnd(e)); }
// @ts-ignore: decorator
@inline function skip(e: usize): usize { return packedSkip(e, EXTRA); }
// @ts-ignore: decorator
@inline function start(z: usize): usize { return fieldA(z); }
// @ts-ignore: decorator
@inline function end(z: usize): usize { return fieldA(z) + fieldB(z); }

export function lpInit(z: usize): void {
  setFieldA(z, heap.alloc(<usize>INITIAL_CAPACITY));
  setFieldB(z, 0);
  setFieldC(z, INITIAL_CAPACITY);
}

export function lpFree(z: usize): void { heap.free(fieldA(z)); }

export function lpFirst(z: usize): usize { return zCount(z) > 0 ? start(z) : 0; }

export function lpLast(z: usize): usize {
  if (zCount(z) == 0) return 0;
  const e = end(z);
  return e - <usize>(<i32>load<u8>(e - 1) + ENTRY_OVERHEAD);
}

export function lpNext(z: usize, e: usize): usize {
  const next = skip(e);
  return next < end(z) ? next : 0;
}

export function lpPrev(z: usize, e: usize): usize {
  if (e == start(z)) return 0;
  return e - <usize>(<i32>load<u8>(e - 1) + ENTRY_OVERHEAD);
}

export function lpAtRank(z: usize, rank: i32): usize { return packedNth(start(z), rank, EXTRA); }

export function lpFind(z: usize, m: usize, len: i32): usize { return packedFind(start(z), end(z), m, len, EXTRA); }

/** Rank of entry e. */
export function lpRankOf(z: usize, e: usize): i32 {
  let rank = 0;
  for (let p = start(z); p < e; p = skip(p)) rank++;
  return rank;
}

/** How many leading entries satisfy the range predicate `kind`. */
export function lpCountWhile(z: usize, kind: i32): i32 {
  let n = 0;
  for (let e = start(z), stop = end(z); e < stop; e = skip(e)) {
    if (!rangePredicate(kind, lpScore(e), packedBytes(e), packedLen(e))) break;
    n++;
  }
  return n;
}

/** Inserts a member known to be absent, at its place in the order. */
export function lpInsert(z: usize, score: f64, m: usize, len: i32): void {
  const size = len + ENTRY_OVERHEAD;
  const used = <i32>fieldB(z);
  if (used + size > <i32>fieldC(z)) {
    const cap = max(used + size, <i32>fieldC(z) * 2);
    setFieldA(z, heap.realloc(fieldA(z), <usize>cap));
    setFieldC(z, cap);
  }
  let e = start(z);
  const stop = end(z);
  while (e < stop && compareEntries(lpScore(e), packedBytes(e), packedLen(e), score, m, len) < 0) e = skip(e);
  memory.copy(e + <usize>size, e, stop - e);
  const after = packedWrite(e, m, len);
  store<f64>(after, score);
  store<u8>(after + 8, <u8>len);
  setFieldB(z, used + size);
  setCount(z, zCount(z) + 1);
}

/** Removes `count` entries starting at entry e. */
export function lpDelete(z: usize, e: usize, count: i32): void {
  const removed = packedRemove(e, packedNth(e, count, EXTRA), end(z));
  setFieldB(z, fieldB(z) - removed);
  setCount(z, zCount(z) - count);
}

/** Bytes held: the header's share is counted by the caller. */
export function lpMemory(z: usize): i32 { return <i32>fieldC(z); }

export function lpCopyInto(z: usize, dst: usize): void {
  const cap = <i32>fieldB(z) > 0 ? <i32>fieldB(z) : INITIAL_CAPACITY;
  const block = heap.alloc(<usize>cap);
  memory.copy(block, start(z), fieldB(z));
  setFieldA(dst, block);
  setFieldB(dst, fieldB(z));
  setFieldC(dst, cap);
}
