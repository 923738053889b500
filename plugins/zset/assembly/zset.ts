// The sorted set value, whatever its encoding: every command goes through these functions. Positions
// ("cursors") are entry pointers in a listpack and node pointers in a skiplist; 0 is "none". A
// listpack becomes a skiplist once it passes zset-max-listpack-entries members or holds a member longer
// than zset-max-listpack-value, and (like Redis) never goes back, except that zsCreateFor sizes new sets.
import {
  ENC_SKIPLIST, fieldD, HEADER_SIZE, listpackMaxEntries, listpackMaxValue, zCount, zEncoding,
} from "./header";
import {
  lpAtRank, lpCopyInto, lpCountWhile, lpDelete, lpFind, lpFirst, lpFree, lpInit, lpInsert, lpLast, lpLen,
  lpMember, lpMemory, lpNext, lpPrev, lpRankOf, lpScore,
} from "./listpack";
import { forward, nodeBack, nodeLen, nodeMember, nodeScore } from "./node";
import {
  slAtRank, slCountWhile, slDelete, slDeleteRange, slFind, slFirst, slFree, slInit, slInsert, slLast,
  slMemory, slRankOf, slUpdateScore,
} from "./skiplist";

function isSkiplist(z: usize): bool { return zEncoding(z) == ENC_SKIPLIST; }

/** An empty set in the encoding Redis would pick for `members` members of at most `maxLen` bytes. */
export function zsCreateFor(members: i32, maxLen: i32): usize {
  if (<i64>members > listpackMaxEntries() || maxLen > listpackMaxValue()) return skiplistFor(members);
  const z = heap.alloc(HEADER_SIZE);
  memory.fill(z, 0, HEADER_SIZE);
  lpInit(z);
  return z;
}

export function zsCreate(): usize { return zsCreateFor(0, 0); }

export function zsFree(z: usize): void {
  if (isSkiplist(z)) slFree(z);
  else lpFree(z);
  heap.free(z);
}

export function zsCard(z: usize): i32 { return zCount(z); }

export function zsFind(z: usize, m: usize, len: i32): usize {
  return isSkiplist(z) ? slFind(z, m, len) : lpFind(z, m, len);
}

export function zsScore(z: usize, c: usize): f64 { return isSkiplist(z) ? nodeScore(c) : lpScore(c); }
export function zsMember(z: usize, c: usize): usize { return isSkiplist(z) ? nodeMember(c) : lpMember(c); }
export function zsMemberLen(z: usize, c: usize): i32 { return isSkiplist(z) ? nodeLen(c) : lpLen(c); }

export function zsFirst(z: usize): usize { return isSkiplist(z) ? slFirst(z) : lpFirst(z); }
export function zsLast(z: usize): usize { return isSkiplist(z) ? slLast(z) : lpLast(z); }
export function zsNext(z: usize, c: usize): usize { return isSkiplist(z) ? forward(c, 0) : lpNext(z, c); }
export function zsPrev(z: usize, c: usize): usize { return isSkiplist(z) ? nodeBack(c) : lpPrev(z, c); }

/** The element at 0-based `rank` (< card). */
export function zsAtRank(z: usize, rank: i32): usize { return isSkiplist(z) ? slAtRank(z, rank) : lpAtRank(z, rank); }

/** 0-based rank of the element at cursor c. */
export function zsRankOf(z: usize, c: usize): i32 { return isSkiplist(z) ? slRankOf(z, c) : lpRankOf(z, c); }

/** How many leading elements satisfy a range predicate (range.ts). */
export function zsCountWhile(z: usize, kind: i32): i32 {
  return isSkiplist(z) ? slCountWhile(z, kind) : lpCountWhile(z, kind);
}

/** A skiplist, empty, sized for `members`: whatever the configs say. */
function skiplistFor(members: i32): usize {
  const z = heap.alloc(HEADER_SIZE);
  memory.fill(z, 0, HEADER_SIZE);
  store<u32>(z, ENC_SKIPLIST);
  slInit(z, members);
  return z;
}

function convertToSkiplist(z: usize): void {
  const sl = skiplistFor(zCount(z));
  for (let e = lpFirst(z); e != 0; e = lpNext(z, e)) slInsert(sl, lpScore(e), lpMember(e), lpLen(e));
  lpFree(z);
  memory.copy(z, sl, HEADER_SIZE);
  heap.free(sl);
}

/** Redis's zsetTypeMaybeConvert: a listpack about to take `members` more goes skiplist at once. */
export function zsReserve(z: usize, members: i32): void {
  if (!isSkiplist(z) && <i64>members > listpackMaxEntries()) convertToSkiplist(z);
}

/** Adds a member known to be absent. */
export function zsInsert(z: usize, score: f64, m: usize, len: i32): void {
  if (!isSkiplist(z) && (<i64>zCount(z) >= listpackMaxEntries() || len > listpackMaxValue())) convertToSkiplist(z);
  if (isSkiplist(z)) slInsert(z, score, m, len);
  else lpInsert(z, score, m, len);
}

/** Removes the element at cursor c. */
export function zsDelete(z: usize, c: usize): void {
  if (isSkiplist(z)) slDelete(z, c);
  else lpDelete(z, c, 1);
}

/** Gives the element at cursor c a new score. */
export function zsSetScore(z: usize, c: usize, score: f64): void {
  if (isSkiplist(z)) {
    slUpdateScore(z, c, score);
    return;
  }
  if (lpScore(c) == score) return;
  // Re-inserting moves the entry, and its bytes with it: take the member out first.
  const len = lpLen(c);
  const copy = heap.alloc(<usize>len);
  memory.copy(copy, lpMember(c), <usize>len);
  lpDelete(z, c, 1);
  lpInsert(z, score, copy, len);
  heap.free(copy);
}

/** Removes `count` elements from 0-based rank `start` on. */
export function zsDeleteRange(z: usize, start: i32, count: i32): void {
  if (count <= 0) return;
  if (isSkiplist(z)) slDeleteRange(z, start, count);
  else lpDelete(z, lpAtRank(z, start), count);
}

export function zsCopy(z: usize): usize {
  if (!isSkiplist(z)) {
    const c = heap.alloc(HEADER_SIZE);
    memory.copy(c, z, HEADER_SIZE);
    lpCopyInto(z, c);
    return c;
  }
  const c = skiplistFor(zCount(z));
  for (let n = slFirst(z); n != 0; n = forward(n, 0)) slInsert(c, nodeScore(n), nodeMember(n), nodeLen(n));
  return c;
}

export function zsMemory(z: usize): i32 {
  return <i32>HEADER_SIZE + (isSkiplist(z) ? slMemory(z) : lpMemory(z));
}

/** Index into plugin.json's encodings. */
/** The member table of a skiplist set (ZSCAN walks it), 0 for a listpack. */
export function zsTable(z: usize): usize { return isSkiplist(z) ? fieldD(z) : 0; }

export function zsEncoding(z: usize): i32 { return <i32>zEncoding(z); }
