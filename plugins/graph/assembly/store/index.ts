// Exact-match property indexes on node labels (CREATE INDEX FOR (n:L) ON (n.p)) and relationship types
// (CREATE INDEX FOR ()-[r:R]-() ON (r.p)): per index an open-addressing table from a value's hash to
// the ids of the :L nodes (:R edges) holding that value in p. A lookup
// returns the bucket and the caller checks each node's value (hashes collide). Numbers hash by value,
// so 1 and 1.0 meet as Cypher's equality has it; lists are not indexed (FalkorDB indexes arrays apart).
// Kept up to date by the writes (indexUnlink before an entity changes, indexLink after), rebuilt from
// the entities when a graph is loaded: only the (label or type, property) pairs are serialized.
import { heapFootprint, murmurHash64A } from "ferrite-sdk";
import { E_PROPS, E_TYPE, Graph, N_PROPS, edgeAlive, edgeRec, gAlloc, gFree, nodeAlive, nodeRec } from "./graph";
import { nodeHasLabel } from "./entities";
import { P_BOOL, P_DOUBLE, P_INT, P_STRING, indexableType, propFind, propPayload, propType } from "./props";
import { blobData, blobLen } from "./blob";
import { U32Vec, vecBytes, vecFree, vecGet, vecNew, vecPush, vecRemove } from "./u32-vec";

@unmanaged export class Index {
  /** 1 for a relationship type's index (label is then the type), 0 for a node label's. */
  onEdges: u32;
  label: u32;
  prop: u32;
  table: usize;
  cap: u32;
  /** Slots taken (a slot whose bucket emptied stays taken until the next growth). */
  used: u32;
  /** The ids in value order for range lookups (a U32Vec, index-order.ts), 0 until one asks after a change. */
  sorted: usize;
}

const INDEX_SIZE = offsetof<Index>();
const SLOT: usize = 8; // u32 hash (never 0: 0 is a free slot), u32 bucket (U32Vec)

function indexList(g: Graph): U32Vec { return changetype<U32Vec>(g.indexes); }

export function indexCount(g: Graph): u32 { return changetype<usize>(g) == 0 ? 0 : indexList(g).len; }

export function indexAt(g: Graph, i: u32): Index { return changetype<Index>(<usize>vecGet(indexList(g), i)); }

/** The index of (label or relationship type, prop), or null. */
export function indexFind(g: Graph, onEdges: bool, label: u32, prop: u32): Index | null {
  const n = indexCount(g);
  for (let i: u32 = 0; i < n; i++) {
    const idx = indexAt(g, i);
    if (idx.onEdges == <u32>onEdges && idx.label == label && idx.prop == prop) return idx;
  }
  return null;
}

function mix(h: u64): u32 {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccd;
  h ^= h >> 33;
  const x = <u32>h;
  return x == 0 ? 1 : x;
}

/** The hash of a stored value: (type, payload bits) or, for a string, its bytes at ptr. */
export function valueHash(type: u32, payload: u64, ptr: usize, len: u32): u32 {
  if (type == P_STRING) return mix(murmurHash64A(ptr, <i32>len, 0x5eed));
  if (type == P_DOUBLE) {
    const f = reinterpret<f64>(payload);
    // an integral double equals the integer: hash it as one
    if (f == Math.floor(f) && Math.abs(f) < 9.0e18) return mix(<u64>(<i64>f));
    return mix(payload ^ 0x9e3779b97f4a7c15);
  }
  if (type == P_BOOL) return payload != 0 ? 0x7b01 : 0x7b00;
  return mix(payload); // P_INT
}

function slotAt(idx: Index, i: u32): usize { return idx.table + <usize>i * SLOT; }

/** The slot for `hash`: its own, or the free one where it would go. */
function probe(idx: Index, hash: u32): usize {
  const mask = idx.cap - 1;
  let i = hash & mask;
  while (true) {
    const s = slotAt(idx, i);
    const h = load<u32>(s);
    if (h == 0 || h == hash) return s;
    i = (i + 1) & mask;
  }
  return 0;
}

function grow(g: Graph, idx: Index): void {
  const old = idx.table, oldCap = idx.cap;
  idx.cap = oldCap == 0 ? 16 : oldCap << 1;
  idx.table = gAlloc(g, <usize>idx.cap * SLOT);
  memory.fill(idx.table, 0, <usize>idx.cap * SLOT);
  idx.used = 0;
  for (let i: u32 = 0; i < oldCap; i++) {
    const s = old + <usize>i * SLOT;
    const h = load<u32>(s);
    if (h == 0) continue;
    const bucket = changetype<U32Vec>(<usize>load<u32>(s, 4));
    if (bucket.len == 0) {
      vecFree(g, bucket);
      continue;
    }
    const t = probe(idx, h);
    store<u32>(t, h);
    store<u32>(t, <u32>changetype<usize>(bucket), 4);
    idx.used++;
  }
  if (old != 0) gFree(g, old, <usize>oldCap * SLOT);
}

/** The index's non-empty buckets (together: every id it holds). */
export function indexBuckets(idx: Index): Array<U32Vec> {
  const out = new Array<U32Vec>();
  for (let i: u32 = 0; i < idx.cap; i++) {
    const s = slotAt(idx, i);
    if (load<u32>(s) == 0) continue;
    const bucket = changetype<U32Vec>(<usize>load<u32>(s, 4));
    if (bucket.len > 0) out.push(bucket);
  }
  return out;
}

/** The ids of the nodes whose value hashes to `hash` (check each), or 0 for none. */
export function indexBucket(idx: Index, hash: u32): U32Vec {
  if (idx.cap == 0) return changetype<U32Vec>(0);
  const s = probe(idx, hash);
  return changetype<U32Vec>(load<u32>(s) == 0 ? <usize>0 : <usize>load<u32>(s, 4));
}

/** The properties of entity `id` of the index's kind. */
export function indexedProps(g: Graph, idx: Index, id: u32): usize {
  return load<usize>(idx.onEdges != 0 ? edgeRec(g, id) + E_PROPS : nodeRec(g, id) + N_PROPS);
}

/** The hash of entity `id`'s indexed value, or 0 when it is not in the index (no label, no value, a list). */
export function entityKey(g: Graph, idx: Index, id: u32): u32 {
  if (idx.onEdges != 0 ? load<u32>(edgeRec(g, id) + E_TYPE) != idx.label : !nodeHasLabel(g, id, idx.label)) return 0;
  const e = propFind(indexedProps(g, idx, id), idx.prop);
  if (e == 0) return 0;
  const type = propType(e);
  if (!indexableType(type)) return 0; // lists, points, temporal values: not indexed
  if (type == P_STRING) {
    const b = <usize>propPayload(e);
    return valueHash(type, 0, blobData(b), blobLen(b));
  }
  return valueHash(type, propPayload(e), 0, 0);
}

/** Forgets the value order after a change: the next range lookup sorts again. */
function dropOrder(g: Graph, idx: Index): void {
  if (idx.sorted == 0) return;
  vecFree(g, changetype<U32Vec>(idx.sorted));
  idx.sorted = 0;
}

function add(g: Graph, idx: Index, id: u32): void {
  const hash = entityKey(g, idx, id);
  if (hash == 0) return;
  dropOrder(g, idx);
  if ((idx.used + 1) * 2 > idx.cap) grow(g, idx);
  const s = probe(idx, hash);
  if (load<u32>(s) == 0) {
    store<u32>(s, hash);
    store<u32>(s, <u32>changetype<usize>(vecNew(g, 1)), 4);
    idx.used++;
  }
  vecPush(g, changetype<U32Vec>(<usize>load<u32>(s, 4)), id);
}

function remove(g: Graph, idx: Index, id: u32): void {
  const hash = entityKey(g, idx, id);
  if (hash == 0) return;
  const bucket = indexBucket(idx, hash);
  if (changetype<usize>(bucket) != 0 && vecRemove(bucket, id)) dropOrder(g, idx);
}

/** Enters node (or edge) `id` in every index it belongs to (after it was created or changed). */
export function indexLink(g: Graph, onEdges: bool, id: u32): void {
  const n = indexCount(g);
  for (let i: u32 = 0; i < n; i++) {
    const idx = indexAt(g, i);
    if (idx.onEdges == <u32>onEdges) add(g, idx, id);
  }
}

/** Takes node (or edge) `id` out of every index it is in (before it changes or goes). */
export function indexUnlink(g: Graph, onEdges: bool, id: u32): void {
  const n = indexCount(g);
  for (let i: u32 = 0; i < n; i++) {
    const idx = indexAt(g, i);
    if (idx.onEdges == <u32>onEdges) remove(g, idx, id);
  }
}

/** Adds an index on (label or relationship type, prop) and fills it from the graph's nodes or edges. */
export function indexCreate(g: Graph, onEdges: bool, label: u32, prop: u32): Index {
  const idx = changetype<Index>(gAlloc(g, INDEX_SIZE));
  idx.onEdges = <u32>onEdges;
  idx.label = label;
  idx.prop = prop;
  idx.table = 0;
  idx.cap = 0;
  idx.used = 0;
  idx.sorted = 0;
  vecPush(g, indexList(g), <u32>changetype<usize>(idx));
  if (onEdges) {
    for (let id: u32 = 0; id < g.edgeSlots; id++) if (edgeAlive(g, id)) add(g, idx, id);
  } else {
    for (let id: u32 = 0; id < g.nodeSlots; id++) if (nodeAlive(g, id)) add(g, idx, id);
  }
  return idx;
}

function indexFree(g: Graph, idx: Index): void {
  dropOrder(g, idx);
  for (let i: u32 = 0; i < idx.cap; i++) {
    const s = slotAt(idx, i);
    if (load<u32>(s) != 0) vecFree(g, changetype<U32Vec>(<usize>load<u32>(s, 4)));
  }
  if (idx.table != 0) gFree(g, idx.table, <usize>idx.cap * SLOT);
  gFree(g, changetype<usize>(idx), INDEX_SIZE);
}

export function indexDrop(g: Graph, idx: Index): void {
  vecRemove(indexList(g), <u32>changetype<usize>(idx));
  indexFree(g, idx);
}

/** Frees every index and the list (when the graph goes). */
export function indexesFree(g: Graph): void {
  const n = indexCount(g);
  for (let i: u32 = 0; i < n; i++) indexFree(g, indexAt(g, i));
  vecFree(g, indexList(g));
}

/** Heap bytes the indexes occupy (GRAPH.MEMORY USAGE's indices). */
export function indexBytes(g: Graph): usize {
  let bytes = vecBytes(g.indexes);
  const n = indexCount(g);
  for (let k: u32 = 0; k < n; k++) {
    const idx = indexAt(g, k);
    bytes += heapFootprint(INDEX_SIZE) + vecBytes(idx.sorted);
    if (idx.table == 0) continue;
    bytes += heapFootprint(<usize>idx.cap * SLOT);
    for (let i: u32 = 0; i < idx.cap; i++) {
      const s = slotAt(idx, i);
      if (load<u32>(s) != 0) bytes += vecBytes(<usize>load<u32>(s, 4));
    }
  }
  return bytes;
}

