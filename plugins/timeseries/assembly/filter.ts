// TS.MGET/MRANGE/QUERYINDEX filter expressions: l=v, l!=v, l= (no such label), l!= (has the label),
// l=(a,b) and l!=(a,b). Parsed once per query into a small table of argument offsets.
import { argLen, argPtr, bmCount, bytesEqual, replyError } from "ferrite-sdk";
import { ERR_FILTER_PARSE, ERR_NO_MATCHER } from "./errors";
import { pairSet } from "./label-index";
import { findLabel, valueLen, valuePtr } from "./labels";

const EQ: i32 = 0;
const NEQ: i32 = 1;
const ABSENT: i32 = 2;
const PRESENT: i32 = 3;
const IN: i32 = 4;
const NOT_IN: i32 = 5;

const MAX_FILTERS: i32 = 256;
// Per filter: i32 op, then u32 name ptr, name len, value ptr, value len (the list's inside for IN/NOT_IN).
const table: usize = memory.data(MAX_FILTERS * 20);
let count: i32 = 0;

/** Reads the expressions in arguments [from, to); replies the error and returns false. */
export function parseFilters(argv: usize, from: i32, to: i32): bool {
  count = 0;
  let matchers = 0;
  for (let i = from; i < to && count < MAX_FILTERS; i++) {
    const ptr = argPtr(argv, i), len = argLen(argv, i);
    let eq = 0;
    while (eq < len && load<u8>(ptr + eq) != 61) eq++;
    if (eq == len) { replyError(ERR_FILTER_PARSE); return false; }
    const negated = eq > 0 && load<u8>(ptr + eq - 1) == 33;
    const nameLen = negated ? eq - 1 : eq;
    if (nameLen == 0) { replyError(ERR_FILTER_PARSE); return false; }
    let value = ptr + eq + 1, valueLen = len - eq - 1;
    let op: i32;
    if (valueLen == 0) op = negated ? PRESENT : ABSENT;
    else if (load<u8>(value) == 40 && load<u8>(value + valueLen - 1) == 41 && valueLen >= 2) {
      op = negated ? NOT_IN : IN;
      value++;
      valueLen -= 2;
    } else op = negated ? NEQ : EQ;
    if (op == EQ || op == IN) matchers++;
    const at = table + <usize>(count * 20);
    store<i32>(at, op);
    store<u32>(at, <u32>ptr, 4);
    store<u32>(at, <u32>nameLen, 8);
    store<u32>(at, <u32>value, 12);
    store<u32>(at, <u32>valueLen, 16);
    count++;
  }
  if (matchers == 0) { replyError(ERR_NO_MATCHER); return false; }
  return true;
}

/** Whether labels (a labels blob) satisfy every parsed filter. */
export function filtersMatch(labels: usize): bool {
  for (let f = 0; f < count; f++) {
    const at = table + <usize>(f * 20);
    const op = load<i32>(at);
    const label = findLabel(labels, <usize>load<u32>(at, 4), <i32>load<u32>(at, 8));
    const value = <usize>load<u32>(at, 12), len = <i32>load<u32>(at, 16);
    let ok: bool;
    if (op == ABSENT) ok = !label;
    else if (op == PRESENT) ok = label != 0;
    else if (op == EQ || op == NEQ) ok = label != 0 && bytesEqual(valuePtr(label), valueLen(label), value, len);
    else ok = label != 0 && inList(value, len, valuePtr(label), valueLen(label));
    if (op == NEQ || op == NOT_IN) ok = !ok;
    if (!ok) return false;
  }
  return true;
}

function inList(list: usize, len: i32, v: usize, vLen: i32): bool {
  let start = 0;
  for (let i = 0; i <= len; i++) {
    if (i == len || load<u8>(list + i) == 44) {
      if (bytesEqual(list + start, i - start, v, vLen)) return true;
      start = i + 1;
    }
  }
  return false;
}

// @ts-ignore: decorator
@inline function filterAt(f: i32): usize { return table + <usize>(f * 20); }
// @ts-ignore: decorator
@inline export function filterName(f: i32): usize { return <usize>load<u32>(filterAt(f), 4); }
// @ts-ignore: decorator
@inline export function filterNameLen(f: i32): i32 { return <i32>load<u32>(filterAt(f), 8); }

/** The value a walk over a matcher's values is at (matcherValue / nextMatcherValue). */
export let walkValue: usize = 0;
export let walkValueLen: i32 = 0;
let walkAt: i32 = 0;

/** Starts a walk over matcher f's values: an l=v has its one value, an l=(a,b) each of its list's. */
export function matcherValue(f: i32): bool {
  walkAt = 0;
  return nextMatcherValue(f);
}

export function nextMatcherValue(f: i32): bool {
  const at = filterAt(f);
  const list = <usize>load<u32>(at, 12), len = <i32>load<u32>(at, 16);
  if (walkAt > len) return false;
  let end = len;
  if (load<i32>(at) == IN) {
    end = walkAt;
    while (end < len && load<u8>(list + end) != 44) end++;
  }
  walkValue = list + <usize>walkAt;
  walkValueLen = end - walkAt;
  walkAt = end + 1;
  return true;
}

/**
 * The matcher (l=v or l=(a,b)) whose label pairs hold the fewest keys in database db: a query starts
 * from its pair sets. parseFilters made sure there is one.
 */
export function narrowestMatcher(db: i32): i32 {
  let best = -1, bestCount = i32.MAX_VALUE;
  for (let f = 0; f < count; f++) {
    const op = load<i32>(filterAt(f));
    if (op != EQ && op != IN) continue;
    let n = 0;
    for (let more = matcherValue(f); more; more = nextMatcherValue(f)) {
      const set = pairSet(db, filterName(f), filterNameLen(f), walkValue, walkValueLen);
      if (set) n += bmCount(set);
    }
    if (n < bestCount) { best = f; bestCount = n; }
  }
  return best;
}
