// A graph value: one header block in the plugin's memory (manual memory, never the managed heap: the
// query engine's temporaries are collected after each command, a stored graph never is). Nodes and
// edges are fixed-size records in two growable arrays indexed by id; a deleted id goes on a free list
// and the next creation takes the most recently freed one, as FalkorDB's DataBlock does.
import { heapFootprint } from "ferrite-sdk";
import { vecNew } from "./u32-vec";

@unmanaged export class Graph {
  /** Heap bytes the value occupies, kept as it changes: MEMORY USAGE and the host's tier count read it in O(1). */
  bytes: i64;
  // nodes..nodeCount and edges..edgeCount are each laid out as entities.ts's Table.
  nodes: usize;
  nodeCap: u32;
  /** Slots ever used: ids run 0..nodeSlots-1, some of them deleted. */
  nodeSlots: u32;
  nodeCount: u32;
  edges: usize;
  edgeCap: u32;
  edgeSlots: u32;
  edgeCount: u32;
  freeNodes: usize; // U32Vec of deleted node ids
  freeEdges: usize; // U32Vec of deleted edge ids
  labels: usize; // NameTable
  relTypes: usize; // NameTable
  propKeys: usize; // NameTable
  indexes: usize; // U32Vec of index.ts's Index blocks
  constraints: usize; // U32Vec of constraints.ts's blocks
}

/** Node record: alive, labels (U32Vec or 0), properties (Props or 0), outgoing and incoming edge ids (U32Vec or 0). */
export const NODE_SIZE: u32 = 20;
export const N_ALIVE: u32 = 0;
export const N_LABELS: u32 = 4;
export const N_PROPS: u32 = 8;
export const N_OUT: u32 = 12;
export const N_IN: u32 = 16;

/** Edge record: alive, source id, destination id, relationship type id, properties (Props or 0). */
export const EDGE_SIZE: u32 = 20;
export const E_ALIVE: u32 = 0;
export const E_SRC: u32 = 4;
export const E_DST: u32 = 8;
export const E_TYPE: u32 = 12;
export const E_PROPS: u32 = 16;

const GRAPH_SIZE = offsetof<Graph>();

/** heap.alloc counted in the graph's byte total. */
export function gAlloc(g: Graph, size: usize): usize {
  g.bytes += <i64>heapFootprint(size);
  return heap.alloc(size);
}

/** heap.free of a block gAlloc gave for `size` bytes. */
export function gFree(g: Graph, ptr: usize, size: usize): void {
  g.bytes -= <i64>heapFootprint(size);
  heap.free(ptr);
}

/** An empty graph. Its name tables and free lists exist from the start, so a read never allocates. */
export function graphCreate(): Graph {
  const g = changetype<Graph>(heap.alloc(GRAPH_SIZE));
  memory.fill(changetype<usize>(g), 0, GRAPH_SIZE);
  g.bytes = <i64>heapFootprint(GRAPH_SIZE);
  g.freeNodes = changetype<usize>(vecNew(g, 0));
  g.freeEdges = changetype<usize>(vecNew(g, 0));
  g.labels = changetype<usize>(vecNew(g, 4));
  g.relTypes = changetype<usize>(vecNew(g, 4));
  g.propKeys = changetype<usize>(vecNew(g, 4));
  g.indexes = changetype<usize>(vecNew(g, 0));
  g.constraints = changetype<usize>(vecNew(g, 0));
  return g;
}

@inline export function nodeRec(g: Graph, id: u32): usize { return g.nodes + <usize>id * NODE_SIZE; }
@inline export function edgeRec(g: Graph, id: u32): usize { return g.edges + <usize>id * EDGE_SIZE; }

export function nodeAlive(g: Graph, id: i64): bool {
  return id >= 0 && id < <i64>g.nodeSlots && load<u32>(nodeRec(g, <u32>id) + N_ALIVE) != 0;
}

export function edgeAlive(g: Graph, id: i64): bool {
  return id >= 0 && id < <i64>g.edgeSlots && load<u32>(edgeRec(g, <u32>id) + E_ALIVE) != 0;
}

/** The capacity a record array grows to from `cap` to hold `need` records (by halves: ids are dense). */
export function grownCapacity(cap: u32, need: u32): u32 {
  let next: u32 = cap < 16 ? 16 : cap;
  while (next < need) next = next + (next >> 1);
  return next;
}

/** Moves a record array of `cap` records of `size` bytes into one of `next`, zeroing the new records. */
export function growRecords(g: Graph, arr: usize, cap: u32, next: u32, size: u32): usize {
  const fresh = gAlloc(g, <usize>next * size);
  if (arr != 0) {
    memory.copy(fresh, arr, <usize>cap * size);
    gFree(g, arr, <usize>cap * size);
  }
  memory.fill(fresh + <usize>cap * size, 0, <usize>(next - cap) * size);
  return fresh;
}
