// Enforcing constraints: at the end of a write query every node and edge it created or changed is
// checked (a violation fails the query, and undo.ts takes its writes back), and GRAPH.CONSTRAINT CREATE
// checks the entities already there. FalkorDB's rules and texts: MANDATORY needs every property;
// UNIQUE holds vacuously for an entity missing a property or holding a value that is no string, boolean
// or number, and otherwise no other entity of the label may hold the same values.
import { Ctx } from "./context";
import { nameString, propertyById } from "./entity";
import { equals3, EDGE, NODE } from "./value";
import { EDGE_CREATED, ENTITY_CHANGED, NODE_CREATED } from "./undo";
import { E_PROPS, E_TYPE, Graph, N_PROPS, edgeAlive, edgeRec, nodeAlive, nodeRec } from "../store/graph";
import { nodeHasLabel } from "../store/entities";
import { LABELS, PROP_KEYS, REL_TYPES } from "../store/names";
import { indexableType, propFind, propType } from "../store/props";
import { entityKey, indexBucket, indexFind } from "../store/index";
import { MANDATORY, OPERATIONAL, cCount, cOnEdges, cProp, cSchema, cStatus, cType, constraintAt, constraintCount } from "../store/constraints";
import { vecGet } from "../store/u32-vec";

function props(g: Graph, kind: i32, id: u32): usize {
  return load<usize>(kind == NODE ? nodeRec(g, id) + N_PROPS : edgeRec(g, id) + E_PROPS);
}

/** Whether entities `a` and `b` hold equal values in every property of constraint `c`. */
function sameValues(g: Graph, c: usize, kind: i32, a: u32, b: u32): bool {
  for (let k: u32 = 0; k < cCount(c); k++) {
    if (equals3(propertyById(g, kind, a, cProp(c, k)), propertyById(g, kind, b, cProp(c, k))) != 1) return false;
  }
  return true;
}

/** Constraint `c`'s violation by entity `id` (of its label or type): "" when it holds. */
function check(g: Graph, c: usize, kind: i32, id: u32): string {
  const p = props(g, kind, id);
  const schema = nameString(g, kind == NODE ? LABELS : REL_TYPES, cSchema(c));
  for (let k: u32 = 0; k < cCount(c); k++) {
    const e = propFind(p, cProp(c, k));
    if (cType(c) == MANDATORY) {
      if (e == 0) {
        const prop = nameString(g, PROP_KEYS, cProp(c, k));
        return kind == NODE
          ? "mandatory constraint violation: node with label " + schema + " missing property " + prop
          : "mandatory constraint violation: edge with relationship-type " + schema + " missing property " + prop;
      }
    } else if (e == 0 || !indexableType(propType(e))) return ""; // UNIQUE holds vacuously
  }
  if (cType(c) == MANDATORY) return "";
  // UNIQUE: the index on the first property lists the candidates (all of the label or type).
  const idx = indexFind(g, kind == EDGE, cSchema(c), cProp(c, 0));
  if (idx === null) return "";
  const bucket = indexBucket(idx, entityKey(g, idx, id));
  if (changetype<usize>(bucket) == 0) return "";
  for (let i: u32 = 0; i < bucket.len; i++) {
    const other = vecGet(bucket, i);
    if (other != id && sameValues(g, c, kind, id, other)) {
      return kind == NODE ? "unique constraint violation on node of type " + schema : "unique constraint violation, on edge of relationship-type " + schema;
    }
  }
  return "";
}

function applies(g: Graph, c: usize, kind: i32, id: u32): bool {
  if (cOnEdges(c) != (kind == EDGE)) return false;
  return kind == NODE ? nodeHasLabel(g, id, cSchema(c)) : load<u32>(edgeRec(g, id) + E_TYPE) == cSchema(c);
}

/** The first violation by entity `id` of an operational constraint, or "". */
export function entityViolation(g: Graph, kind: i32, id: u32): string {
  const n = constraintCount(g);
  for (let i: u32 = 0; i < n; i++) {
    const c = constraintAt(g, i);
    if (cStatus(c) != OPERATIONAL || !applies(g, c, kind, id)) continue;
    const v = check(g, c, kind, id);
    if (v.length > 0) return v;
  }
  return "";
}

/** The first violation by an entity the query created or changed, or "". */
export function queryViolation(ctx: Ctx): string {
  const g = ctx.g;
  if (constraintCount(g) == 0) return "";
  const changes = ctx.undo.changes;
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i];
    let kind = -1;
    if (c.what == NODE_CREATED || (c.what == ENTITY_CHANGED && c.kind == NODE)) kind = NODE;
    else if (c.what == EDGE_CREATED || (c.what == ENTITY_CHANGED && c.kind == EDGE)) kind = EDGE;
    if (kind < 0 || !(kind == NODE ? nodeAlive(g, c.id) : edgeAlive(g, c.id))) continue;
    const v = entityViolation(g, kind, c.id);
    if (v.length > 0) return v;
  }
  return "";
}

/** Whether every entity already in the graph satisfies constraint `c` (GRAPH.CONSTRAINT CREATE). */
export function graphSatisfies(g: Graph, c: usize): bool {
  const kind = cOnEdges(c) ? EDGE : NODE;
  const slots = kind == NODE ? g.nodeSlots : g.edgeSlots;
  for (let id: u32 = 0; id < slots; id++) {
    const alive = kind == NODE ? nodeAlive(g, id) : edgeAlive(g, id);
    if (alive && applies(g, c, kind, id) && check(g, c, kind, id).length > 0) return false;
  }
  return true;
}
