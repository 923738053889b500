// The serialized form of a graph (persistence, DUMP/RESTORE, COPY): little-endian, everything by id so
// a loaded graph answers with the same ids, free lists included (the next creations reuse the same ids).
//   u32 version | 3 name tables: u32 count, then [u32 len][bytes] each
//   (version 2) indexes: u32 count, then u32 label id, u32 property key id each; rebuilt from the nodes
//     (version 3: u32 label or relationship type id, u32 property key id, u32 1 on edges / 0 on nodes)
//   (version 2) constraints: u32 count, then u8 type, u8 on edges, u8 status, u8 n, u32 label/type, n key ids
//   u32 node slots, then per slot u8 alive; alive: u32 label count, label ids, properties
//   u32 edge slots, then per slot u8 alive; alive: u32 src, u32 dst, u32 type, properties
//   free node ids, free edge ids: u32 count then the ids, oldest first
// properties: u32 count, then per property u32 key, u8 type, then 8 payload bytes or [u32 len][bytes].
// Adjacency is rebuilt from the edges in id order. The free lists must name dead slots.
import { E_ALIVE, E_DST, E_PROPS, E_SRC, E_TYPE, EDGE_SIZE, Graph, N_ALIVE, N_LABELS, N_PROPS, NODE_SIZE, edgeRec, graphCreate, growRecords, nodeRec } from "./graph";
import { blobData, blobLen } from "./blob";
import { edgeLink, freeList, graphFree, nodeAddLabel } from "./entities";
import { LABELS, PROP_KEYS, REL_TYPES, nameCount, nameAt, nameIntern } from "./names";
import { P_BOOL, P_DOUBLE, P_INT, P_LIST, P_STRING, inlinePayload, propEntry, propKey, propPayload, propSet, propType, propsCount } from "./props";
import { U32Vec, vecGet, vecPush } from "./u32-vec";
import { indexAt, indexCount, indexCreate, indexFind } from "./index";
import { FAILED, MANDATORY, cCount, constraintAdd, constraintAt, constraintCount } from "./constraints";

const VERSION: u32 = 3;
/** The form before relationship indexes: index entries without their kind (all on nodes). */
const VERSION_2: u32 = 2;
/** The form before indexes: no index section. */
const VERSION_1: u32 = 1;

// The save buffer: the plugin's own, never one a command uses (a save may run inside a command).
let out: usize = 0;
let outCap: usize = 0;
let outLen: usize = 0;

function reserve(n: usize): usize {
  if (outLen + n > outCap) {
    let cap: usize = outCap < 4096 ? 4096 : outCap;
    while (cap < outLen + n) cap <<= 1;
    const fresh = heap.alloc(cap);
    if (out != 0) {
      memory.copy(fresh, out, outLen);
      heap.free(out);
    }
    out = fresh;
    outCap = cap;
  }
  const at = out + outLen;
  outLen += n;
  return at;
}

function putU32(v: u32): void { store<u32>(reserve(4), v); }
function putU8(v: u8): void { store<u8>(reserve(1), v); }
function putBytes(ptr: usize, len: u32): void {
  putU32(len);
  memory.copy(reserve(len), ptr, len);
}

function putProps(p: usize): void {
  const n = propsCount(p);
  putU32(n);
  for (let i: u32 = 0; i < n; i++) {
    const e = propEntry(p, i);
    putU32(propKey(e));
    const type = propType(e);
    putU8(<u8>type);
    if (type == P_STRING || type == P_LIST) {
      const b = <usize>propPayload(e);
      putBytes(blobData(b), blobLen(b));
    } else store<u64>(reserve(8), propPayload(e));
  }
}

function putVec(v: usize): void {
  if (v == 0) {
    putU32(0);
    return;
  }
  const vec = changetype<U32Vec>(v);
  putU32(vec.len);
  for (let i: u32 = 0; i < vec.len; i++) putU32(vecGet(vec, i));
}

/** Serializes `g` into the save buffer; returns its address, the length in `savedLen()`. */
export function graphEncode(g: Graph): usize {
  outLen = 0;
  putU32(VERSION);
  for (let which = LABELS; which <= PROP_KEYS; which++) {
    const n = nameCount(g, which);
    putU32(n);
    for (let i: u32 = 0; i < n; i++) {
      const b = nameAt(g, which, i);
      putBytes(blobData(b), blobLen(b));
    }
  }
  const indexes = indexCount(g);
  putU32(indexes);
  for (let i: u32 = 0; i < indexes; i++) {
    putU32(indexAt(g, i).label);
    putU32(indexAt(g, i).prop);
    putU32(indexAt(g, i).onEdges);
  }
  const constraints = constraintCount(g);
  putU32(constraints);
  for (let i: u32 = 0; i < constraints; i++) {
    const c = constraintAt(g, i);
    const bytes = 8 + (cCount(c) << 2);
    memory.copy(reserve(bytes), c, bytes);
  }
  putU32(g.nodeSlots);
  for (let id: u32 = 0; id < g.nodeSlots; id++) {
    const r = nodeRec(g, id);
    const alive = load<u32>(r + N_ALIVE) != 0;
    putU8(alive ? 1 : 0);
    if (!alive) continue;
    putVec(load<usize>(r + N_LABELS));
    putProps(load<usize>(r + N_PROPS));
  }
  putU32(g.edgeSlots);
  for (let id: u32 = 0; id < g.edgeSlots; id++) {
    const r = edgeRec(g, id);
    const alive = load<u32>(r + E_ALIVE) != 0;
    putU8(alive ? 1 : 0);
    if (!alive) continue;
    putU32(load<u32>(r + E_SRC));
    putU32(load<u32>(r + E_DST));
    putU32(load<u32>(r + E_TYPE));
    putProps(load<usize>(r + E_PROPS));
  }
  putVec(g.freeNodes);
  putVec(g.freeEdges);
  return out;
}

export function savedLen(): i32 { return <i32>outLen; }

// The load cursor: a read past the end sets `bad` and yields zeros, checked once per record.
let at: usize = 0;
let end: usize = 0;
let bad = false;

function getU32(): u32 {
  if (end - at < 4 || at > end) {
    bad = true;
    return 0;
  }
  const v = load<u32>(at);
  at += 4;
  return v;
}

function getU8(): u8 {
  if (at >= end) {
    bad = true;
    return 0;
  }
  return load<u8>(at++);
}

/** The next [u32 len][bytes]: its bytes' address, the length in `gotLen`. */
let gotLen: u32 = 0;
function getBytes(): usize {
  gotLen = getU32();
  if (bad || <usize>gotLen > end - at) {
    bad = true;
    gotLen = 0;
    return at;
  }
  const p = at;
  at += gotLen;
  return p;
}

function getProps(g: Graph, slot: usize): void {
  const n = getU32();
  const keys = nameCount(g, PROP_KEYS);
  for (let i: u32 = 0; i < n && !bad; i++) {
    const key = getU32();
    const type = <u32>getU8();
    if (key >= keys) bad = true;
    if (type == P_STRING || type == P_LIST) {
      const p = getBytes();
      if (type == P_LIST && !bad && validListEnd(p, p + gotLen, 0) != p + gotLen) bad = true;
      if (!bad) propSet(g, slot, key, type, <u64>p, gotLen);
    } else if (inlinePayload(type)) {
      if (end - at < 8) bad = true;
      if (bad) return;
      propSet(g, slot, key, type, load<u64>(at), 0);
      at += 8;
    } else bad = true;
  }
}

// A list property's bytes (cypher/list-codec.ts): u32 count, then items of a kind byte and a payload.
const LIST_NULL: u8 = 1;
const LIST_STRING: u8 = 2;
const LIST_LIST: u8 = 6;
const MAX_NESTING = 64;

/** Where the list at `p` ends if it is well formed within `limit`, else 0. */
function validListEnd(p: usize, limit: usize, depth: i32): usize {
  if (depth > MAX_NESTING || limit - p < 4) return 0;
  const n = load<u32>(p);
  p += 4;
  for (let i: u32 = 0; i < n; i++) {
    if (p >= limit) return 0;
    const kind = load<u8>(p++);
    if (kind == LIST_NULL) continue;
    if (kind == LIST_LIST) {
      p = validListEnd(p, limit, depth + 1);
      if (p == 0) return 0;
    } else if (kind == LIST_STRING) {
      if (limit - p < 4 || <usize>load<u32>(p) > limit - p - 4) return 0;
      p += 4 + <usize>load<u32>(p);
    } else if (kind == <u8>P_INT || kind == <u8>P_BOOL || kind == <u8>P_DOUBLE) {
      if (limit - p < 8) return 0;
      p += 8;
    } else return 0;
  }
  return p;
}

/** A graph from its serialized bytes, or 0 when they are malformed. */
export function graphDecode(ptr: usize, len: i32): usize {
  at = ptr;
  end = ptr + <usize>len;
  bad = false;
  const version = getU32();
  if (version != VERSION && version != VERSION_2 && version != VERSION_1) return 0;
  const g = graphCreate();
  for (let which = LABELS; which <= PROP_KEYS && !bad; which++) {
    const n = getU32();
    for (let i: u32 = 0; i < n && !bad; i++) {
      const p = getBytes();
      if (!bad && nameIntern(g, which, p, gotLen) != i) bad = true; // a repeated name
    }
  }
  const labels = nameCount(g, LABELS), types = nameCount(g, REL_TYPES);
  // Index definitions as (label or type, property[, on edges]), checked now, built once the entities are in.
  const indexes: u32 = version == VERSION_1 ? 0 : getU32();
  const indexDefs = at;
  const stride: usize = version == VERSION_2 ? 8 : 12;
  if (!bad && <usize>indexes > (end - at) / stride) bad = true;
  for (let i: u32 = 0; i < indexes && !bad; i++) {
    const label = getU32(), prop = getU32();
    const onEdges = version == VERSION_2 ? 0 : getU32();
    if (onEdges > 1 || label >= (onEdges != 0 ? types : labels) || prop >= nameCount(g, PROP_KEYS)) bad = true;
  }
  const constraints: u32 = version == VERSION_1 ? 0 : getU32();
  for (let i: u32 = 0; i < constraints && !bad; i++) {
    const c = at;
    const type = getU8(), onEdges = getU8(), status = getU8(), n = <u32>getU8(), schema = getU32();
    for (let k: u32 = 0; k < n && !bad; k++) if (getU32() >= nameCount(g, PROP_KEYS)) bad = true;
    if (bad || type > MANDATORY || onEdges > 1 || status > FAILED || n == 0 || schema >= (onEdges != 0 ? types : labels)) {
      bad = true;
      break;
    }
    constraintAdd(g, type, onEdges != 0, status, schema, c + 8, n);
  }
  const nodes = getU32();
  if (!bad && <usize>nodes > end - at) bad = true; // at least one byte per slot
  if (!bad && nodes > 0) {
    g.nodes = growRecords(g, 0, 0, nodes, NODE_SIZE);
    g.nodeCap = nodes;
    g.nodeSlots = nodes;
  }
  for (let id: u32 = 0; id < nodes && !bad; id++) {
    if (getU8() == 0) continue;
    const r = nodeRec(g, id);
    store<u32>(r + N_ALIVE, 1);
    g.nodeCount++;
    const n = getU32();
    for (let i: u32 = 0; i < n && !bad; i++) {
      const label = getU32();
      if (label >= labels || !nodeAddLabel(g, id, label)) bad = true;
    }
    getProps(g, r + N_PROPS);
  }
  const edges = getU32();
  if (!bad && <usize>edges > end - at) bad = true;
  if (!bad && edges > 0) {
    g.edges = growRecords(g, 0, 0, edges, EDGE_SIZE);
    g.edgeCap = edges;
    g.edgeSlots = edges;
  }
  for (let id: u32 = 0; id < edges && !bad; id++) {
    if (getU8() == 0) continue;
    const src = getU32(), dst = getU32(), type = getU32();
    if (bad || src >= nodes || dst >= nodes || type >= types || load<u32>(nodeRec(g, src) + N_ALIVE) == 0 || load<u32>(nodeRec(g, dst) + N_ALIVE) == 0) {
      bad = true;
      break;
    }
    const r = edgeRec(g, id);
    store<u32>(r + E_ALIVE, 1);
    store<u32>(r + E_SRC, src);
    store<u32>(r + E_DST, dst);
    store<u32>(r + E_TYPE, type);
    edgeLink(g, id);
    g.edgeCount++;
    getProps(g, r + E_PROPS);
  }
  readIds(g, nodes, true);
  readIds(g, edges, false);
  if (bad || at != end) {
    graphFree(g);
    return 0;
  }
  for (let i: u32 = 0; i < indexes; i++) {
    const def = indexDefs + <usize>i * stride;
    const label = load<u32>(def), prop = load<u32>(def, 4);
    const onEdges = version != VERSION_2 && load<u32>(def, 8) != 0;
    if (indexFind(g, onEdges, label, prop) === null) indexCreate(g, onEdges, label, prop);
  }
  return changetype<usize>(g);
}

/** A saved free list: ids of dead slots below `limit`, into the graph's (empty) list. */
function readIds(g: Graph, limit: u32, nodes: bool): void {
  const n = getU32();
  if (bad || <usize>n > (end - at) >> 2) {
    bad = true;
    return;
  }
  const v = freeList(g, nodes);
  for (let i: u32 = 0; i < n; i++) {
    const id = getU32();
    if (id >= limit || load<u32>(nodes ? nodeRec(g, id) + N_ALIVE : edgeRec(g, id) + E_ALIVE) != 0) {
      bad = true;
      return;
    }
    vecPush(g, v, id);
  }
}

/** An independent copy (COPY), through the serialized form. */
export function graphCopy(g: Graph): usize {
  graphEncode(g);
  return graphDecode(out, <i32>outLen);
}

