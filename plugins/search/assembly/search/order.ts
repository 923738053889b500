// Ordering a result set for FT.SEARCH: by score (highest first, then doc id, so equal scores come in
// indexing order), or by a SORTBY field (NUMERIC values, or SORTABLE TEXT/TAG values; documents missing
// the value last). A stable merge sort of positions in the scratch arena.
import { strLen, strPtr } from "../bytes";
import { Column, columnAt } from "../columns";
import { Field, NUMERIC } from "../schema";
import { ResultSet, resultId, resultScore } from "../query/results";
import { scratchAlloc } from "../scratch";
import { vectorScored } from "../vector-score";

let set: ResultSet = changetype<ResultSet>(0);
let byField: Field | null = null;
let descending = false;

/** Positions 0..r.len-1 of `r` in reply order (u32 each, in the scratch arena). */
export function orderResults(r: ResultSet, field: Field | null, desc: bool): usize {
  set = r;
  byField = field;
  descending = desc;
  const n = r.len;
  let a = scratchAlloc(<usize>max(n, 1) << 2);
  let b = scratchAlloc(<usize>max(n, 1) << 2);
  for (let i = 0; i < n; i++) store<u32>(a + (<usize>i << 2), <u32>i);
  for (let width = 1; width < n; width <<= 1) {
    for (let lo = 0; lo < n; lo += width << 1) {
      const mid = min(lo + width, n), hi = min(lo + (width << 1), n);
      let i = lo, j = mid, k = lo;
      while (i < mid && j < hi) {
        const pi = load<u32>(a + (<usize>i << 2)), pj = load<u32>(a + (<usize>j << 2));
        if (compare(pj, pi) < 0) { store<u32>(b + (<usize>(k++) << 2), pj); j++; }
        else { store<u32>(b + (<usize>(k++) << 2), pi); i++; }
      }
      while (i < mid) store<u32>(b + (<usize>(k++) << 2), load<u32>(a + (<usize>(i++) << 2)));
      while (j < hi) store<u32>(b + (<usize>(k++) << 2), load<u32>(a + (<usize>(j++) << 2)));
    }
    const t = a; a = b; b = t;
  }
  return a;
}

/** < 0 when position p comes before q. */
function compare(p: u32, q: u32): i32 {
  if (byField == null) {
    const sp = resultScore(set, <i32>p), sq = resultScore(set, <i32>q);
    if (sp != sq) return (sp > sq) != (vectorScored() && !descending) ? -1 : 1; // distances: nearest first
    return resultId(set, <i32>p) < resultId(set, <i32>q) ? -1 : 1;
  }
  const f = changetype<Field>(byField);
  if (f.column == 0) return 0;
  const c = changetype<Column>(f.column);
  const ap = columnAt(c, resultId(set, <i32>p)), aq = columnAt(c, resultId(set, <i32>q));
  if (f.type == NUMERIC) {
    const vp = ap == 0 ? NaN : load<f64>(ap), vq = aq == 0 ? NaN : load<f64>(aq);
    if (isNaN(vp) || isNaN(vq)) return isNaN(vp) ? (isNaN(vq) ? 0 : 1) : -1;
    if (vp == vq) return 0;
    return (vp < vq) != descending ? -1 : 1;
  }
  const sp: usize = ap == 0 ? 0 : <usize>load<u32>(ap), sq: usize = aq == 0 ? 0 : <usize>load<u32>(aq);
  if (sp == 0 || sq == 0) return sp == 0 ? (sq == 0 ? 0 : 1) : -1;
  const lp = strLen(sp), lq = strLen(sq);
  let cmp = memory.compare(strPtr(sp), strPtr(sq), <usize>min(lp, lq));
  if (cmp == 0) cmp = lp - lq;
  if (cmp == 0) return 0;
  return (cmp < 0) != descending ? -1 : 1;
}
