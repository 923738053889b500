// Ordering the vector as Redis's sortCompare does. Numeric: by score, ties by the elements' bytes, so
// the result is deterministic. ALPHA: the elements' bytes, or with BY the values found, a missing one
// first. Redis compares with strcoll (memcmp when storing); we compare bytes, which is strcoll in the C
// locale. A stable merge sort, where Redis's qsort leaves ALPHA BY ties in no particular order.
import { compareBytes } from "ferrite-sdk";
import { alpha, byArg, desc } from "./options";
import { BYTES, MERGE, ORDER, block } from "./scratch";
import { cmpLen, cmpOff, elemLen, elemPtr, hasCmp, score, size } from "./vector";

function compareElems(a: i32, b: i32): i32 {
  return compareBytes(elemPtr(a), elemLen(a), elemPtr(b), elemLen(b));
}

function compare(a: i32, b: i32): i32 {
  let cmp: i32;
  if (!alpha) {
    const sa = score(a), sb = score(b);
    cmp = sa > sb ? 1 : sa < sb ? -1 : compareElems(a, b);
  } else if (byArg >= 0) {
    if (!hasCmp(a) || !hasCmp(b)) cmp = <i32>hasCmp(a) - <i32>hasCmp(b);
    else {
      const bytes = block(BYTES, 0);
      cmp = compareBytes(bytes + cmpOff(a), cmpLen(a), bytes + cmpOff(b), cmpLen(b));
    }
  } else cmp = compareElems(a, b);
  return desc ? -cmp : cmp;
}

// @ts-ignore: decorator
@inline function get(array: usize, i: i32): i32 { return load<i32>(array + (<usize>i << 2)); }
// @ts-ignore: decorator
@inline function put(array: usize, i: i32, v: i32): void { store<i32>(array + (<usize>i << 2), v); }

/** Bottom-up merge sort of the ORDER indexes, through the MERGE array. */
export function sortVector(): void {
  const n = size;
  let src = block(ORDER, 0);
  let dst = block(MERGE, <usize>n << 2);
  for (let width = 1; width < n; width <<= 1) {
    for (let lo = 0; lo < n; lo += width << 1) {
      const mid = min(lo + width, n), hi = min(lo + (width << 1), n);
      let i = lo, j = mid;
      for (let k = lo; k < hi; k++) {
        // Ties take the left run first: that keeps the sort stable.
        if (j >= hi || (i < mid && compare(get(src, i), get(src, j)) <= 0)) put(dst, k, get(src, i++));
        else put(dst, k, get(src, j++));
      }
    }
    const t = src; src = dst; dst = t;
  }
  if (src != block(ORDER, 0)) memory.copy(block(ORDER, 0), src, <usize>n << 2);
}
