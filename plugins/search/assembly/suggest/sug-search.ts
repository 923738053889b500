// FT.SUGGET's search (RediSearch's Trie_Search in prefix mode): every suggestion that starts with the
// prefix (case folded), or with FUZZY one within Levenshtein distance 1 of it. A match's score is its
// stored score, times exp(-2 * distance) when fuzzy, divided by sqrt(1 + its length beyond the prefix
// in runes); the best `max` come back best first, cut where a score falls under 1/100 of the best.
import { bmBucket, bmBuckets, bmKey, bmKeyLen, bmNext } from "ferrite-sdk";
import { editDistance } from "../edit-distance";
import { fold, runeCount } from "./runes";
import { sugScore, sugSize } from "./sug-dict";

const TRIM_FACTOR: f64 = 100;

/** The matches, best first: `found` slots of [f64 score][u32 entry]. */
export let found: i32 = 0;
let slots: usize = 0;
let slotCap: i32 = 0;

export function foundEntry(i: i32): usize { return <usize>load<u32>(slots + <usize>(i * 16), 8); }
export function foundScore(i: i32): f64 { return load<f64>(slots + <usize>(i * 16)); }

/** The distance from the prefix to the string's nearest start (folded), exact when maxDist is 0. */
function prefixDistance(prefix: usize, plen: i32, str: usize, slen: i32, maxDist: i32): i32 {
  if (maxDist == 0) {
    if (slen < plen) return 1;
    for (let i = 0; i < plen; i++) if (fold(load<u8>(prefix + <usize>i)) != fold(load<u8>(str + <usize>i))) return 1;
    return 0;
  }
  return editDistance(prefix, plen, str, slen, maxDist, true, true);
}

/** Keeps the best `max` matches in order, equal scores in the order met. */
function insert(entry: usize, score: f64, max: i32): void {
  let i = found;
  while (i > 0 && foundScore(i - 1) < score) i--;
  if (i >= max) return;
  const moved = min(found, max - 1) - i;
  memory.copy(slots + <usize>((i + 1) * 16), slots + <usize>(i * 16), <usize>(moved * 16));
  store<f64>(slots + <usize>(i * 16), score);
  store<u32>(slots + <usize>(i * 16), <u32>entry, 8);
  if (found < max) found++;
}

export function sugSearch(dict: usize, prefix: usize, plen: i32, fuzzy: bool, max: i32): void {
  found = 0;
  max = min(max, sugSize(dict)); // MAX may be far larger than the dictionary
  if (max > slotCap) {
    if (slots != 0) heap.free(slots);
    slotCap = max;
    slots = heap.alloc(<usize>(max * 16));
  }
  const maxDist = fuzzy ? 1 : 0;
  const prefixRunes = runeCount(prefix, plen);
  for (let b: u32 = 0; b < bmBuckets(dict); b++) {
    for (let e = bmBucket(dict, b); e != 0; e = bmNext(e)) {
      const str = bmKey(e), slen = bmKeyLen(e);
      const dist = prefixDistance(prefix, plen, str, slen, maxDist);
      if (dist > maxDist) continue;
      let score = sugScore(e);
      if (maxDist > 0) score = <f64><f32>(score * Math.exp(<f64>(-2 * dist)));
      const srunes = runeCount(str, slen);
      score = <f64><f32>(score / Math.sqrt(<f64>(1 + (srunes >= prefixRunes ? srunes - prefixRunes : prefixRunes - srunes))));
      insert(e, score, max);
    }
  }
  for (let i = 1; i < found; i++) {
    if (foundScore(i) < foundScore(0) / TRIM_FACTOR) {
      found = i;
      break;
    }
  }
}
