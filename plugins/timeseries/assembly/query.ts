// Resolving filters against the label index: the matching keys of the current database, in key order
// (RedisTimeSeries's index is a radix tree, so its replies come sorted), each with its series opened.
// The candidates are the keys of the narrowest matcher's label pairs; an entry whose key no longer
// holds a series is dropped here: see label-index.ts.
import { FIND_NOTOUCH, MISSING, WRONGTYPE, bmBucket, bmBuckets, bmFind, bmKey, bmKeyLen, bmNext, bmVal, compareBytes, currentDb, keyFind } from "ferrite-sdk";
import { filterName, filterNameLen, filtersMatch, matcherValue, narrowestMatcher, nextMatcherValue, walkValue, walkValueLen } from "./filter";
import { indexOf, indexRemove, pairSet } from "./label-index";
import { Series, TS_TYPE } from "./series";

let found: usize = 0; // (u32 entry, u32 series) per match
let foundCap: i32 = 0;
export let matchCount: i32 = 0;

// @ts-ignore: decorator
@inline function entryAt(i: i32): usize { return <usize>load<u32>(found + (<usize>i << 3)); }
// @ts-ignore: decorator
@inline export function matchKey(i: i32): usize { return bmKey(entryAt(i)); }
// @ts-ignore: decorator
@inline export function matchKeyLen(i: i32): i32 { return bmKeyLen(entryAt(i)); }
// @ts-ignore: decorator
@inline export function matchSeries(i: i32): Series { return changetype<Series>(<usize>load<u32>(found + (<usize>i << 3), 4)); }

function push(entry: usize): void {
  if (matchCount == foundCap) {
    foundCap = foundCap < 64 ? 64 : foundCap * 2;
    found = found ? heap.realloc(found, <usize>foundCap << 3) : heap.alloc(<usize>foundCap << 3);
  }
  store<u32>(found + (<usize>matchCount << 3), <u32>entry);
  matchCount++;
}

/** Finds the series matching the parsed filters (matchCount, matchKey, matchSeries). */
export function runQuery(): void {
  matchCount = 0;
  const db = currentDb();
  const map = indexOf(db);
  if (!map) return;
  const f = narrowestMatcher(db);
  for (let more = matcherValue(f); more; more = nextMatcherValue(f)) {
    const set = pairSet(db, filterName(f), filterNameLen(f), walkValue, walkValueLen);
    if (!set) continue;
    const n = bmBuckets(set);
    for (let b: u32 = 0; b < n; b++) {
      for (let k = bmBucket(set, b); k != 0; k = bmNext(k)) {
        const e = bmFind(map, bmKey(k), bmKeyLen(k));
        if (e && filtersMatch(bmVal(e))) push(e);
      }
    }
  }
  sortByKey();
  let kept = 0;
  for (let i = 0; i < matchCount; i++) {
    const e = entryAt(i);
    if (i > 0 && e == entryAt(i - 1)) continue; // found twice (l=(a,b) on a series with the label twice): sorted together
    const h = keyFind(bmKey(e), bmKeyLen(e), TS_TYPE, FIND_NOTOUCH);
    if (h == MISSING || h == WRONGTYPE) { indexRemove(db, bmKey(e), bmKeyLen(e)); continue; }
    store<u32>(found + (<usize>kept << 3), <u32>e);
    store<u32>(found + (<usize>kept << 3), <u32><usize>h, 4);
    kept++;
  }
  matchCount = kept;
}

function keyLess(a: usize, b: usize): bool { return compareBytes(bmKey(a), bmKeyLen(a), bmKey(b), bmKeyLen(b)) < 0; }

// Heapsort of the matched entries by key: in place, no recursion.
function sortByKey(): void {
  const n = matchCount;
  for (let i = n / 2 - 1; i >= 0; i--) siftDown(i, n);
  for (let end = n - 1; end > 0; end--) {
    swap(0, end);
    siftDown(0, end);
  }
}

function siftDown(root: i32, n: i32): void {
  let i = root;
  while (true) {
    let child = 2 * i + 1;
    if (child >= n) return;
    if (child + 1 < n && keyLess(entryAt(child), entryAt(child + 1))) child++;
    if (!keyLess(entryAt(i), entryAt(child))) return;
    swap(i, child);
    i = child;
  }
}

function swap(a: i32, b: i32): void {
  const x = load<u64>(found + (<usize>a << 3));
  store<u64>(found + (<usize>a << 3), load<u64>(found + (<usize>b << 3)));
  store<u64>(found + (<usize>b << 3), x);
}
