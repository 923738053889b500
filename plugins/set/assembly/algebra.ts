// SINTER/SUNION/SDIFF and their STORE and CARD forms. The source sets are looked up once into a reused
// table of handles (0 for a missing key, which counts as an empty set). An intersection walks its
// smallest set and a difference its first, checking each member against the others; to reply, the walk
// runs twice, counting and then replying (a reply states its length first), so it builds nothing. A
// union needs a set of its own to drop duplicates.
import { keyFindArg, replyBulk, replySet, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import { iterNext, iterStart, memberLen, memberPtr } from "./member";
import { replyMembers } from "./reply-members";
import { SET_TYPE, setAdd, setHas, setSize } from "./set";
import { freeTemp, tempSet } from "./temp-set";

/** What a walk does with each member of its result. */
export const COUNT: i32 = 0;
export const REPLY: i32 = 1;
export const STORE: i32 = 2;

let sources: usize = 0;
let capacity: i32 = 0;
let count: i32 = 0;

// @ts-ignore: decorator
@inline function source(i: i32): usize { return <usize>load<u32>(sources + (<usize>i << 2)); }

/**
 * Looks up the keys in arguments from..to (inclusive). Every key is type-checked, even after a missing
 * one, as Redis 7 does; false after replying WRONGTYPE.
 */
export function loadSources(argv: usize, from: i32, to: i32): bool {
  count = to - from + 1;
  if (count > capacity) {
    if (sources != 0) heap.free(sources);
    capacity = max(count, 16);
    sources = heap.alloc(<usize>capacity << 2);
  }
  for (let i = 0; i < count; i++) {
    const h = keyFindArg(argv, from + i, SET_TYPE);
    if (h == WRONGTYPE) { replyWrongType(); return false; }
    store<u32>(sources + (<usize>i << 2), h == MISSING ? 0 : <u32>h);
  }
  return true;
}

function emit(mode: i32, target: usize): void {
  if (mode == REPLY) replyBulk(memberPtr, memberLen);
  else if (mode == STORE) setAdd(target, memberPtr, memberLen);
}

/** The members of every source (none if one is missing), up to `limit` of them (0: all); returns how many. */
export function walkIntersection(mode: i32, target: usize = 0, limit: i32 = 0): i32 {
  let smallest = 0;
  for (let i = 0; i < count; i++) {
    if (source(i) == 0) return 0;
    if (setSize(source(i)) < setSize(source(smallest))) smallest = i;
  }
  const base = source(smallest);
  let found = 0;
  iterStart(base);
  while (iterNext() && (limit == 0 || found < limit)) {
    let everywhere = true;
    for (let i = 0; i < count && everywhere; i++) everywhere = source(i) == base || setHas(source(i), memberPtr, memberLen);
    if (everywhere) { emit(mode, target); found++; }
  }
  return found;
}

/** The members of the first source found in no other; returns how many. */
export function walkDifference(mode: i32, target: usize = 0): i32 {
  const first = source(0);
  if (first == 0) return 0;
  let found = 0;
  iterStart(first);
  while (iterNext()) {
    let elsewhere = false;
    for (let i = 1; i < count && !elsewhere; i++) elsewhere = source(i) != 0 && setHas(source(i), memberPtr, memberLen);
    if (!elsewhere) { emit(mode, target); found++; }
  }
  return found;
}

/** A new (temporary) set of every source's members. */
export function buildUnion(): usize {
  const union = tempSet();
  for (let i = 0; i < count; i++) {
    if (source(i) == 0) continue;
    iterStart(source(i));
    while (iterNext()) setAdd(union, memberPtr, memberLen);
  }
  return union;
}

/** Which walk: the intersection or the difference of the sources. */
export const INTER: i32 = 0;
export const DIFF: i32 = 1;

function walk(kind: i32, mode: i32, target: usize): i32 {
  return kind == INTER ? walkIntersection(mode, target) : walkDifference(mode, target);
}

/** SINTER/SDIFF's reply: the walk run twice, to count and then to reply. */
export function replyWalk(kind: i32): void {
  replySet(walk(kind, COUNT, 0));
  walk(kind, REPLY, 0);
}

/** SUNION's reply. */
export function replyUnion(): void {
  replyMembers(buildUnion());
  freeTemp();
}

/** A new (temporary) set holding a walk's result, for the STORE commands. */
export function buildWalk(kind: i32): usize {
  const result = tempSet();
  walk(kind, STORE, result);
  return result;
}
