// A write query that fails half way (a runtime error, a constraint violation, its TIMEOUT) leaves the
// graph as it found it: every change is logged before it is made and undone in reverse order on
// failure, as FalkorDB's undo log does. Creations log the id (and whether it was never used, so the
// free lists come back exactly); SET/REMOVE items log a copy of the entity's properties (and a node's
// labels); deletions log what they remove, edges with their places in the adjacency lists. Copies are
// plugin memory: a commit frees them, a rollback puts them back.
import { Ctx } from "./context";
import { E_DST, E_PROPS, E_SRC, E_TYPE, Graph, N_LABELS, N_PROPS, edgeRec, nodeRec } from "../store/graph";
import { edgeDelete, edgeRelink, idRevive, idUncreate, nextIdFresh, nodeDelete, nodeEdges } from "../store/entities";
import { propsCopy, propsFree } from "../store/props";
import { U32Vec, vecCopy, vecFree, vecIndexOf } from "../store/u32-vec";
import { indexLink, indexUnlink } from "../store/index";
import { EDGE, NODE } from "./value";

export const NODE_CREATED = 0;
export const EDGE_CREATED = 1;
export const ENTITY_CHANGED = 2;
const EDGE_DELETED = 3;
const NODE_DELETED = 4;

export class Change {
  what: i32;
  kind: i32 = NODE; // ENTITY_CHANGED: NODE or EDGE
  id: u32;
  /** A creation that took a never-used id. */
  fresh: bool = false;
  /** Copies (plugin memory) of the properties block and, for a node, its labels vector. */
  props: usize = 0;
  labels: usize = 0;
  // a deleted edge: its ends, type and places in their adjacency lists
  src: u32 = 0;
  dst: u32 = 0;
  type: u32 = 0;
  outAt: u32 = 0;
  inAt: u32 = 0;
  constructor(what: i32, id: u32) {
    this.what = what;
    this.id = id;
  }
}

export class UndoLog {
  changes: Array<Change> = [];
}

function copyLabels(g: Graph, id: u32): usize {
  const v = load<usize>(nodeRec(g, id) + N_LABELS);
  return v == 0 ? 0 : changetype<usize>(vecCopy(g, changetype<U32Vec>(v)));
}

/** Call before creating a node (or edge): whether its id will be never-used. */
export function freshId(ctx: Ctx, nodes: bool): bool { return nextIdFresh(ctx.g, nodes); }

export function logCreated(ctx: Ctx, nodes: bool, id: u32, fresh: bool): void {
  const c = new Change(nodes ? NODE_CREATED : EDGE_CREATED, id);
  c.fresh = fresh;
  ctx.undo.changes.push(c);
}

/** Before a SET or REMOVE item changes an entity's properties or a node's labels. */
export function logChange(ctx: Ctx, kind: i32, id: u32): void {
  const g = ctx.g;
  const c = new Change(ENTITY_CHANGED, id);
  c.kind = kind;
  const rec = kind == NODE ? nodeRec(g, id) + N_PROPS : edgeRec(g, id) + E_PROPS;
  c.props = propsCopy(g, load<usize>(rec));
  if (kind == NODE) c.labels = copyLabels(g, id);
  ctx.undo.changes.push(c);
}

/** Deletes edge `id`, logged. */
export function deleteEdge(ctx: Ctx, id: u32): void {
  const g = ctx.g;
  const r = edgeRec(g, id);
  const c = new Change(EDGE_DELETED, id);
  c.src = load<u32>(r + E_SRC);
  c.dst = load<u32>(r + E_DST);
  c.type = load<u32>(r + E_TYPE);
  c.outAt = <u32>vecIndexOf(nodeEdges(g, c.src, true), id);
  c.inAt = <u32>vecIndexOf(nodeEdges(g, c.dst, false), id);
  c.props = propsCopy(g, load<usize>(r + E_PROPS));
  ctx.undo.changes.push(c);
  indexUnlink(g, true, id);
  edgeDelete(g, id);
}

/** Deletes node `id` and its edges (each logged, in nodeDelete's order); returns how many edges went. */
export function deleteNode(ctx: Ctx, id: u32): u32 {
  const g = ctx.g;
  let removed: u32 = 0;
  for (let k = 0; k < 2; k++) {
    let v = nodeEdges(g, id, k == 0);
    while (changetype<usize>(v) != 0 && v.len > 0) {
      deleteEdge(ctx, load<u32>(v.data + (<usize>(v.len - 1) << 2)));
      removed++;
      v = nodeEdges(g, id, k == 0);
    }
  }
  indexUnlink(g, false, id);
  const c = new Change(NODE_DELETED, id);
  c.props = propsCopy(g, load<usize>(nodeRec(g, id) + N_PROPS));
  c.labels = copyLabels(g, id);
  ctx.undo.changes.push(c);
  nodeDelete(g, id);
  return removed;
}

/** The query succeeded: drop the copies. */
export function undoCommit(ctx: Ctx): void {
  const g = ctx.g;
  const changes = ctx.undo.changes;
  for (let i = 0; i < changes.length; i++) {
    propsFree(g, changes[i].props);
    if (changes[i].labels != 0) vecFree(g, changetype<U32Vec>(changes[i].labels));
  }
  changes.length = 0;
}

/** The query failed: undo every change, the last first. */
export function undoRollback(ctx: Ctx): void {
  const g = ctx.g;
  const changes = ctx.undo.changes;
  for (let i = changes.length - 1; i >= 0; i--) {
    const c = changes[i];
    if (c.what == NODE_CREATED) {
      indexUnlink(g, false, c.id);
      nodeDelete(g, c.id);
      idUncreate(g, true, c.fresh);
    } else if (c.what == EDGE_CREATED) {
      indexUnlink(g, true, c.id);
      edgeDelete(g, c.id);
      idUncreate(g, false, c.fresh);
    } else if (c.what == ENTITY_CHANGED) {
      const slot = c.kind == NODE ? nodeRec(g, c.id) + N_PROPS : edgeRec(g, c.id) + E_PROPS;
      indexUnlink(g, c.kind == EDGE, c.id);
      propsFree(g, load<usize>(slot));
      store<usize>(slot, c.props);
      if (c.kind == NODE) {
        const labels = nodeRec(g, c.id) + N_LABELS;
        if (load<usize>(labels) != 0) vecFree(g, changetype<U32Vec>(load<usize>(labels)));
        store<usize>(labels, c.labels);
      }
      indexLink(g, c.kind == EDGE, c.id);
    } else if (c.what == EDGE_DELETED) {
      const r = idRevive(g, false, c.id);
      store<u32>(r + E_SRC, c.src);
      store<u32>(r + E_DST, c.dst);
      store<u32>(r + E_TYPE, c.type);
      store<usize>(r + E_PROPS, c.props);
      edgeRelink(g, c.id, c.outAt, c.inAt);
      indexLink(g, true, c.id);
    } else {
      const r = idRevive(g, true, c.id);
      store<usize>(r + N_PROPS, c.props);
      store<usize>(r + N_LABELS, c.labels);
      indexLink(g, false, c.id);
    }
  }
  changes.length = 0;
}
