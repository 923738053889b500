// FT.SEARCH … SUMMARIZE: a TEXT value cut down to its best fragments, as RediSearch's fragmenter does
// (fragmenter.c, highlight processor): matched words (highlight.ts decides what matches) within 8 words
// of the previous match join its fragment (words as the index counts them: stopwords do not count); a fragment scores one for each distinct query term in it;
// the FRAGS best (ties: the earlier) are written in document order, each with the part of LEN words of
// context its own words leave, split evenly before and after it (estimated at 6 bytes a word, cut back
// to whole words, never into a neighbouring fragment), spaces collapsed, each followed by SEPARATOR.
// With HIGHLIGHT on the field the matched words are tagged. A value without a match is cut to about
// FRAGS × LEN words (whole words) when only summarizing, and left whole when highlighting too.
import { ByteBuilder } from "ferrite-sdk";
import { Index } from "../index-spec";
import { scratchAlloc } from "../scratch";
import { isStopword } from "../stopwords";
import { sortU64 } from "../sort-u64";
import { isSeparator, nextToken, tokEnd, tokLen, tokPtr, tokStart, tokenizeBegin } from "../tokenizer";
import { closeLen, closePtr, contextLen, frags, matchingTerm, openLen, openPtr, sepLen, sepPtr } from "./highlight";

export const summarized = new ByteBuilder();

/** RediSearch's FragmentList_Init(&frags, 8, 6): words between matches of one fragment, bytes a word. */
const MAX_DISTANCE: i32 = 8;
const WORD_BYTES: i32 = 6;

// A fragment: [start][end][last match position][matches][tokens][score][first loc][term mask u64].
const F_START = 0, F_END = 4, F_LAST = 8, F_MATCHES = 12, F_TOKENS = 16, F_SCORE = 20, F_LOC = 24, F_MASK = 32;
const FRAGMENT: usize = 40;

/**
 * The summary of the value at `ptr` into `summarized`; false when it is to be left whole (no match
 * while highlighting too). `tags`: the field is highlighted as well.
 */
export function summarize(x: Index, ptr: usize, len: i32, tags: bool): bool {
  summarized.reset();
  // Each word takes at least two bytes with its separator: bounds for the fragments and matches.
  const most = <usize>(len >> 1) + 1;
  const fragments = scratchAlloc(most * FRAGMENT);
  const locs = scratchAlloc(most << 3);
  let count = 0, matches = 0, position = 0, sinceMatch = 0;
  tokenizeBegin(ptr, len);
  while (nextToken()) {
    if (isStopword(x, tokPtr, tokLen)) continue;
    position++;
    const term = matchingTerm();
    if (term < 0) { sinceMatch++; continue; }
    let f = count > 0 ? fragments + <usize>(count - 1) * FRAGMENT : 0;
    if (f != 0 && position - load<i32>(f, F_LAST) > MAX_DISTANCE) f = 0;
    if (f == 0) {
      f = fragments + <usize>(count++) * FRAGMENT;
      memory.fill(f, 0, FRAGMENT);
      store<i32>(f, tokStart, F_START);
      store<i32>(f, matches, F_LOC);
      sinceMatch = 0;
    }
    const bit = <u64>1 << <u64>term;
    if ((load<u64>(f, F_MASK) & bit) == 0) {
      store<u64>(f, load<u64>(f, F_MASK) | bit, F_MASK);
      store<i32>(f, load<i32>(f, F_SCORE) + 1, F_SCORE);
    }
    store<i32>(f, tokEnd, F_END);
    store<i32>(f, position, F_LAST);
    store<i32>(f, load<i32>(f, F_MATCHES) + 1, F_MATCHES);
    store<i32>(f, load<i32>(f, F_TOKENS) + sinceMatch + 1, F_TOKENS);
    sinceMatch = 0;
    store<i32>(locs + (<usize>matches << 3), tokStart);
    store<i32>(locs + (<usize>matches << 3), tokEnd, 4);
    matches++;
  }
  if (count == 0) {
    if (tags) return false;
    trimmed(ptr, len);
    return true;
  }
  // The best FRAGS by score (ties: the earlier), then in document order.
  const n = min(frags, count);
  const keys = scratchAlloc(<usize>count << 3);
  for (let i = 0; i < count; i++) {
    const score = load<i32>(fragments + <usize>i * FRAGMENT, F_SCORE);
    store<u64>(keys + (<usize>i << 3), (<u64>(0xffff - score) << 32) | <u64>i);
  }
  sortU64(keys, count);
  for (let i = 0; i < n; i++) store<u64>(keys + (<usize>i << 3), load<u64>(keys + (<usize>i << 3)) & 0xffffffff);
  sortU64(keys, n);
  for (let i = 0; i < n; i++) {
    const f = fragments + <usize>load<u32>(keys + (<usize>i << 3)) * FRAGMENT;
    const before = i > 0 ? load<i32>(fragments + <usize>load<u32>(keys + (<usize>(i - 1) << 3)) * FRAGMENT, F_END) : 0;
    const after = i + 1 < n ? load<i32>(fragments + <usize>load<u32>(keys + (<usize>(i + 1) << 3)) * FRAGMENT, F_START) : len - 1;
    const from = summarized.len;
    writeFragment(ptr, f, locs, before, after, tags);
    summarized.truncate(from + collapseSpaces(summarized.ptr + <usize>from, summarized.len - from));
    summarized.bytes(sepPtr, sepLen);
  }
  return true;
}

/** One fragment with its context (FragmentList_FindContext), its matches tagged when `tags`. */
function writeFragment(text: usize, f: usize, locs: usize, limitBefore: i32, limitAfter: i32, tags: bool): void {
  const start = load<i32>(f, F_START), end = load<i32>(f, F_END);
  let from = start, to = end; // the context: [from, start) and [end, to)
  const inside = load<i32>(f, F_TOKENS) - load<i32>(f, F_MATCHES);
  if (contextLen > inside) {
    const context = ((contextLen - inside) / 2) * WORD_BYTES;
    from = max(start - context, limitBefore);
    let last = min(end + context, limitAfter);
    while (from < start && !isSeparator(load<u8>(text + <usize>from))) from++;
    while (from < start && isSeparator(load<u8>(text + <usize>from))) from++;
    while (last > end && !isSeparator(load<u8>(text + <usize>last))) last--;
    while (last > end && isSeparator(load<u8>(text + <usize>last))) last--;
    to = max(end, last + 1);
  }
  summarized.bytes(text + <usize>from, start - from);
  let at = start;
  const first = load<i32>(f, F_LOC), n = load<i32>(f, F_MATCHES);
  for (let i = first; i < first + n; i++) {
    const ms = load<i32>(locs + (<usize>i << 3)), me = load<i32>(locs + (<usize>i << 3), 4);
    summarized.bytes(text + <usize>at, ms - at);
    if (tags) summarized.bytes(openPtr, openLen);
    summarized.bytes(text + <usize>ms, me - ms);
    if (tags) summarized.bytes(closePtr, closeLen);
    at = me;
  }
  summarized.bytes(text + <usize>end, to - end);
}

/** A value without a match (RediSearch's trimField): its head, cut back to whole words. */
function trimmed(ptr: usize, len: i32): void {
  const head = min(WORD_BYTES * contextLen * frags + WORD_BYTES, len);
  summarized.bytes(ptr, head);
  let n = collapseSpaces(summarized.ptr, head);
  while (n > 1 && !isSeparator(load<u8>(summarized.ptr + <usize>(n - 1)))) n--;
  while (n > 0 && isSpace(load<u8>(summarized.ptr + <usize>(n - 1)))) n--;
  summarized.truncate(n);
}

function isSpace(c: u32): bool {
  return c == 32 || (c >= 9 && c <= 13);
}

/** Collapses each run of white space at `p` to one ' ', in place; returns the new length. */
function collapseSpaces(p: usize, n: i32): i32 {
  let out = 0;
  let lastSpace = false;
  for (let i = 0; i < n; i++) {
    const c = <u32>load<u8>(p + <usize>i);
    if (isSpace(c)) {
      if (lastSpace) continue;
      lastSpace = true;
      store<u8>(p + <usize>(out++), 32);
    } else {
      lastSpace = false;
      store<u8>(p + <usize>(out++), <u8>c);
    }
  }
  return out;
}
