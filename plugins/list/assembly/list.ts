// Operations on a list value (header.ts) over its chain of nodes (node.ts) of listpack entries
// (entry.ts), with Redis 7.2's rules for where elements go:
//
// - The limit is list-max-listpack-size (plugin.json's configs[0]), as quicklistNodeLimit reads it:
//   negative, a node's bytes (-1: 4 KiB, -2: 8 KiB … -5 and below: 64 KiB); positive, its elements
//   (0 counts as 1), with nodes then also kept under 8 KiB (SIZE_SAFETY_LIMIT).
// - listpack encoding: one node without limit checks; growEncoding, called before adding, turns it
//   into a quicklist when the listpack would pass the limit, as listTypeTryConvertListpack does.
// - quicklist encoding: a node takes an element only while it stays under the limit (Redis's
//   _quicklistNodeAllowInsert with its 11-byte estimate); otherwise the element goes to a neighbour, a
//   new node, or a node split at the insertion point. A large element (over the byte limit, or over
//   8 KiB with a count limit) gets a node of its own.
// - shrinkEncoding, called after removing, turns a quicklist that is down to one node within half
//   the limit back into a listpack (listTypeTryConvertQuicklist when shrinking).
// - list-compress-depth (configs[1]) is accepted and kept; nodes are not compressed yet.
//
// A cursor (curNode, curOff: the byte offset of an entry in its node) walks the list; seek() puts it on
// an index from whichever end is closer.

import { configValue } from "ferrite-sdk";
import { elemLen, entryBefore, entryPlan, entryRead, entrySize, entryWrite } from "./entry";
import { isQuicklist, listHead, listLen, listTail, setListLen, setQuicklist } from "./header";
import {
  nodeCount, nodeCut, nodeEntries, nodeFit, nodeFree, nodeInsertAfter, nodeInsertBefore, nodeNext, nodeOpen,
  nodePrev, nodeRemove, nodeResizeEntry, nodeSplit, nodeUsed,
} from "./node";

export const LEFT: i32 = 0;
export const RIGHT: i32 = 1;

/** Redis's SIZE_SAFETY_LIMIT: the byte bound of a node under a count limit. */
const SAFETY_LIMIT: i64 = 8192;
/** The header and end byte of the listpack Redis would hold: node limits count them. */
const LISTPACK_OVERHEAD: i64 = 7;
/** Redis's SIZE_ESTIMATE_OVERHEAD: what it assumes an element costs beyond its bytes. */
const INSERT_ESTIMATE: i64 = 11;

function listpackBytes(n: usize): i64 { return (n ? <i64>nodeUsed(n) : 0) + LISTPACK_OVERHEAD; }

/** quicklistNodeLimit's byte limit: I64.MAX_VALUE under a count limit. */
function sizeLimit(): i64 {
  const fill = configValue(0);
  return fill >= 0 ? I64.MAX_VALUE : <i64>4096 << (min(-fill, 5) - 1);
}

/** quicklistNodeLimit's element limit: I64.MAX_VALUE under a byte limit. */
function countLimit(): i64 {
  const fill = configValue(0);
  return fill < 0 ? I64.MAX_VALUE : fill == 0 ? 1 : fill;
}

/** Redis's quicklistNodeExceedsLimit for a node of `bytes` holding `count` elements. */
function exceedsLimit(bytes: i64, count: i64): bool {
  if (configValue(0) < 0) return bytes > sizeLimit();
  return bytes > SAFETY_LIMIT || count > countLimit();
}

/** Redis's isLargeElement: an element that gets a node of its own. */
function isLarge(len: i32): bool {
  return <i64>len > (configValue(0) < 0 ? sizeLimit() : SAFETY_LIMIT);
}

/** Before adding `addCount` elements of `addBytes` bytes in all. */
export function growEncoding(l: usize, addBytes: i64, addCount: i32): void {
  if (!isQuicklist(l) && exceedsLimit(listpackBytes(listHead(l)) + addBytes, <i64>listLen(l) + addCount)) setQuicklist(l, true);
}

/** A quicklist of one node within the limit (halved when shrinking, as Redis does) becomes a listpack. */
function listpackWithin(l: usize, shrinking: bool): void {
  const h = listHead(l);
  if (!isQuicklist(l) || h == 0 || h != listTail(l)) return;
  const bytes = sizeLimit(), count = countLimit();
  if (listpackBytes(h) <= (shrinking ? bytes / 2 : bytes) && <i64>listLen(l) <= (shrinking ? count / 2 : count)) setQuicklist(l, false);
}

export function shrinkEncoding(l: usize): void { listpackWithin(l, true); }

/** After loading: not shrinking, so the whole limit counts (Redis's rdbLoad conversion). */
export function loadedEncoding(l: usize): void { listpackWithin(l, false); }

export function listFree(l: usize): void {
  for (let n = listHead(l); n;) {
    const next = nodeNext(n);
    nodeFree(n);
    n = next;
  }
  heap.free(l);
}

function allows(n: usize, len: i32): bool {
  return !isLarge(len) && !exceedsLimit(listpackBytes(n) + len + INSERT_ESTIMATE, <i64>nodeCount(n) + 1);
}

/** Room for one entry of `size` bytes (an element of `len` bytes) at offset `off` of node n (0: empty list). */
function place(l: usize, n: usize, off: i32, len: i32, size: i32): usize {
  setListLen(l, listLen(l) + 1);
  if (n == 0) return nodeOpen(l, nodeInsertAfter(l, 0, <u32>size), 0, size);
  if (!isQuicklist(l) || allows(n, len)) return nodeOpen(l, n, off, size);
  if (off == 0) {
    const prev = nodePrev(n);
    if (prev && allows(prev, len)) return nodeOpen(l, prev, nodeUsed(prev), size);
    return nodeOpen(l, nodeInsertBefore(l, n, <u32>size), 0, size);
  }
  if (off == nodeUsed(n)) {
    const next = nodeNext(n);
    if (next && allows(next, len)) return nodeOpen(l, next, 0, size);
    return nodeOpen(l, nodeInsertAfter(l, n, <u32>size), 0, size);
  }
  const right = nodeSplit(l, n, off);
  if (allows(n, len)) return nodeOpen(l, n, off, size);
  if (allows(right, len)) return nodeOpen(l, right, 0, size);
  return nodeOpen(l, nodeInsertAfter(l, n, <u32>size), 0, size);
}

function placeAtEnd(l: usize, where: i32, len: i32, size: i32): usize {
  const n = where == LEFT ? listHead(l) : listTail(l);
  return place(l, n, where == LEFT || n == 0 ? 0 : nodeUsed(n), len, size);
}

/** Adds an element at one end; call growEncoding first. */
export function listPush(l: usize, where: i32, ptr: usize, len: i32): void {
  const size = entryPlan(ptr, len);
  entryWrite(placeAtEnd(l, where, len, size));
}

/** Adds an already encoded entry (not inside l) at one end; call growEncoding first. */
export function listPushEntry(l: usize, where: i32, entry: usize, size: i32): void {
  entryRead(entry);
  memory.copy(placeAtEnd(l, where, elemLen, size), entry, <usize>size);
}

/** Inserts an element at offset `off` of node n (an entry's start, or the node's end); growEncoding first. */
export function listInsert(l: usize, n: usize, off: i32, ptr: usize, len: i32): void {
  const size = entryPlan(ptr, len);
  entryWrite(place(l, n, off, len, size));
}

/** Replaces element `index` (within the list) with (ptr, len); call growEncoding first. */
export function listReplace(l: usize, index: i32, ptr: usize, len: i32): void {
  seek(l, index);
  const n = curNode;
  const oldSize = entrySize(curEntry());
  const size = entryPlan(ptr, len);
  if (!isQuicklist(l) || (!isLarge(len) && !exceedsLimit(listpackBytes(n) - oldSize + size, <i64>nodeCount(n)))) {
    entryWrite(nodeResizeEntry(l, n, curOff, oldSize, size));
    return;
  }
  // Too big for the node: insert before the old element under the node rules, then drop the old one.
  entryWrite(place(l, n, curOff, len, size));
  seek(l, index + 1);
  deleteAt(l, curNode, curOff);
}

export let curNode: usize = 0;
export let curOff: i32 = 0;

export function curEntry(): usize { return nodeEntries(curNode) + <usize>curOff; }

/** Offset of entry i of node n, walking from the nearer end of the node. */
function offsetIn(n: usize, i: i32): i32 {
  const base = nodeEntries(n);
  let p = base;
  if (i < nodeCount(n) / 2) {
    for (let k = 0; k < i; k++) p += <usize>entrySize(p);
  } else {
    p += <usize>nodeUsed(n);
    for (let k = nodeCount(n); k > i; k--) p = entryBefore(p);
  }
  return <i32>(p - base);
}

/** Puts the cursor on element `index` (0 <= index < length). */
export function seek(l: usize, index: i32): void {
  let n: usize;
  if (index < listLen(l) / 2) {
    n = listHead(l);
    while (index >= nodeCount(n)) { index -= nodeCount(n); n = nodeNext(n); }
  } else {
    let back = listLen(l) - 1 - index;
    n = listTail(l);
    while (back >= nodeCount(n)) { back -= nodeCount(n); n = nodePrev(n); }
    index = nodeCount(n) - 1 - back;
  }
  curNode = n;
  curOff = offsetIn(n, index);
}

/** Moves to the next element; curNode becomes 0 past the tail. */
export function curNext(): void {
  curOff += entrySize(curEntry());
  if (curOff >= nodeUsed(curNode)) { curNode = nodeNext(curNode); curOff = 0; }
}

/** Moves to the previous element; curNode becomes 0 before the head. */
export function curPrev(): void {
  if (curOff == 0) {
    curNode = nodePrev(curNode);
    if (curNode) curOff = <i32>(entryBefore(nodeEntries(curNode) + <usize>nodeUsed(curNode)) - nodeEntries(curNode));
  } else {
    curOff = <i32>(entryBefore(curEntry()) - nodeEntries(curNode));
  }
}

/** Removes the entry at offset `off` of node n; nodes other than n are untouched. */
export function deleteAt(l: usize, n: usize, off: i32): void {
  setListLen(l, listLen(l) - 1);
  if (nodeCount(n) == 1) nodeRemove(l, n);
  else nodeCut(n, off, entrySize(nodeEntries(n) + <usize>off), 1);
}

/** Removes the element under the cursor and moves the cursor to the one after it. */
export function deleteCurrent(l: usize): void {
  const n = curNode, next = nodeNext(n), last = nodeCount(n) == 1;
  deleteAt(l, n, curOff);
  if (last || curOff >= nodeUsed(n)) { curNode = next; curOff = 0; }
}

/** Removes `count` elements from index `start` on (both within the list). */
export function deleteRange(l: usize, start: i32, count: i32): void {
  if (count <= 0) return;
  seek(l, start);
  setListLen(l, listLen(l) - count);
  let n = curNode, off = curOff;
  while (count > 0) {
    const next = nodeNext(n);
    if (off == 0 && count >= nodeCount(n)) {
      count -= nodeCount(n);
      nodeRemove(l, n);
    } else {
      const from = nodeEntries(n) + <usize>off, end = nodeEntries(n) + <usize>nodeUsed(n);
      let p = from, k = 0;
      for (; k < count && p < end; k++) p += <usize>entrySize(p);
      nodeCut(n, off, <i32>(p - from), k);
      nodeFit(l, n);
      count -= k;
    }
    n = next;
    off = 0;
  }
}

/** Gives back spare node capacity after scattered removals (LREM). */
export function fitNodes(l: usize): void {
  for (let n = listHead(l); n; n = nodeNext(nodeFit(l, n)));
}
