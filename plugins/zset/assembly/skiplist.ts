// The large encoding: Redis's skiplist (levels with spans, so ranks cost O(log n)) plus the member
// table for O(1) lookups by member. Header fields: a = head node, b = tail, c = levels in use,
// d = member table.
import { compareEntries } from "./compare";
import { fieldA, fieldB, fieldC, fieldD, fieldE, setCount, setFieldA, setFieldB, setFieldC, setFieldD, setFieldE, zCount } from "./header";
import {
  MAX_LEVEL, forward, nodeBack, nodeCreate, nodeLen, nodeMember, nodeScore, nodeSize,
  setForward, setNodeBack, setNodeScore, setSpan, span,
} from "./node";
import { randomU32 } from "./random";
import { rangePredicate } from "./range";
import { tableAdd, tableCreate, tableFind, tableMemory, tableRemove } from "./table";

const update = memory.data(MAX_LEVEL << 2);
const ranks = memory.data(MAX_LEVEL << 2);

// @ts-ignore: decorator
@inline function head(z: usize): usize { return fieldA(z); }
// @ts-ignore: decorator
@inline function levels(z: usize): i32 { return <i32>fieldC(z); }
// @ts-ignore: decorator
@inline function updateAt(i: i32): usize { return <usize>load<u32>(update + (<usize>i << 2)); }
// @ts-ignore: decorator
@inline function rankAt(i: i32): i32 { return load<i32>(ranks + (<usize>i << 2)); }

export function slInit(z: usize, members: i32): void {
  setFieldA(z, nodeCreate(MAX_LEVEL, 0, 0, 0));
  setFieldE(z, nodeSize(head(z)));
  setFieldB(z, 0);
  setFieldC(z, 1);
  setFieldD(z, tableCreate(members));
}

export function slFree(z: usize): void {
  let n = head(z);
  while (n != 0) {
    const next = forward(n, 0);
    heap.free(n);
    n = next;
  }
  heap.free(fieldD(z));
}

/** Redis's zslRandomLevel: each further level with probability 1/4. */
function randomLevel(): i32 {
  let level = 1;
  while (level < MAX_LEVEL && (randomU32() & 3) == 0) level++;
  return level;
}

export function slFind(z: usize, m: usize, len: i32): usize { return tableFind(fieldD(z), m, len); }

export function slFirst(z: usize): usize { return forward(head(z), 0); }
export function slLast(z: usize): usize { return fieldB(z); }

/** Inserts a member known to be absent; returns its node. */
export function slInsert(z: usize, score: f64, m: usize, len: i32): usize {
  let x = head(z);
  for (let i = levels(z) - 1; i >= 0; i--) {
    let rank = i == levels(z) - 1 ? 0 : rankAt(i + 1);
    for (let f = forward(x, i); f != 0 && compareEntries(nodeScore(f), nodeMember(f), nodeLen(f), score, m, len) < 0; f = forward(x, i)) {
      rank += span(x, i);
      x = f;
    }
    store<i32>(ranks + (<usize>i << 2), rank);
    store<u32>(update + (<usize>i << 2), <u32>x);
  }
  const level = randomLevel();
  if (level > levels(z)) {
    for (let i = levels(z); i < level; i++) {
      store<i32>(ranks + (<usize>i << 2), 0);
      store<u32>(update + (<usize>i << 2), <u32>head(z));
      setSpan(head(z), i, zCount(z));
    }
    setFieldC(z, level);
  }
  const n = nodeCreate(level, score, m, len);
  setFieldE(z, fieldE(z) + nodeSize(n));
  for (let i = 0; i < level; i++) {
    const u = updateAt(i);
    setForward(n, i, forward(u, i));
    setForward(u, i, n);
    setSpan(n, i, span(u, i) - (rankAt(0) - rankAt(i)));
    setSpan(u, i, rankAt(0) - rankAt(i) + 1);
  }
  for (let i = level; i < levels(z); i++) setSpan(updateAt(i), i, span(updateAt(i), i) + 1);
  const u0 = updateAt(0);
  setNodeBack(n, u0 == head(z) ? 0 : u0);
  const next = forward(n, 0);
  if (next != 0) setNodeBack(next, n);
  else setFieldB(z, n);
  setFieldD(z, tableAdd(fieldD(z), zCount(z), n));
  setCount(z, zCount(z) + 1);
  return n;
}

/** Fills `update` with the last node before n on every level. */
function findUpdate(z: usize, n: usize): void {
  const score = nodeScore(n), m = nodeMember(n), len = nodeLen(n);
  let x = head(z);
  for (let i = levels(z) - 1; i >= 0; i--) {
    for (let f = forward(x, i); f != 0 && compareEntries(nodeScore(f), nodeMember(f), nodeLen(f), score, m, len) < 0; f = forward(x, i)) x = f;
    store<u32>(update + (<usize>i << 2), <u32>x);
  }
}

/** Redis's zslDeleteNode with `update` already filled; also drops it from the table and frees it. */
function unlink(z: usize, n: usize): void {
  for (let i = 0; i < levels(z); i++) {
    const u = updateAt(i);
    if (forward(u, i) == n) {
      setSpan(u, i, span(u, i) + span(n, i) - 1);
      setForward(u, i, forward(n, i));
    } else {
      setSpan(u, i, span(u, i) - 1);
    }
  }
  const next = forward(n, 0);
  if (next != 0) setNodeBack(next, nodeBack(n));
  else setFieldB(z, nodeBack(n));
  while (levels(z) > 1 && forward(head(z), levels(z) - 1) == 0) setFieldC(z, levels(z) - 1);
  tableRemove(fieldD(z), n);
  setCount(z, zCount(z) - 1);
  setFieldE(z, fieldE(z) - nodeSize(n));
  heap.free(n);
}

export function slDelete(z: usize, n: usize): void {
  findUpdate(z, n);
  unlink(z, n);
}

/** Gives node n a new score; returns the node now holding the member (n itself when it stays in place). */
export function slUpdateScore(z: usize, n: usize, score: f64): usize {
  const back = nodeBack(n), next = forward(n, 0), m = nodeMember(n), len = nodeLen(n);
  if ((back == 0 || compareEntries(nodeScore(back), nodeMember(back), nodeLen(back), score, m, len) < 0) &&
      (next == 0 || compareEntries(nodeScore(next), nodeMember(next), nodeLen(next), score, m, len) > 0)) {
    setNodeScore(n, score);
    return n;
  }
  // The member bytes live in n: re-insert from a copy of them before n goes.
  const copy = heap.alloc(<usize>len);
  memory.copy(copy, m, <usize>len);
  slDelete(z, n);
  const moved = slInsert(z, score, copy, len);
  heap.free(copy);
  return moved;
}

/** The node at 0-based rank (which must exist). */
export function slAtRank(z: usize, rank: i32): usize {
  const target = rank + 1;
  let x = head(z);
  let traversed = 0;
  for (let i = levels(z) - 1; i >= 0; i--) {
    while (forward(x, i) != 0 && traversed + span(x, i) <= target) {
      traversed += span(x, i);
      x = forward(x, i);
    }
    if (traversed == target) return x;
  }
  return 0;
}

/** 0-based rank of node n. */
export function slRankOf(z: usize, n: usize): i32 {
  const score = nodeScore(n), m = nodeMember(n), len = nodeLen(n);
  let x = head(z);
  let rank = 0;
  for (let i = levels(z) - 1; i >= 0; i--) {
    for (let f = forward(x, i); f != 0 && compareEntries(nodeScore(f), nodeMember(f), nodeLen(f), score, m, len) <= 0; f = forward(x, i)) {
      rank += span(x, i);
      x = f;
    }
    if (x == n) return rank - 1;
  }
  return rank - 1;
}

/** How many leading nodes satisfy the range predicate `kind`. */
export function slCountWhile(z: usize, kind: i32): i32 {
  let x = head(z);
  let rank = 0;
  for (let i = levels(z) - 1; i >= 0; i--) {
    for (let f = forward(x, i); f != 0 && rangePredicate(kind, nodeScore(f), nodeMember(f), nodeLen(f)); f = forward(x, i)) {
      rank += span(x, i);
      x = f;
    }
  }
  return rank;
}

/** Removes `count` nodes from 0-based rank `start` on. */
export function slDeleteRange(z: usize, start: i32, count: i32): void {
  let x = head(z);
  let traversed = 0;
  for (let i = levels(z) - 1; i >= 0; i--) {
    while (forward(x, i) != 0 && traversed + span(x, i) <= start) {
      traversed += span(x, i);
      x = forward(x, i);
    }
    store<u32>(update + (<usize>i << 2), <u32>x);
  }
  x = forward(x, 0);
  for (let removed = 0; removed < count; removed++) {
    const next = forward(x, 0);
    unlink(z, x);
    x = next;
  }
}

export function slMemory(z: usize): i32 { return tableMemory(fieldD(z)) + <i32>fieldE(z); }
