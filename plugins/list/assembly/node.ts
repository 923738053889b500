// Nodes of the list: heap blocks [prev u32][next u32][count u32][used u32][cap u32] followed by `cap`
// bytes, the first `used` of which are `count` listpack entries (see entry.ts). Nodes form a doubly
// linked chain whose ends the list header holds (list.ts): a node that moves when it grows or shrinks
// is relinked here, so callers only ever keep the pointer these functions return.

import { entrySize as entrySizeAt } from "./entry";
import { addListNodeBytes, listHead, listTail, setListHead, setListTail } from "./header";

const HEADER: usize = 20;
/** Growth doubles capacity up to one full node (list-max-listpack-size -2: 8 KiB), then fits exactly. */
const GROW_LIMIT: u32 = 8192;

// @ts-ignore: decorator
@inline export function nodePrev(n: usize): usize { return <usize>load<u32>(n); }
// @ts-ignore: decorator
@inline export function nodeNext(n: usize): usize { return <usize>load<u32>(n, 4); }
// @ts-ignore: decorator
@inline export function nodeCount(n: usize): i32 { return <i32>load<u32>(n, 8); }
// @ts-ignore: decorator
@inline export function nodeUsed(n: usize): i32 { return <i32>load<u32>(n, 12); }
// @ts-ignore: decorator
@inline function nodeCap(n: usize): u32 { return load<u32>(n, 16); }
// @ts-ignore: decorator
@inline export function nodeEntries(n: usize): usize { return n + HEADER; }

// @ts-ignore: decorator
@inline function setPrev(n: usize, p: usize): void { store<u32>(n, <u32>p); }
// @ts-ignore: decorator
@inline function setNext(n: usize, p: usize): void { store<u32>(n, <u32>p, 4); }
// @ts-ignore: decorator
@inline function setCount(n: usize, c: i32): void { store<u32>(n, <u32>c, 8); }
// @ts-ignore: decorator
@inline function setUsed(n: usize, u: i32): void { store<u32>(n, <u32>u, 12); }

function nodeNew(cap: u32): usize {
  const n = heap.alloc(HEADER + <usize>cap);
  memory.fill(n, 0, HEADER);
  store<u32>(n, cap, 16);
  return n;
}

export function nodeFree(n: usize): void { heap.free(n); }

/** Bytes of plugin memory the node holds. */
export function nodeMemory(n: usize): usize { return HEADER + <usize>nodeCap(n); }

/** Points the neighbours (or the list's ends) at n, after n was created or moved. */
function relink(l: usize, n: usize): void {
  const prev = nodePrev(n), next = nodeNext(n);
  if (prev) setNext(prev, n); else setListHead(l, n);
  if (next) setPrev(next, n); else setListTail(l, n);
}

function resize(l: usize, n: usize, cap: u32): usize {
  addListNodeBytes(l, <isize>cap - <isize>nodeCap(n));
  const m = heap.realloc(n, HEADER + <usize>cap);
  store<u32>(m, cap, 16);
  if (m != n) relink(l, m);
  return m;
}

/** A new empty node with room for `cap` bytes, linked after `at` (0: as the new head). */
export function nodeInsertAfter(l: usize, at: usize, cap: u32): usize {
  const n = nodeNew(cap);
  addListNodeBytes(l, <isize>nodeMemory(n));
  setPrev(n, at);
  setNext(n, at ? nodeNext(at) : listHead(l));
  relink(l, n);
  return n;
}

/** A new empty node with room for `cap` bytes, linked before `at`. */
export function nodeInsertBefore(l: usize, at: usize, cap: u32): usize {
  return nodeInsertAfter(l, nodePrev(at), cap);
}

export function nodeRemove(l: usize, n: usize): void {
  const prev = nodePrev(n), next = nodeNext(n);
  if (prev) setNext(prev, next); else setListHead(l, next);
  if (next) setPrev(next, prev); else setListTail(l, prev);
  addListNodeBytes(l, -<isize>nodeMemory(n));
  nodeFree(n);
}

/** Resizes the entry of `oldSize` bytes at offset `off` to `newSize` bytes; returns where to write it. */
export function nodeResizeEntry(l: usize, n: usize, off: i32, oldSize: i32, newSize: i32): usize {
  const used = nodeUsed(n);
  const need = <u32>(used - oldSize + newSize);
  if (need > nodeCap(n)) n = resize(l, n, max(need, min(nodeCap(n) * 2, GROW_LIMIT)));
  const at = nodeEntries(n) + <usize>off;
  memory.copy(at + <usize>newSize, at + <usize>oldSize, <usize>(used - off - oldSize));
  setUsed(n, <i32>need);
  return at;
}

/** Opens a gap of `size` bytes at offset `off` for one new entry; returns where to write it. */
export function nodeOpen(l: usize, n: usize, off: i32, size: i32): usize {
  const at = nodeResizeEntry(l, n, off, 0, size);
  const moved = at - <usize>off - HEADER;
  setCount(moved, nodeCount(moved) + 1);
  return at;
}

/** Removes `count` entries spanning `bytes` bytes at offset `off`. The node stays where it is. */
export function nodeCut(n: usize, off: i32, bytes: i32, count: i32): void {
  const used = nodeUsed(n) - bytes;
  const at = nodeEntries(n) + <usize>off;
  memory.copy(at, at + <usize>bytes, <usize>(used - off));
  setUsed(n, used);
  setCount(n, nodeCount(n) - count);
}

/** Gives back the spare capacity of a node left mostly empty; returns the node, which may have moved. */
export function nodeFit(l: usize, n: usize): usize {
  const used = <u32>nodeUsed(n);
  return used * 2 < nodeCap(n) ? resize(l, n, used) : n;
}

/** Moves the entries from offset `off` on into a new node linked after n; returns the new node. */
export function nodeSplit(l: usize, n: usize, off: i32): usize {
  const bytes = nodeUsed(n) - off;
  const from = nodeEntries(n) + <usize>off;
  let count = 0;
  for (let p = from, end = from + <usize>bytes; p < end; p += <usize>entrySizeAt(p)) count++;
  const right = nodeInsertAfter(l, n, <u32>bytes);
  memory.copy(nodeEntries(right), from, <usize>bytes);
  setUsed(right, bytes);
  setCount(right, count);
  setUsed(n, off);
  setCount(n, nodeCount(n) - count);
  return right;
}

/** A copy of n's entries in a node of exactly their size (unlinked). */
export function nodeClone(n: usize): usize {
  const used = nodeUsed(n);
  const c = nodeNew(<u32>used);
  memory.copy(nodeEntries(c), nodeEntries(n), <usize>used);
  setUsed(c, used);
  setCount(c, nodeCount(n));
  return c;
}

/** Appends an unlinked node (from nodeClone) at the list's tail. */
export function nodeAppend(l: usize, n: usize): void {
  addListNodeBytes(l, <isize>nodeMemory(n));
  setPrev(n, listTail(l));
  setNext(n, 0);
  relink(l, n);
}
