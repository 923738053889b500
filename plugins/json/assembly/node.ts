// The value model: a JSON value as a tree of heap blocks, or packed in one block, never as text
// re-parsed per command.
//
// Every node starts with its kind byte. In the tree, null, false and true are three shared static nodes
// (never freed); the others are blocks from blocks.ts:
//   integer  [kind][i64]                 (9 bytes: a 12-byte block, blocks.ts)
//   unsigned [kind][u64]                 an integer above i64's range, up to 2^64-1 (as RedisJSON keeps them)
//   float    [kind][f64]
//   string   [kind][length][bytes]       UTF-8, as written (it may move when appended to)
//   array    [kind][u32 items]           items: [u32 count][u32 capacity][u32 node]...
//   object   [kind][u32 entries]         entries: [u32 count][u32 capacity]([u32 key][u32 node])...,
//                                        in insertion order; a key is [length][bytes]
// A length is one byte below 255, else 255 and a u32: keys and strings are short, and each block's
// size counts (MEMORY USAGE, and RSS over many documents).
// Containers keep a fixed header and a separate item block, so a container node never moves: commands
// that grow one (ARRAPPEND) keep every pointer to it valid. `liveBytes` follows every block allocated or
// freed (blocks.ts), which is how a document keeps its MEMORY USAGE figure current in O(1) (document.ts).
//
// A packed value (ADR 0040) is the same nodes laid out in one block, children after their container:
//   block    [u32 size][root container]  the root's kind byte carries ROOT
//   array    [kind|PACKED][count][offset]...[item]...       offsets from the container's first byte,
//   object   [kind|PACKED][count][offset]...([key][value])... an object's to the key, its value follows
// with count and offsets u16, or u32 when the kind byte carries WIDE (a container over 64 KiB). Scalars
// are as in the tree, null/false/true one byte each. The accessors below read both layouts, so paths,
// replies and the serializer need not know which one they walk; writes that add, remove or move values
// work on the tree only (document.ts thaws a packed document first), while a number keeps its 9 bytes in
// both and is rewritten in place.
import { blockFootprint, smallAlloc, smallFree } from "./blocks";
import { sameBytes } from "./swar";

export const K_NULL: u8 = 0;
export const K_FALSE: u8 = 1;
export const K_TRUE: u8 = 2;
export const K_INT: u8 = 3;
export const K_UINT: u8 = 4;
export const K_FLOAT: u8 = 5;
export const K_STRING: u8 = 6;
export const K_ARRAY: u8 = 7;
export const K_OBJECT: u8 = 8;

/** Kind-byte flags of packed containers (kind() masks them off). */
export const PACKED: u8 = 0x10;
export const WIDE: u8 = 0x20;
export const ROOT: u8 = 0x40;
const KIND_MASK: u8 = 0x0f;

export const NULL_NODE: usize = memory.data<u8>([0, 0, 0, 0]);
export const FALSE_NODE: usize = memory.data<u8>([1, 0, 0, 0]);
export const TRUE_NODE: usize = memory.data<u8>([2, 0, 0, 0]);

const NUM_SIZE: usize = 9;
const CONTAINER_SIZE: usize = 5;
const LIST_HEADER: usize = 8;

/** Heap bytes of every live node (heap footprints), moved by each allocation and free. */
export let liveBytes: i64 = 0;

export function blockAlloc(size: usize): usize {
  liveBytes += <i64>blockFootprint(size);
  return smallAlloc(size);
}

export function blockFree(ptr: usize, size: usize): void {
  liveBytes -= <i64>blockFootprint(size);
  smallFree(ptr, size);
}

// @ts-ignore: decorator
@inline export function kind(node: usize): u8 { return load<u8>(node) & KIND_MASK; }
// @ts-ignore: decorator
@inline export function isPacked(node: usize): bool { return (load<u8>(node) & PACKED) != 0; }
// @ts-ignore: decorator
@inline function isWide(node: usize): bool { return (load<u8>(node) & WIDE) != 0; }

/** A packed container's item count. */
// @ts-ignore: decorator
@inline function packedCount(n: usize): i32 { return isWide(n) ? <i32>load<u32>(n + 1) : <i32>load<u16>(n + 1); }
/** Where a packed container's i-th offset is held. */
// @ts-ignore: decorator
@inline function packedSlot(n: usize, i: i32): usize { return isWide(n) ? n + 5 + (<usize>i << 2) : n + 3 + (<usize>i << 1); }
/** A packed container's i-th item (an object's: its key). */
// @ts-ignore: decorator
@inline function packedItem(n: usize, i: i32): usize {
  return isWide(n) ? n + <usize>load<u32>(n + 5 + (<usize>i << 2)) : n + <usize>load<u16>(n + 3 + (<usize>i << 1));
}

export function boolNode(v: bool): usize { return v ? TRUE_NODE : FALSE_NODE; }

// ---- numbers

export function intNew(v: i64): usize {
  const n = blockAlloc(NUM_SIZE);
  store<u8>(n, K_INT);
  store<i64>(n + 1, v);
  return n;
}

export function uintNew(v: u64): usize {
  const n = blockAlloc(NUM_SIZE);
  store<u8>(n, K_UINT);
  store<u64>(n + 1, v);
  return n;
}

export function floatNew(v: f64): usize {
  const n = blockAlloc(NUM_SIZE);
  store<u8>(n, K_FLOAT);
  store<f64>(n + 1, v);
  return n;
}

// @ts-ignore: decorator
@inline export function intValue(n: usize): i64 { return load<i64>(n + 1); }
// @ts-ignore: decorator
@inline export function floatValue(n: usize): f64 { return load<f64>(n + 1); }

export function isNumber(n: usize): bool { const k = kind(n); return k == K_INT || k == K_UINT || k == K_FLOAT; }

/** A number node's value as a double (an unsigned or big integer rounds). */
export function numberAsF64(n: usize): f64 {
  const k = kind(n);
  if (k == K_INT) return <f64>intValue(n);
  if (k == K_UINT) return <f64>load<u64>(n + 1);
  return floatValue(n);
}

// ---- lengths (strings and keys)

/** Bytes the length prefix of `len` takes. */
// @ts-ignore: decorator
@inline export function lengthSize(len: i32): i32 { return len < 255 ? 1 : 5; }
// @ts-ignore: decorator
@inline function prefixSize(len: i32): usize { return <usize>lengthSize(len); }

/** Writes a length prefix at `p`; returns where the bytes go. */
// @ts-ignore: decorator
@inline export function writeLength(p: usize, len: i32): usize {
  if (len < 255) { store<u8>(p, <u8>len); return p + 1; }
  store<u8>(p, 255);
  store<u32>(p + 1, <u32>len);
  return p + 5;
}

// @ts-ignore: decorator
@inline export function readLength(p: usize): i32 { const b = load<u8>(p); return b < 255 ? <i32>b : <i32>load<u32>(p + 1); }
// @ts-ignore: decorator
@inline export function afterLength(p: usize): usize { return p + (load<u8>(p) < 255 ? 1 : 5); }

// ---- strings

/** Block size of a string node of `len` bytes. */
// @ts-ignore: decorator
@inline function strSize(len: i32): usize { return 1 + prefixSize(len) + <usize>len; }

export function strNew(src: usize, len: i32): usize {
  const n = strAlloc(len);
  memory.copy(strBytes(n), src, <usize>len);
  return n;
}

/** A string node of `len` bytes whose content the caller writes at strBytes(). */
export function strAlloc(len: i32): usize {
  const n = blockAlloc(strSize(len));
  store<u8>(n, K_STRING);
  writeLength(n + 1, len);
  return n;
}

// @ts-ignore: decorator
@inline export function strLen(n: usize): i32 { return readLength(n + 1); }
// @ts-ignore: decorator
@inline export function strBytes(n: usize): usize { return afterLength(n + 1); }

// ---- object keys

// @ts-ignore: decorator
@inline function keySize(len: i32): usize { return prefixSize(len) + <usize>len; }

export function keyNew(src: usize, len: i32): usize {
  const k = blockAlloc(keySize(len));
  writeLength(k, len);
  memory.copy(keyBytes(k), src, <usize>len);
  return k;
}
// @ts-ignore: decorator
@inline export function keyLen(k: usize): i32 { return readLength(k); }
// @ts-ignore: decorator
@inline export function keyBytes(k: usize): usize { return afterLength(k); }

// ---- containers (arrays and objects share the list block; an object's items are key/node pairs)

function containerNew(k: u8): usize {
  const n = blockAlloc(CONTAINER_SIZE);
  store<u8>(n, k);
  store<u32>(n + 1, 0);
  return n;
}

export function arrNew(): usize { return containerNew(K_ARRAY); }
export function objNew(): usize { return containerNew(K_OBJECT); }

// @ts-ignore: decorator
@inline function list(n: usize): usize { return <usize>load<u32>(n + 1); }

/** Items of an array, entries of an object. */
export function count(n: usize): i32 {
  if (isPacked(n)) return packedCount(n);
  const l = list(n);
  return l == 0 ? 0 : <i32>load<u32>(l);
}

function width(n: usize): usize { return kind(n) == K_ARRAY ? 4 : 8; }

/** Room for `extra` more items or entries (capacity doubles). */
function grow(n: usize, extra: i32): void {
  const l = list(n);
  const used = l == 0 ? 0 : <i32>load<u32>(l);
  const cap = l == 0 ? 0 : <i32>load<u32>(l + 4);
  if (used + extra <= cap) return;
  let next = cap < 4 ? 4 : cap * 2;
  while (next < used + extra) next *= 2;
  const w = width(n);
  const fresh = blockAlloc(LIST_HEADER + <usize>next * w);
  store<u32>(fresh, <u32>used);
  store<u32>(fresh + 4, <u32>next);
  if (l != 0) {
    memory.copy(fresh + LIST_HEADER, l + LIST_HEADER, <usize>used * w);
    blockFree(l, LIST_HEADER + <usize>cap * w);
  }
  store<u32>(n + 1, <u32>fresh);
}

/** Sizes a new container's block exactly (a parsed or loaded document never over-allocates). */
export function reserveExact(n: usize, items: i32): void {
  if (items == 0 || list(n) != 0) return;
  const fresh = blockAlloc(LIST_HEADER + <usize>items * width(n));
  store<u32>(fresh, 0);
  store<u32>(fresh + 4, <u32>items);
  store<u32>(n + 1, <u32>fresh);
}

function setCount(n: usize, c: i32): void { store<u32>(list(n), <u32>c); }

/**
 * Where the i-th item of an array is held (its slot: a match can replace the node there). A packed
 * array's slot is its offset's place: unique and ordered, but only a tree's slot can be written.
 */
// @ts-ignore: decorator
@inline export function arrSlot(a: usize, i: i32): usize { return isPacked(a) ? packedSlot(a, i) : treeSlot(a, i); }
// @ts-ignore: decorator
@inline function treeSlot(a: usize, i: i32): usize { return list(a) + LIST_HEADER + (<usize>i << 2); }
// @ts-ignore: decorator
@inline export function arrGet(a: usize, i: i32): usize { return isPacked(a) ? packedItem(a, i) : <usize>load<u32>(treeSlot(a, i)); }

export function arrPush(a: usize, v: usize): void {
  grow(a, 1);
  const c = count(a);
  store<u32>(treeSlot(a, c), <u32>v);
  setCount(a, c + 1);
}

/** Inserts `v` before position i (0..count). */
export function arrInsert(a: usize, i: i32, v: usize): void {
  grow(a, 1);
  const c = count(a);
  memory.copy(treeSlot(a, i + 1), treeSlot(a, i), <usize>(c - i) << 2);
  store<u32>(treeSlot(a, i), <u32>v);
  setCount(a, c + 1);
}

/** Takes item i out and returns it (the caller frees or keeps it). */
export function arrRemove(a: usize, i: i32): usize {
  const v = arrGet(a, i);
  const c = count(a);
  memory.copy(treeSlot(a, i), treeSlot(a, i + 1), <usize>(c - i - 1) << 2);
  setCount(a, c - 1);
  return v;
}

/** Frees items [from, to) and closes the gap (one move, whatever the number removed). */
export function arrRemoveRange(a: usize, from: i32, to: i32): void {
  if (from >= to) return;
  const c = count(a);
  for (let i = from; i < to; i++) nodeFree(arrGet(a, i));
  memory.copy(treeSlot(a, from), treeSlot(a, to), <usize>(c - to) << 2);
  setCount(a, c - (to - from));
}

function entry(o: usize, i: i32): usize { return list(o) + LIST_HEADER + (<usize>i << 3); }
// @ts-ignore: decorator
@inline export function objKey(o: usize, i: i32): usize { return isPacked(o) ? packedItem(o, i) : <usize>load<u32>(entry(o, i)); }
/** Where the value of entry i is held (packed: as arrSlot). */
// @ts-ignore: decorator
@inline export function objSlot(o: usize, i: i32): usize { return isPacked(o) ? packedSlot(o, i) : entry(o, i) + 4; }
// @ts-ignore: decorator
@inline export function objVal(o: usize, i: i32): usize {
  if (isPacked(o)) { const k = packedItem(o, i); return keyBytes(k) + <usize>keyLen(k); }
  return <usize>load<u32>(entry(o, i) + 4);
}

/** The entry index of key `name`, or -1. */
export function objFind(o: usize, name: usize, len: i32): i32 {
  // A packed object under 64 KiB (most documents, JSON.SET whole): its u16 offset table read directly, a
  // key's length byte compared before its bytes (a path step scans the keys before the one it names).
  if ((load<u8>(o) & (PACKED | WIDE)) == PACKED && len < 255) {
    const c = <i32>load<u16>(o + 1);
    for (let i = 0; i < c; i++) {
      const k = o + <usize>load<u16>(o + 3 + (<usize>i << 1));
      if (<i32>load<u8>(k) == len && sameBytes(k + 1, name, len)) return i;
    }
    return -1;
  }
  const c = count(o);
  for (let i = 0; i < c; i++) {
    const k = objKey(o, i);
    if (keyLen(k) == len && sameBytes(keyBytes(k), name, len)) return i;
  }
  return -1;
}

/** Sets key `name` to `v`, freeing the value it replaces (a duplicate key keeps its first place). */
export function objPut(o: usize, name: usize, len: i32, v: usize): void {
  const i = objFind(o, name, len);
  if (i >= 0) {
    nodeFree(objVal(o, i));
    store<u32>(objSlot(o, i), <u32>v);
    return;
  }
  grow(o, 1);
  const c = count(o);
  store<u32>(entry(o, c), <u32>keyNew(name, len));
  store<u32>(objSlot(o, c), <u32>v);
  setCount(o, c + 1);
}

/** Removes entry i, freeing its key and value. */
export function objRemove(o: usize, i: i32): void {
  const k = objKey(o, i);
  blockFree(k, keySize(keyLen(k)));
  nodeFree(objVal(o, i));
  const c = count(o);
  memory.copy(entry(o, i), entry(o, i + 1), <usize>(c - i - 1) << 3);
  setCount(o, c - 1);
}

// ---- whole values

/** Frees a value and everything under it. */
export function nodeFree(n: usize): void {
  if (isPacked(n)) {
    // A packed value is freed whole, by its root; what lies inside goes with it.
    if ((load<u8>(n) & ROOT) != 0) blockFree(n - 4, <usize>load<u32>(n - 4));
    return;
  }
  const k = kind(n);
  if (k <= K_TRUE) return;
  if (k == K_STRING) { blockFree(n, strSize(strLen(n))); return; }
  if (k == K_INT || k == K_UINT || k == K_FLOAT) { blockFree(n, NUM_SIZE); return; }
  emptyContainer(n);
  blockFree(n, CONTAINER_SIZE);
}

/** Frees a container's items (CLEAR), leaving it empty. */
export function emptyContainer(n: usize): void {
  const l = list(n);
  if (l == 0) return;
  const c = <i32>load<u32>(l);
  if (kind(n) == K_ARRAY) {
    for (let i = 0; i < c; i++) nodeFree(arrGet(n, i));
  } else {
    for (let i = 0; i < c; i++) {
      const key = objKey(n, i);
      blockFree(key, keySize(keyLen(key)));
      nodeFree(objVal(n, i));
    }
  }
  blockFree(l, LIST_HEADER + <usize>load<u32>(l + 4) * width(n));
  store<u32>(n + 1, 0);
}

/** An independent deep copy. */
export function nodeCopy(n: usize): usize {
  const k = kind(n);
  if (k <= K_TRUE) return k == K_NULL ? NULL_NODE : boolNode(k == K_TRUE); // a packed one is inline
  if (k == K_STRING) return strNew(strBytes(n), strLen(n));
  if (k == K_INT || k == K_UINT || k == K_FLOAT) {
    const c = blockAlloc(NUM_SIZE);
    memory.copy(c, n, NUM_SIZE);
    return c;
  }
  const c = containerNew(k);
  const items = count(n);
  reserveExact(c, items);
  if (k == K_ARRAY) {
    for (let i = 0; i < items; i++) arrPush(c, nodeCopy(arrGet(n, i)));
  } else {
    for (let i = 0; i < items; i++) {
      const key = objKey(n, i);
      grow(c, 1);
      store<u32>(entry(c, i), <u32>keyNew(keyBytes(key), keyLen(key)));
      store<u32>(objSlot(c, i), <u32>nodeCopy(objVal(n, i)));
      setCount(c, i + 1);
    }
  }
  return c;
}

/** Heap bytes a value occupies (JSON.DEBUG MEMORY of a path: walks the value). */
export function nodeMemory(n: usize): i64 {
  if (isPacked(n)) {
    if ((load<u8>(n) & ROOT) != 0) return <i64>blockFootprint(<usize>load<u32>(n - 4));
    return <i64>packedSpan(n);
  }
  const k = kind(n);
  if (k <= K_TRUE) return 0;
  if (k == K_STRING) return <i64>blockFootprint(strSize(strLen(n)));
  if (k == K_INT || k == K_UINT || k == K_FLOAT) return <i64>blockFootprint(NUM_SIZE);
  let total = <i64>blockFootprint(CONTAINER_SIZE);
  const l = list(n);
  if (l == 0) return total;
  total += <i64>blockFootprint(LIST_HEADER + <usize>load<u32>(l + 4) * width(n));
  const c = count(n);
  for (let i = 0; i < c; i++) {
    if (k == K_ARRAY) total += nodeMemory(arrGet(n, i));
    else total += <i64>blockFootprint(keySize(keyLen(objKey(n, i)))) + nodeMemory(objVal(n, i));
  }
  return total;
}

/** Bytes a value takes in a packed block (a container: up to the end of its last item). */
export function packedSpan(n: usize): usize {
  const k = kind(n);
  if (k <= K_TRUE) return 1;
  if (k == K_STRING) return strSize(strLen(n));
  if (k == K_INT || k == K_UINT || k == K_FLOAT) return NUM_SIZE;
  const c = packedCount(n);
  let end: usize = isWide(n) ? 5 + (<usize>c << 2) : 3 + (<usize>c << 1);
  // Items are laid out in order, but a duplicate key's earlier value stays behind its entry: take the furthest.
  for (let i = 0; i < c; i++) {
    let item = packedItem(n, i);
    if (k == K_OBJECT) item = keyBytes(item) + <usize>keyLen(item);
    const itemEnd = item - n + packedSpan(item);
    if (itemEnd > end) end = itemEnd;
  }
  return end;
}

/** Containers nested in a value, itself included (0 for a scalar). */
export function nodeDepth(n: usize): i32 {
  const k = kind(n);
  if (k != K_ARRAY && k != K_OBJECT) return 0;
  let deepest = 0;
  const c = count(n);
  for (let i = 0; i < c; i++) {
    const d = nodeDepth(k == K_ARRAY ? arrGet(n, i) : objVal(n, i));
    if (d > deepest) deepest = d;
  }
  return deepest + 1;
}

/** JSON equality (ARRINDEX): numbers by value, whatever their kind; containers item by item. */
export function nodeEquals(a: usize, b: usize): bool {
  const ka = kind(a), kb = kind(b);
  if (isNumber(a) && isNumber(b)) {
    if (ka == K_INT && kb == K_INT) return intValue(a) == intValue(b);
    if (ka == K_UINT && kb == K_UINT) return load<u64>(a + 1) == load<u64>(b + 1);
    return numberAsF64(a) == numberAsF64(b);
  }
  if (ka != kb) return false;
  if (ka <= K_TRUE) return true;
  if (ka == K_STRING) return strLen(a) == strLen(b) && sameBytes(strBytes(a), strBytes(b), strLen(a));
  const c = count(a);
  if (c != count(b)) return false;
  if (ka == K_ARRAY) {
    for (let i = 0; i < c; i++) if (!nodeEquals(arrGet(a, i), arrGet(b, i))) return false;
    return true;
  }
  for (let i = 0; i < c; i++) {
    const key = objKey(a, i);
    const j = objFind(b, keyBytes(key), keyLen(key));
    if (j < 0 || !nodeEquals(objVal(a, i), objVal(b, j))) return false;
  }
  return true;
}
