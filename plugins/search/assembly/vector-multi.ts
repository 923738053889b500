// Multi-value VECTOR fields: a JSON path that may match several arrays (`$.vs[*]`) gives a document
// several vectors, as RediSearch 2.6+ indexes them (VecSim's multi indexes). The engine stores one
// vector per label, so each vector gets a label of its own, `owners` maps it back to its document, and
// a document's labels are consecutive (its vectors are indexed together): `firsts` keeps its first
// label and count. A query asks the engine for vectors and answers documents, each at the distance of
// its nearest vector; a KNN asks for more vectors until it has k distinct documents (or the index has no
// more), so a document with many near vectors never crowds others out. ADR 0051.
import { bmCreate, bmDelete, bmFind, bmFree, bmSet, bmVal } from "ferrite-sdk";
import { VectorIndex } from "ferrite-sdk/vector";
import { ResultSet } from "./query/results";
import { scratchAlloc } from "./scratch";
import { sortU64 } from "./sort-u64";
import { U32List, listFree, listGet, listNew, listPush, listSet } from "./u32-list";
import { VectorParams, engine, inFilter, resultsByKey } from "./vector-field";

/** A label whose vector is gone. */
const GONE: u32 = 0xffffffff;

@unmanaged class MultiState {
  /** Label → doc id (GONE once removed). */
  owners: U32List;
  /** Doc id (4 bytes) → [first label u32][count u32]. */
  firsts: usize;
}

function state(p: VectorParams): MultiState {
  if (p.owners == 0) {
    const st = changetype<MultiState>(heap.alloc(offsetof<MultiState>()));
    st.owners = listNew(16);
    st.firsts = bmCreate();
    p.owners = changetype<usize>(st);
  }
  return changetype<MultiState>(p.owners);
}

const docKey = memory.data(4);
const firstVal = memory.data(8);

/** Adds one of document `docId`'s vectors (a blob of the field's size). */
export function multiAdd(p: VectorParams, docId: u32, ptr: usize): void {
  const st = state(p);
  const label = <u32>st.owners.len;
  listPush(st.owners, docId);
  engine(p).add(label, ptr);
  store<u32>(docKey, docId);
  const e = bmFind(st.firsts, docKey, 4);
  if (e != 0) store<u32>(bmVal(e), load<u32>(bmVal(e), 4) + 1, 4);
  else {
    store<u32>(firstVal, label);
    store<u32>(firstVal, 1, 4);
    bmSet(st.firsts, docKey, 4, firstVal, 8);
  }
}

/** Removes every vector of document `docId`. */
export function multiRemove(p: VectorParams, docId: u32): void {
  if (p.owners == 0 || p.engine == 0) return;
  const st = changetype<MultiState>(p.owners);
  store<u32>(docKey, docId);
  const e = bmFind(st.firsts, docKey, 4);
  if (e == 0) return;
  const first = load<u32>(bmVal(e)), count = load<u32>(bmVal(e), 4);
  const index = changetype<VectorIndex>(p.engine);
  for (let label = first; label < first + count; label++) {
    index.delete(label);
    listSet(st.owners, <i32>label, GONE);
  }
  bmDelete(st.firsts, docKey, 4);
}

/** Forgets every document (the engine itself is cleared by the caller). */
export function multiFree(p: VectorParams): void {
  if (p.owners == 0) return;
  const st = changetype<MultiState>(p.owners);
  listFree(st.owners);
  bmFree(st.firsts);
  heap.free(p.owners);
  p.owners = 0;
}

/** Bytes the label bookkeeping holds (FT.INFO's vector_index_sz_mb counts it with the engine). */
export function multiBytes(p: VectorParams): usize {
  if (p.owners == 0) return 0;
  return <usize>changetype<MultiState>(p.owners).owners.cap << 2;
}

// The filter's context during a multi-value search: the filter's result set and the owners list.
const filterCtx = memory.data(8);

/** The KNN filter on labels: whether the label's document is in the filter's result set. */
function inFilterMulti(label: u32, ctx: usize): bool {
  return inFilter(listGet(changetype<U32List>(<usize>load<u32>(ctx, 4)), <i32>label), <usize>load<u32>(ctx));
}

/**
 * KNN over documents: the k documents whose nearest vectors are nearest, at that distance, as a result
 * set (doc ids ascending). `filter` is the filter's result set or 0.
 */
export function multiKnn(p: VectorParams, query: usize, k: i32, ef: i32, filter: usize): ResultSet {
  const st = state(p);
  const index = engine(p);
  store<u32>(filterCtx, <u32>filter);
  store<u32>(filterCtx, <u32>changetype<usize>(st.owners), 4);
  let want = k;
  while (true) {
    const count = filter == 0
      ? index.knn(query, want, ef, null, 0, -1)
      : index.knn(query, want, ef, inFilterMulti, filterCtx, changetype<ResultSet>(filter).len);
    const keys = scratchAlloc(<usize>max(count, 1) << 3);
    const docs = nearestPerDoc(st, index, count, keys);
    if (docs >= k || count < want || <u32>want >= index.size()) return topDocs(index, keys, docs, k);
    want = <i32>min(<i64>want << 1, <i64>index.size());
  }
}

/** VECTOR_RANGE over documents: every document with a vector within `radius`, at its nearest. */
export function multiRange(p: VectorParams, query: usize, radius: f64): ResultSet {
  const st = state(p);
  const index = engine(p);
  const count = index.range(query, radius, -1, null, 0);
  const keys = scratchAlloc(<usize>max(count, 1) << 3);
  return topDocs(index, keys, nearestPerDoc(st, index, count, keys), 0x7fffffff);
}

/**
 * Groups the engine's `count` results (nearest first) by document; leaves at `keys` (room for count
 * u64) each document's nearest result as (position << 32 | doc id), nearest first, and returns how many
 * documents.
 */
function nearestPerDoc(st: MultiState, index: VectorIndex, count: i32, keys: usize): i32 {
  for (let i = 0; i < count; i++) {
    store<u64>(keys + (<usize>i << 3), (<u64>listGet(st.owners, <i32>index.resultLabel(i)) << 32) | <u64>i);
  }
  sortU64(keys, count);
  // The first entry of each document's run is its nearest result: keep those, by position.
  let docs = 0;
  let previous: u64 = 0xffffffff; // no doc id: owners hold doc ids only
  for (let i = 0; i < count; i++) {
    const key = load<u64>(keys + (<usize>i << 3));
    if (key >> 32 == previous) continue;
    previous = key >> 32;
    store<u64>(keys + (<usize>docs << 3), (key << 32) | (key >> 32)); // position first, to sort by it
    docs++;
  }
  sortU64(keys, docs);
  return docs;
}

/** The nearest `k` of nearestPerDoc's `docs` documents at `keys` as a result set, doc ids ascending. */
function topDocs(index: VectorIndex, keys: usize, docs: i32, k: i32): ResultSet {
  const n = min(docs, k);
  // Back to (doc id << 32 | position) for the n nearest.
  for (let i = 0; i < n; i++) {
    const key = load<u64>(keys + (<usize>i << 3));
    store<u64>(keys + (<usize>i << 3), (key << 32) | (key >> 32));
  }
  return resultsByKey(index, keys, n);
}
