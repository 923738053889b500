// The small encoding: entries packed in one block, in order, each [u8 len][member][f64 score][u8 len].
// Members are at most LISTPACK_MAX_VALUE bytes here, so one byte holds a length; the trailing copy
// lets ranges walk backwards. 10 bytes of overhead per member, against Redis's listpack's 4-12.
import { compareEntries } from "./compare";
import { fieldA, fieldB, fieldC, setCount, setFieldA, setFieldB, setFieldC, zCount } from "./header";
import { rangePredicate } from "./range";

const ENTRY_OVERHEAD: i32 = 10;
const INITIAL_CAPACITY: i32 = 64;

// @ts-ignore: decorator
@inline export function lpLen(e: usize): i32 { return <i32>load<u8>(e); }
// @ts-ignore: decorator
@inline export function lpMember(e: usize): usize { return e + 1; }
// @ts-ignore: decorator
@inline export function lpScore(e: usize): f64 { return load<f64>(e + 1 + <usize>lpLen(e)); }
// @ts-ignore: decorator
@inline function entrySize(e: usize): i32 { return lpLen(e) + ENTRY_OVERHEAD; }
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
  const next = e + <usize>entrySize(e);
  return next < end(z) ? next : 0;
}

export function lpPrev(z: usize, e: usize): usize {
  if (e == start(z)) return 0;
  return e - <usize>(<i32>load<u8>(e - 1) + ENTRY_OVERHEAD);
}

export function lpAtRank(z: usize, rank: i32): usize {
  let e = start(z);
  for (let i = 0; i < rank; i++) e += <usize>entrySize(e);
  return e;
}

export function lpFind(z: usize, m: usize, len: i32): usize {
  for (let e = start(z), stop = end(z); e < stop; e += <usize>entrySize(e)) {
    if (lpLen(e) == len && memory.compare(lpMember(e), m, <usize>len) == 0) return e;
  }
  return 0;
}

/** Rank of entry e. */
export function lpRankOf(z: usize, e: usize): i32 {
  let rank = 0;
  for (let p = start(z); p < e; p += <usize>entrySize(p)) rank++;
  return rank;
}

/** How many leading entries satisfy the range predicate `kind`. */
export function lpCountWhile(z: usize, kind: i32): i32 {
  let n = 0;
  for (let e = start(z), stop = end(z); e < stop; e += <usize>entrySize(e)) {
    if (!rangePredicate(kind, lpScore(e), lpMember(e), lpLen(e))) break;
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
  while (e < stop && compareEntries(lpScore(e), lpMember(e), lpLen(e), score, m, len) < 0) e += <usize>entrySize(e);
  memory.copy(e + <usize>size, e, stop - e);
  store<u8>(e, <u8>len);
  memory.copy(e + 1, m, <usize>len);
  store<f64>(e + 1 + <usize>len, score);
  store<u8>(e + 1 + <usize>len + 8, <u8>len);
  setFieldB(z, used + size);
  setCount(z, zCount(z) + 1);
}

/** Removes `count` entries starting at entry e. */
export function lpDelete(z: usize, e: usize, count: i32): void {
  let after = e;
  for (let i = 0; i < count; i++) after += <usize>entrySize(after);
  const stop = end(z);
  memory.copy(e, after, stop - after);
  setFieldB(z, fieldB(z) - (after - e));
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
