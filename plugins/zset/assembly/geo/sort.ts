// Ordering the candidates by distance as Redis does: all of them with glibc's qsort (a stable merge
// sort), or only the first COUNT with Redis's pqsort (NetBSD's quicksort, partial). The two order
// equal distances differently, so both are reproduced. Both sort `order`, an array of record pointers.
import { pointAt, pointCount, pointDist } from "./points";

export let order: usize = 0;
let scratch: usize = 0;
let descending = false;

// @ts-ignore: decorator
@inline function at(i: i32): usize { return <usize>load<u32>(order + (<usize>i << 2)); }

/** Redis's sort_gp_asc / sort_gp_desc on the records at positions i and j. */
function cmp(i: i32, j: i32): i32 {
  const a = pointDist(at(i)), b = pointDist(at(j));
  const r = a > b ? 1 : a == b ? 0 : -1;
  return descending ? -r : r;
}

function swap(i: i32, j: i32): void {
  const t = load<u32>(order + (<usize>i << 2));
  store<u32>(order + (<usize>i << 2), load<u32>(order + (<usize>j << 2)));
  store<u32>(order + (<usize>j << 2), t);
}

function vecswap(i: i32, j: i32, n: i32): void {
  for (let k = 0; k < n; k++) swap(i + k, j + k);
}

export function freeOrder(): void {
  if (order != 0) heap.free(order);
  if (scratch != 0) heap.free(scratch);
  order = scratch = 0;
}

/** `order` in the order the points were found. */
export function buildOrder(): void {
  freeOrder();
  order = heap.alloc(<usize>max(pointCount, 1) << 2);
  for (let i = 0; i < pointCount; i++) store<u32>(order + (<usize>i << 2), <u32>pointAt(i));
}

/** The record at position i of `order`. */
export function ordered(i: i32): usize { return at(i); }

/** Sorts `order`, only as far as its first `wanted` positions need. */
export function sortPoints(desc: bool, wanted: i32): void {
  descending = desc;
  if (wanted == pointCount) {
    scratch = heap.alloc(<usize>max(pointCount, 1) << 2);
    mergeSort(0, pointCount);
  } else {
    pqsort(0, pointCount, 0, wanted - 1);
  }
}

/** Stable: of equal elements, the left run's go first. */
function mergeSort(lo: i32, n: i32): void {
  if (n <= 1) return;
  const n1 = n >> 1;
  mergeSort(lo, n1);
  mergeSort(lo + n1, n - n1);
  let i = lo, j = lo + n1, k = 0;
  while (i < lo + n1) {
    const right = j < lo + n && cmp(i, j) > 0;
    store<u32>(scratch + (<usize>k << 2), right ? <u32>at(j) : <u32>at(i));
    if (right) j++;
    else i++;
    k++;
  }
  memory.copy(order + (<usize>lo << 2), scratch, <usize>k << 2);
}

function med3(a: i32, b: i32, c: i32): i32 {
  return cmp(a, b) < 0
    ? (cmp(b, c) < 0 ? b : (cmp(a, c) < 0 ? c : a))
    : (cmp(b, c) > 0 ? b : (cmp(a, c) < 0 ? a : c));
}

/** Whether [first, last] holds any of the wanted positions [l, r]. */
function overlaps(first: i32, last: i32, l: i32, r: i32): bool {
  return !((l < first && r < first) || (l > last && r > last));
}

/** Redis's _pqsort over n elements from a: Bentley-McIlroy, recursing only into parts that hold [l, r]. */
function pqsort(a: i32, n: i32, l: i32, r: i32): void {
  for (;;) {
    if (n < 7) {
      for (let m = a + 1; m < a + n; m++) {
        for (let p = m; p > a && cmp(p - 1, p) > 0; p--) swap(p, p - 1);
      }
      return;
    }
    let pm = a + (n >> 1);
    if (n > 7) {
      let pl = a;
      let pn = a + n - 1;
      if (n > 40) {
        const d = n >> 3;
        pl = med3(pl, pl + d, pl + 2 * d);
        pm = med3(pm - d, pm, pm + d);
        pn = med3(pn - 2 * d, pn - d, pn);
      }
      pm = med3(pl, pm, pn);
    }
    swap(a, pm);
    let pa = a + 1, pb = a + 1;
    let pc = a + n - 1, pd = a + n - 1;
    for (;;) {
      let c = 0;
      while (pb <= pc && (c = cmp(pb, a)) <= 0) {
        if (c == 0) swap(pa++, pb);
        pb++;
      }
      while (pb <= pc && (c = cmp(pc, a)) >= 0) {
        if (c == 0) swap(pc, pd--);
        pc--;
      }
      if (pb > pc) break;
      swap(pb++, pc--);
    }
    const pn = a + n;
    let s = min(pa - a, pb - pa);
    vecswap(a, pb - s, s);
    s = min(pd - pc, pn - pd - 1);
    vecswap(pb, pn - s, s);
    s = pb - pa;
    if (s > 1 && overlaps(a, a + s - 1, l, r)) pqsort(a, s, l, r);
    s = pd - pc;
    if (s <= 1) return;
    a = pn - s;
    n = s;
    if (!overlaps(a, a + n - 1, l, r)) return;
  }
}
