// FT.SPELLCHECK's search (RediSearch's spell_check.c): for each word of the query that the index does
// not hold (and no EXCLUDE dictionary lists), the index's terms and the INCLUDE dictionaries' terms
// within DISTANCE edits of it. An index term scores the share of the documents holding it; a
// dictionary term scores 0. Suggestions come best first.
import { bmBucket, bmBuckets, bmFind, bmKey, bmKeyLen, bmNext, bmVal } from "ferrite-sdk";
import { Index } from "../index-spec";
import { postingsEntries } from "../postings";
import { Q_NOT, Q_TERM, QueryNode } from "../query/node";
import { U32List, listGet, listNew, listPush } from "../u32-list";
import { dictHas } from "../dict/dicts";
import { editDistance } from "../edit-distance";

/** The query's words (Q_TERM nodes outside NOT, phrases' words included), in order. */
export const words: U32List = listNew(8);

export function collectWords(n: QueryNode): void {
  if (n.kind == Q_NOT) return;
  if (n.kind == Q_TERM) {
    listPush(words, <u32>changetype<usize>(n));
    return;
  }
  for (let c = n.child; c != 0; c = changetype<QueryNode>(c).next) collectWords(changetype<QueryNode>(c));
}

/** Suggestions found for one word: `found` of [f64 score][u32 ptr][i32 len]. */
export let found: i32 = 0;
let slots: usize = 0;
let slotCap: i32 = 0;

export function foundScore(i: i32): f64 { return load<f64>(slots + <usize>(i * 16)); }
export function foundPtr(i: i32): usize { return <usize>load<u32>(slots + <usize>(i * 16), 8); }
export function foundLen(i: i32): i32 { return load<i32>(slots + <usize>(i * 16), 12); }

function seen(ptr: usize, len: i32): bool {
  for (let i = 0; i < found; i++) if (foundLen(i) == len && memory.compare(foundPtr(i), ptr, <usize>len) == 0) return true;
  return false;
}

/** Adds a suggestion, keeping the list sorted by score (equal scores in the order found). */
function add(ptr: usize, len: i32, score: f64): void {
  if (seen(ptr, len)) return;
  if (found == slotCap) {
    const cap = max(16, slotCap * 2);
    const grown = heap.alloc(<usize>(cap * 16));
    if (slots != 0) {
      memory.copy(grown, slots, <usize>(found * 16));
      heap.free(slots);
    }
    slots = grown;
    slotCap = cap;
  }
  let i = found;
  while (i > 0 && foundScore(i - 1) < score) i--;
  memory.copy(slots + <usize>((i + 1) * 16), slots + <usize>(i * 16), <usize>((found - i) * 16));
  store<f64>(slots + <usize>(i * 16), score);
  store<u32>(slots + <usize>(i * 16), <u32>ptr, 8);
  store<i32>(slots + <usize>(i * 16), len, 12);
  found++;
}

/** Whether the index holds the word (so it is spelled right). */
export function indexHas(x: Index, ptr: usize, len: i32): bool { return bmFind(x.terms, ptr, len) != 0; }

/** Whether any of the dictionaries (term maps) lists the word. */
export function anyDictHas(dicts: U32List, ptr: usize, len: i32): bool {
  for (let i = 0; i < dicts.len; i++) if (dictHas(<usize>listGet(dicts, i), ptr, len)) return true;
  return false;
}

/** The suggestions for one word: index terms (not the "+stem" forms) and INCLUDE dictionary terms. */
export function suggest(x: Index, ptr: usize, len: i32, distance: i32, include: U32List): void {
  found = 0;
  const docs = <f64>max(x.liveDocs, 1);
  for (let b: u32 = 0; b < bmBuckets(x.terms); b++) {
    for (let e = bmBucket(x.terms, b); e != 0; e = bmNext(e)) {
      const t = bmKey(e), tl = bmKeyLen(e);
      if (tl == 0 || load<u8>(t) == 43) continue; // "+stem": a stemmer form, not a word
      if (editDistance(ptr, len, t, tl, distance, false, false) > distance) continue;
      add(t, tl, <f64>postingsEntries(<usize>load<u32>(bmVal(e))) / docs);
    }
  }
  for (let d = 0; d < include.len; d++) {
    const terms = <usize>listGet(include, d);
    for (let b: u32 = 0; b < bmBuckets(terms); b++) {
      for (let e = bmBucket(terms, b); e != 0; e = bmNext(e)) {
        if (editDistance(ptr, len, bmKey(e), bmKeyLen(e), distance, false, false) <= distance) add(bmKey(e), bmKeyLen(e), 0);
      }
    }
  }
}
