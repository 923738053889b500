// Creating and deleting nodes and edges, with FalkorDB's id reuse: a new entity takes the most recently
// freed id of its kind, else the next never-used one.
import {
  E_ALIVE, E_DST, E_PROPS, E_SRC, E_TYPE, EDGE_SIZE, Graph, N_ALIVE, N_IN, N_LABELS, N_OUT, N_PROPS, NODE_SIZE,
  edgeRec, growRecords, grownCapacity, nodeRec,
} from "./graph";
import { propsFree } from "./props";
import { indexesFree } from "./index";
import { constraintsFree } from "./constraints";
import { U32Vec, vecFree, vecGet, vecInsert, vecNew, vecPop, vecPush, vecRemove } from "./u32-vec";

export function freeList(g: Graph, nodes: bool): U32Vec { return changetype<U32Vec>(nodes ? g.freeNodes : g.freeEdges); }

/** A node's or edge's record table: the four Graph fields from `nodes` (or `edges`) on, in this order. */
@unmanaged class Table {
  records: usize;
  cap: u32;
  slots: u32;
  count: u32;
}

function table(g: Graph, nodes: bool): Table {
  return changetype<Table>(changetype<usize>(g) + (nodes ? offsetof<Graph>("nodes") : offsetof<Graph>("edges")));
}

/** The id a new node (or edge) takes: the most recently freed one, else the next never used. */
function takeId(g: Graph, nodes: bool): u32 {
  const free = freeList(g, nodes);
  const t = table(g, nodes);
  t.count++;
  if (free.len > 0) return vecPop(free);
  if (t.slots == t.cap) {
    const next = grownCapacity(t.cap, t.slots + 1);
    t.records = growRecords(g, t.records, t.cap, next, nodes ? NODE_SIZE : EDGE_SIZE);
    t.cap = next;
  }
  return t.slots++;
}

export function nodeCreate(g: Graph): u32 {
  const id = takeId(g, true);
  const r = nodeRec(g, id);
  memory.fill(r, 0, NODE_SIZE);
  store<u32>(r + N_ALIVE, 1);
  return id;
}

/** Adds label `label` to node `id`; false when it already had it. */
export function nodeAddLabel(g: Graph, id: u32, label: u32): bool {
  const slot = nodeRec(g, id) + N_LABELS;
  let v = load<usize>(slot);
  if (v == 0) {
    v = changetype<usize>(vecNew(g, 1));
    store<usize>(slot, v);
  }
  const labels = changetype<U32Vec>(v);
  for (let i: u32 = 0; i < labels.len; i++) if (vecGet(labels, i) == label) return false;
  vecPush(g, labels, label);
  return true;
}

export function nodeRemoveLabel(g: Graph, id: u32, label: u32): bool {
  const v = load<usize>(nodeRec(g, id) + N_LABELS);
  return v != 0 && vecRemove(changetype<U32Vec>(v), label);
}

export function nodeHasLabel(g: Graph, id: u32, label: u32): bool {
  const v = load<usize>(nodeRec(g, id) + N_LABELS);
  if (v == 0) return false;
  const labels = changetype<U32Vec>(v);
  for (let i: u32 = 0; i < labels.len; i++) if (vecGet(labels, i) == label) return true;
  return false;
}

/** The node's labels, or 0 for none. */
export function nodeLabels(g: Graph, id: u32): U32Vec { return changetype<U32Vec>(load<usize>(nodeRec(g, id) + N_LABELS)); }

/** Outgoing (or incoming) edge ids of a node, or 0 for none. */
export function nodeEdges(g: Graph, id: u32, outgoing: bool): U32Vec {
  return changetype<U32Vec>(load<usize>(nodeRec(g, id) + (outgoing ? N_OUT : N_IN)));
}

function adjacencyPush(g: Graph, node: u32, field: u32, edge: u32): void {
  const slot = nodeRec(g, node) + field;
  let v = load<usize>(slot);
  if (v == 0) {
    v = changetype<usize>(vecNew(g, 2));
    store<usize>(slot, v);
  }
  vecPush(g, changetype<U32Vec>(v), edge);
}

/** Enters edge `id` (its record written) in its endpoints' adjacency. */
export function edgeLink(g: Graph, id: u32): void {
  const r = edgeRec(g, id);
  adjacencyPush(g, load<u32>(r + E_SRC), N_OUT, id);
  adjacencyPush(g, load<u32>(r + E_DST), N_IN, id);
}

export function edgeCreate(g: Graph, src: u32, dst: u32, type: u32): u32 {
  const id = takeId(g, false);
  const r = edgeRec(g, id);
  store<u32>(r + E_ALIVE, 1);
  store<u32>(r + E_SRC, src);
  store<u32>(r + E_DST, dst);
  store<u32>(r + E_TYPE, type);
  store<usize>(r + E_PROPS, 0);
  edgeLink(g, id);
  return id;
}

export function edgeDelete(g: Graph, id: u32): void {
  const r = edgeRec(g, id);
  const src = load<u32>(r + E_SRC), dst = load<u32>(r + E_DST);
  vecRemove(nodeEdges(g, src, true), id);
  vecRemove(nodeEdges(g, dst, false), id);
  propsFree(g, load<usize>(r + E_PROPS));
  memory.fill(r, 0, EDGE_SIZE);
  vecPush(g, freeList(g, false), id);
  g.edgeCount--;
}

/** Deletes a node and the edges still attached to it; returns how many edges went with it. */
export function nodeDelete(g: Graph, id: u32): u32 {
  let removed: u32 = 0;
  for (let k = 0; k < 2; k++) {
    const out = k == 0;
    let v = nodeEdges(g, id, out);
    while (changetype<usize>(v) != 0 && v.len > 0) {
      edgeDelete(g, vecGet(v, v.len - 1));
      removed++;
      v = nodeEdges(g, id, out);
    }
  }
  const r = nodeRec(g, id);
  for (let f: u32 = N_LABELS; f <= N_IN; f += 4) {
    const v = load<usize>(r + f);
    if (v == 0) continue;
    if (f == N_PROPS) propsFree(g, v);
    else vecFree(g, changetype<U32Vec>(v));
  }
  memory.fill(r, 0, NODE_SIZE);
  vecPush(g, freeList(g, true), id);
  g.nodeCount--;
  return removed;
}

/** Frees everything the graph holds, the header last. */
export function graphFree(g: Graph): void {
  for (let id: u32 = 0; id < g.nodeSlots; id++) {
    if (load<u32>(nodeRec(g, id) + N_ALIVE) == 0) continue;
    const r = nodeRec(g, id);
    propsFree(g, load<usize>(r + N_PROPS));
    for (let f: u32 = N_LABELS; f <= N_IN; f += 4) if (f != N_PROPS && load<usize>(r + f) != 0) vecFree(g, changetype<U32Vec>(load<usize>(r + f)));
  }
  for (let id: u32 = 0; id < g.edgeSlots; id++) {
    if (load<u32>(edgeRec(g, id) + E_ALIVE) != 0) propsFree(g, load<usize>(edgeRec(g, id) + E_PROPS));
  }
  if (g.nodes != 0) heap.free(g.nodes);
  if (g.edges != 0) heap.free(g.edges);
  vecFree(g, freeList(g, true));
  vecFree(g, freeList(g, false));
  freeNames(g, g.labels);
  freeNames(g, g.relTypes);
  freeNames(g, g.propKeys);
  indexesFree(g);
  constraintsFree(g);
  heap.free(changetype<usize>(g));
}

function freeNames(g: Graph, t: usize): void {
  const v = changetype<U32Vec>(t);
  for (let i: u32 = 0; i < v.len; i++) heap.free(vecGet(v, i));
  vecFree(g, v);
}

// ---- undoing a failed query's writes (cypher/undo.ts), in reverse order, so free lists come back as they were ----

/** Whether the next creation of its kind takes a never-used id (none freed). */
export function nextIdFresh(g: Graph, nodes: bool): bool { return freeList(g, nodes).len == 0; }

/** After deleting again an entity this query created: a never-used id becomes never-used again. */
export function idUncreate(g: Graph, nodes: bool, fresh: bool): void {
  if (!fresh) return;
  vecPop(freeList(g, nodes));
  table(g, nodes).slots--;
}

/** Brings back entity `id`, the most recently freed of its kind: a blank live record, returned. */
export function idRevive(g: Graph, nodes: bool, id: u32): usize {
  vecPop(freeList(g, nodes));
  table(g, nodes).count++;
  const r = nodes ? nodeRec(g, id) : edgeRec(g, id);
  memory.fill(r, 0, nodes ? NODE_SIZE : EDGE_SIZE);
  store<u32>(r, 1); // N_ALIVE / E_ALIVE
  return r;
}

/** Puts revived edge `id` back in its ends' adjacency at the positions it had. */
export function edgeRelink(g: Graph, id: u32, outAt: u32, inAt: u32): void {
  const r = edgeRec(g, id);
  adjacencyInsert(g, load<u32>(r + E_SRC), N_OUT, outAt, id);
  adjacencyInsert(g, load<u32>(r + E_DST), N_IN, inAt, id);
}

function adjacencyInsert(g: Graph, node: u32, field: u32, at: u32, edge: u32): void {
  const slot = nodeRec(g, node) + field;
  if (load<usize>(slot) == 0) store<usize>(slot, changetype<usize>(vecNew(g, 2)));
  vecInsert(g, changetype<U32Vec>(load<usize>(slot)), at, edge);
}
