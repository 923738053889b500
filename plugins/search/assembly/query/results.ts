// Result sets: what evaluating a query node gives, in the scratch arena. Doc ids ascending, each with
// its score so far, and (for a single exact term) its postings entry, which phrases read positions
// from. The executor's seam for the other parts of the plugin: FT.AGGREGATE and KNN consume and produce
// the same sets.
import { scratchAlloc } from "../scratch";

@unmanaged export class ResultSet {
  /** u32 doc ids, ascending. */
  ids: usize;
  /** f64 scores, parallel to ids. */
  scores: usize;
  /** u32 postings entry per id (Q_TERM only; 0 elsewhere). */
  entries: usize;
  len: i32;
  cap: i32;
}

export function resultsNew(cap: i32, withEntries: bool = false): ResultSet {
  const r = changetype<ResultSet>(scratchAlloc(offsetof<ResultSet>()));
  const c = cap < 1 ? 1 : cap;
  r.ids = scratchAlloc(<usize>c << 2);
  r.scores = scratchAlloc(<usize>c << 3);
  r.entries = withEntries ? scratchAlloc(<usize>c << 2) : 0;
  r.len = 0;
  r.cap = c;
  return r;
}

// @ts-ignore: decorator
@inline export function resultId(r: ResultSet, i: i32): u32 { return load<u32>(r.ids + (<usize>i << 2)); }
// @ts-ignore: decorator
@inline export function resultScore(r: ResultSet, i: i32): f64 { return load<f64>(r.scores + (<usize>i << 3)); }
// @ts-ignore: decorator
@inline export function resultEntry(r: ResultSet, i: i32): usize { return <usize>load<u32>(r.entries + (<usize>i << 2)); }

/** Appends (ids must come ascending); the set must have room (sized by its maker). */
export function resultPush(r: ResultSet, id: u32, score: f64, entry: usize = 0): void {
  if (r.len == r.cap) grow(r);
  store<u32>(r.ids + (<usize>r.len << 2), id);
  store<f64>(r.scores + (<usize>r.len << 3), score);
  if (r.entries != 0) store<u32>(r.entries + (<usize>r.len << 2), <u32>entry);
  r.len++;
}

function grow(r: ResultSet): void {
  const cap = r.cap << 1;
  const ids = scratchAlloc(<usize>cap << 2);
  const scores = scratchAlloc(<usize>cap << 3);
  memory.copy(ids, r.ids, <usize>r.len << 2);
  memory.copy(scores, r.scores, <usize>r.len << 3);
  if (r.entries != 0) {
    const entries = scratchAlloc(<usize>cap << 2);
    memory.copy(entries, r.entries, <usize>r.len << 2);
    r.entries = entries;
  }
  r.ids = ids;
  r.scores = scores;
  r.cap = cap;
}

/** The doc ids in both, scores added. */
export function intersect(a: ResultSet, b: ResultSet): ResultSet {
  const r = resultsNew(min(a.len, b.len));
  let i = 0, j = 0;
  while (i < a.len && j < b.len) {
    const x = resultId(a, i), y = resultId(b, j);
    if (x == y) { resultPush(r, x, resultScore(a, i) + resultScore(b, j)); i++; j++; }
    else if (x < y) i++;
    else j++;
  }
  return r;
}

/** The doc ids in either, scores added where in both. */
export function union(a: ResultSet, b: ResultSet): ResultSet {
  const r = resultsNew(a.len + b.len);
  let i = 0, j = 0;
  while (i < a.len || j < b.len) {
    if (j >= b.len || (i < a.len && resultId(a, i) < resultId(b, j))) { resultPush(r, resultId(a, i), resultScore(a, i)); i++; }
    else if (i >= a.len || resultId(b, j) < resultId(a, i)) { resultPush(r, resultId(b, j), resultScore(b, j)); j++; }
    else { resultPush(r, resultId(a, i), resultScore(a, i) + resultScore(b, j)); i++; j++; }
  }
  return r;
}

/** The doc ids of `a` not in `b`, scores of `a`. */
export function subtract(a: ResultSet, b: ResultSet): ResultSet {
  const r = resultsNew(a.len);
  let j = 0;
  for (let i = 0; i < a.len; i++) {
    const x = resultId(a, i);
    while (j < b.len && resultId(b, j) < x) j++;
    if (j < b.len && resultId(b, j) == x) continue;
    resultPush(r, x, resultScore(a, i));
  }
  return r;
}

/** `a` with the scores of `b` added where it matches too (an optional clause). */
export function boost(a: ResultSet, b: ResultSet): ResultSet {
  let j = 0;
  for (let i = 0; i < a.len; i++) {
    const x = resultId(a, i);
    while (j < b.len && resultId(b, j) < x) j++;
    if (j < b.len && resultId(b, j) == x) store<f64>(a.scores + (<usize>i << 3), resultScore(a, i) + resultScore(b, j));
  }
  return a;
}
