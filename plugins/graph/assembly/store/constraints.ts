// Constraints (GRAPH.CONSTRAINT): UNIQUE or MANDATORY over properties of a node label or a relationship
// type. One block each in plugin memory: [u8 type][u8 on edges][u8 status][u8 count][u32 label or
// type][u32 property key × count]; listed in Graph.constraints, saved with the graph.
import { Graph, gAlloc, gFree } from "./graph";
import { U32Vec, vecFree, vecGet, vecPush, vecRemove } from "./u32-vec";

export const UNIQUE: u8 = 0;
export const MANDATORY: u8 = 1;
export const OPERATIONAL: u8 = 0;
export const FAILED: u8 = 1;

const HEADER: usize = 8;

function list(g: Graph): U32Vec { return changetype<U32Vec>(g.constraints); }

export function constraintCount(g: Graph): u32 { return changetype<usize>(g) == 0 ? 0 : list(g).len; }
export function constraintAt(g: Graph, i: u32): usize { return <usize>vecGet(list(g), i); }

@inline export function cType(c: usize): u8 { return load<u8>(c); }
@inline export function cOnEdges(c: usize): bool { return load<u8>(c, 1) != 0; }
@inline export function cStatus(c: usize): u8 { return load<u8>(c, 2); }
@inline export function cCount(c: usize): u32 { return <u32>load<u8>(c, 3); }
@inline export function cSchema(c: usize): u32 { return load<u32>(c, 4); }
@inline export function cProp(c: usize, i: u32): u32 { return load<u32>(c + HEADER + (<usize>i << 2)); }

function size(count: u32): usize { return HEADER + (<usize>count << 2); }

/** The constraint with exactly these fields (properties in the same order), or 0. */
export function constraintFind(g: Graph, type: u8, onEdges: bool, schema: u32, props: usize, count: u32): usize {
  const n = constraintCount(g);
  for (let i: u32 = 0; i < n; i++) {
    const c = constraintAt(g, i);
    if (cType(c) != type || cOnEdges(c) != onEdges || cSchema(c) != schema || cCount(c) != count) continue;
    if (memory.compare(c + HEADER, props, <usize>count << 2) == 0) return c;
  }
  return 0;
}

/** Adds a constraint over `count` property ids at `props`. */
export function constraintAdd(g: Graph, type: u8, onEdges: bool, status: u8, schema: u32, props: usize, count: u32): usize {
  const c = gAlloc(g, size(count));
  store<u8>(c, type);
  store<u8>(c, onEdges ? 1 : 0, 1);
  store<u8>(c, status, 2);
  store<u8>(c, <u8>count, 3);
  store<u32>(c, schema, 4);
  memory.copy(c + HEADER, props, <usize>count << 2);
  vecPush(g, list(g), <u32>c);
  return c;
}

export function constraintRemove(g: Graph, c: usize): void {
  vecRemove(list(g), <u32>c);
  gFree(g, c, size(cCount(c)));
}

export function constraintsFree(g: Graph): void {
  const n = constraintCount(g);
  for (let i: u32 = 0; i < n; i++) gFree(g, constraintAt(g, i), size(cCount(constraintAt(g, i))));
  vecFree(g, list(g));
}

/** Whether a UNIQUE constraint on a node label uses the index on (label, prop): it may not be dropped. */
export function indexSupportsConstraint(g: Graph, onEdges: bool, label: u32, prop: u32): bool {
  const n = constraintCount(g);
  for (let i: u32 = 0; i < n; i++) {
    const c = constraintAt(g, i);
    if (cType(c) == UNIQUE && cOnEdges(c) == onEdges && cSchema(c) == label && cProp(c, 0) == prop) return true;
  }
  return false;
}
