// HNSW (Malkov & Yashunin), following hnswlib's algorithms as VecSim does: greedy descent through the
// upper levels, a best-first beam of width ef on level 0, and the "heuristic" neighbour selection that
// keeps a candidate only when it is nearer to the new element than to every neighbour kept so far.
// The filter is applied inside the beam search: rejected and deleted elements still route the walk
// but never enter the results, and the walk goes on until it holds ef accepted results (hnswlib's
// filtered search).
import { heapFootprint } from "../collections/heap-size";
import { PairHeap } from "./pair-heap";
import { VectorFilter } from "./params";
import { VectorIndex } from "./vector-index";

/** Highest level an element may draw (a byte of `meta`; level 16 already needs ~M^16 elements). */
const MAX_LEVEL: i32 = 32;

/** Address of `id`'s link list at `level`: [count u32][links u32…]. */
// @ts-ignore: decorator
@inline
function linksAt(x: VectorIndex, id: u32, level: i32): usize {
  const rec = x.record(id) + x.vectorBytes;
  if (level == 0) return rec + 12;
  return <usize>load<u32>(rec, 8) + (<usize>(level - 1) * <usize>(x.m + 1) << 2);
}

// @ts-ignore: decorator
@inline
function vectorOf(x: VectorIndex, id: u32): usize {
  return x.record(id);
}

/** Links the new record `id` (vector and label written) into the graph. */
export function hnswInsert(x: VectorIndex, id: u32): void {
  const level = min(<i32>Math.floor(-Math.log(x.uniform()) * x.levelMult), MAX_LEVEL);
  const rec = x.record(id) + x.vectorBytes;
  store<u32>(rec, <u32>level, 4);
  store<u32>(rec, 0, 12);
  if (level > 0) {
    const bytes = <usize>level * <usize>(x.m + 1) << 2;
    const upper = heap.alloc(bytes);
    memory.fill(upper, 0, bytes);
    store<u32>(rec, <u32>upper, 8);
    x.upperBytes += heapFootprint(bytes);
  } else {
    store<u32>(rec, 0, 8);
  }
  if (x.entry < 0) {
    x.entry = id;
    x.maxLevel = level;
    return;
  }
  const q = vectorOf(x, id);
  let cur = <u32>x.entry;
  let curDist = x.distance(q, vectorOf(x, cur));
  for (let l = x.maxLevel; l > level; l--) {
    cur = greedy(x, q, cur, curDist, l);
    curDist = x.distance(q, vectorOf(x, cur));
  }
  for (let l = min(level, x.maxLevel); l >= 0; l--) {
    searchLayer(x, q, cur, curDist, x.efConstruction, l, null, 0);
    const select = x.select;
    const n = sortResultsInto(x.results, select);
    if (n == 0) {
      // Every record reachable here is a tombstone (say the only vector was just updated): link to the
      // one the walk started from anyway, or nothing would lead to the newcomer.
      store<u32>(linksAt(x, id, l), 1);
      store<u32>(linksAt(x, id, l) + 4, cur);
      connect(x, cur, id, l);
      continue;
    }
    cur = select.idAt(0);
    curDist = select.keyAt(0);
    const kept = selectNeighbours(x, select, n, x.m);
    const links = linksAt(x, id, l);
    store<u32>(links, <u32>kept);
    for (let i = 0; i < kept; i++) store<u32>(links + 4 + (<usize>i << 2), select.idAt(i));
    for (let i = 0; i < kept; i++) connect(x, select.idAt(i), id, l);
  }
  if (level > x.maxLevel) {
    x.entry = id;
    x.maxLevel = level;
  }
}

/** The record nearest to `q` reachable from `cur` by always stepping to a nearer neighbour at `level`. */
function greedy(x: VectorIndex, q: usize, cur: u32, curDist: f64, level: i32): u32 {
  let changed = true;
  while (changed) {
    changed = false;
    const links = linksAt(x, cur, level);
    const n = load<u32>(links);
    for (let i: u32 = 0; i < n; i++) {
      const nb = load<u32>(links + 4 + (<usize>i << 2));
      const d = x.distance(q, vectorOf(x, nb));
      if (d < curDist) {
        curDist = d;
        cur = nb;
        changed = true;
      }
    }
  }
  return cur;
}

/**
 * The beam search of width `ef` at `level` from `entry`: leaves in x.results (a max-heap) the ef
 * nearest records the filter accepts (live ones when `filter` is null).
 */
function searchLayer(x: VectorIndex, q: usize, entry: u32, entryDist: f64, ef: i32, level: i32, filter: VectorFilter | null, ctx: usize): void {
  const candidates = x.candidates, results = x.results;
  candidates.size = 0;
  results.size = 0;
  x.nextEpoch();
  x.visit(entry);
  candidates.push(-entryDist, entry);
  let bound = Infinity;
  if (x.accepts(entry, filter, ctx)) {
    results.push(entryDist, entry);
    bound = entryDist;
  }
  while (candidates.size > 0) {
    const nearest = -candidates.topKey();
    if (nearest > bound && results.size >= ef) break;
    const c = candidates.topId();
    candidates.pop();
    const links = linksAt(x, c, level);
    const n = load<u32>(links);
    for (let i: u32 = 0; i < n; i++) {
      const nb = load<u32>(links + 4 + (<usize>i << 2));
      if (x.visit(nb)) continue;
      const d = x.distance(q, vectorOf(x, nb));
      if (results.size < ef || d < bound) {
        candidates.push(-d, nb);
        if (x.accepts(nb, filter, ctx)) {
          results.push(d, nb);
          if (results.size > ef) results.pop();
          bound = results.topKey();
        }
      }
    }
  }
}

/** Empties the max-heap `results` into `out` as a plain array, nearest first; returns the count. */
function sortResultsInto(results: PairHeap, out: PairHeap): i32 {
  const n = results.size;
  out.reserve(n);
  for (let i = n - 1; i >= 0; i--) {
    store<f64>(out.keys + (<usize>i << 3), results.topKey());
    store<u32>(out.ids + (<usize>i << 2), results.topId());
    results.pop();
  }
  out.size = n;
  return n;
}

/**
 * hnswlib's getNeighborsByHeuristic2 over the `n` candidates of `list` (nearest first): keeps, in
 * place at the front, up to `max` of them each nearer to the base than to any kept before it.
 */
function selectNeighbours(x: VectorIndex, list: PairHeap, n: i32, max: i32): i32 {
  if (n <= max) return n;
  let kept = 0;
  for (let i = 0; i < n && kept < max; i++) {
    const e = list.idAt(i), d = list.keyAt(i);
    const ev = vectorOf(x, e);
    let good = true;
    for (let j = 0; j < kept; j++) {
      if (x.distance(ev, vectorOf(x, list.idAt(j))) < d) {
        good = false;
        break;
      }
    }
    if (good) {
      store<f64>(list.keys + (<usize>kept << 3), d);
      store<u32>(list.ids + (<usize>kept << 2), e);
      kept++;
    }
  }
  return kept;
}

/** Adds the link nb → id at `level`, re-selecting nb's links by the heuristic when the list is full. */
function connect(x: VectorIndex, nb: u32, id: u32, level: i32): void {
  const links = linksAt(x, nb, level);
  const n = load<u32>(links);
  const max = level == 0 ? x.m0 : x.m;
  if (n < <u32>max) {
    store<u32>(links + 4 + (<usize>n << 2), id);
    store<u32>(links, n + 1);
    return;
  }
  // Insertion-sort nb's links and the newcomer by their distance to nb, then keep the heuristic's choice.
  const list = x.relink;
  const base = vectorOf(x, nb);
  let size = 0;
  for (let i: u32 = 0; i <= n; i++) {
    const other = i < n ? load<u32>(links + 4 + (<usize>i << 2)) : id;
    const d = x.distance(base, vectorOf(x, other));
    let j = size++;
    while (j > 0 && list.keyAt(j - 1) > d) {
      store<f64>(list.keys + (<usize>j << 3), list.keyAt(j - 1));
      store<u32>(list.ids + (<usize>j << 2), list.idAt(j - 1));
      j--;
    }
    store<f64>(list.keys + (<usize>j << 3), d);
    store<u32>(list.ids + (<usize>j << 2), other);
  }
  const kept = selectNeighbours(x, list, size, max);
  store<u32>(links, <u32>kept);
  for (let i = 0; i < kept; i++) store<u32>(links + 4 + (<usize>i << 2), list.idAt(i));
}

/** Descends from the entry point to the level-0 record nearest `q`, the start of a level-0 search. */
function descend(x: VectorIndex, q: usize): u32 {
  let cur = <u32>x.entry;
  for (let l = x.maxLevel; l > 0; l--) cur = greedy(x, q, cur, x.distance(q, vectorOf(x, cur)), l);
  return cur;
}

/** Leaves in x.results the max(ef, k) nearest records `filter` accepts. */
export function hnswKnn(x: VectorIndex, q: usize, k: i32, ef: i32, filter: VectorFilter | null, ctx: usize): void {
  const start = descend(x, q);
  searchLayer(x, q, start, x.distance(q, vectorOf(x, start)), max(ef, k), 0, filter, ctx);
}

/**
 * VecSim's range search on level 0: a best-first walk that follows candidates while they are within
 * the dynamic range (the distance of the candidate being expanded, never below the radius) widened by
 * epsilon, and keeps in x.results every accepted record within the radius.
 */
export function hnswRange(x: VectorIndex, q: usize, radius: f64, epsilon: f64, filter: VectorFilter | null, ctx: usize): void {
  const candidates = x.candidates, results = x.results;
  const start = descend(x, q);
  const startDist = x.distance(q, vectorOf(x, start));
  candidates.size = 0;
  results.size = 0;
  x.nextEpoch();
  x.visit(start);
  candidates.push(-startDist, start);
  if (startDist <= radius && x.accepts(start, filter, ctx)) results.push(startDist, start);
  let dynamic = max(startDist, radius);
  let bound = dynamic + Math.abs(dynamic) * epsilon;
  while (candidates.size > 0) {
    const nearest = -candidates.topKey();
    if (nearest > bound) break;
    if (nearest < dynamic) {
      dynamic = max(nearest, radius);
      bound = dynamic + Math.abs(dynamic) * epsilon;
    }
    const c = candidates.topId();
    candidates.pop();
    const links = linksAt(x, c, 0);
    const n = load<u32>(links);
    for (let i: u32 = 0; i < n; i++) {
      const nb = load<u32>(links + 4 + (<usize>i << 2));
      if (x.visit(nb)) continue;
      const d = x.distance(q, vectorOf(x, nb));
      if (d >= bound) continue;
      candidates.push(-d, nb);
      if (d <= radius && x.accepts(nb, filter, ctx)) results.push(d, nb);
    }
  }
}
