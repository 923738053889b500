// The updating clauses: CREATE, MERGE, SET, REMOVE, DELETE, row by row, counting what FalkorDB counts.
import { Clause, DIR_BOTH, DIR_IN, PathPattern, REMOVE_PROPERTY, SET_LABELS, SET_MERGE, SET_PROPERTY, SET_REPLACE, SetItem } from "./ast";
import { Ctx } from "./context";
import { findName, internName, nameString, propertiesOf, propsSlot, setProperty } from "./entity";
import { evaluate } from "./eval";
import { fail, failed } from "./failure";
import { matchPattern } from "./match";
import { Row } from "./row";
import { edgeAlive, nodeAlive } from "../store/graph";
import { edgeCreate, nodeAddLabel, nodeCreate, nodeRemoveLabel } from "../store/entities";
import { deleteEdge, deleteNode, freshId, logChange, logCreated } from "./undo";
import { LABELS, PROP_KEYS, REL_TYPES, nameCount } from "../store/names";
import { propEntry, propKey, propRemove, propsCount } from "../store/props";
import { indexLink, indexUnlink } from "../store/index";
import { EDGE, MAP, NODE, NULL, PATH, V, vEntity, vPath } from "./value";

/** Interns a label or type, counting a label new to the graph as FalkorDB's "Labels added". */
function labelId(ctx: Ctx, name: string): u32 {
  const before = nameCount(ctx.g, LABELS);
  const id = internName(ctx.g, LABELS, name);
  if (nameCount(ctx.g, LABELS) > before) ctx.stats.labelsAdded++;
  return id;
}

function setMap(ctx: Ctx, kind: i32, id: u32, m: V): void {
  const keys = m.keys!;
  for (let i = 0; i < keys.length && !failed(); i++) setProperty(ctx, kind, id, keys[i], m.items![i]);
}

function inlineProps(ctx: Ctx, kind: i32, id: u32, props: V | null): void {
  if (props === null) return;
  if (props.kind != MAP) {
    fail("Encountered unhandled type in inlined properties.");
    return;
  }
  // A null inline property is not stored (nor counted).
  const keys = props.keys!;
  for (let i = 0; i < keys.length && !failed(); i++) if (props.items![i].kind != NULL) setProperty(ctx, kind, id, keys[i], props.items![i]);
}

/** Creates the unbound parts of `p` for `row`, binding them in it. */
export function createPattern(p: PathPattern, row: Row, ctx: Ctx, clause: string): void {
  const path = new Array<V>();
  for (let i = 0; i < p.nodes.length && !failed(); i++) {
    const np = p.nodes[i];
    let node = row.get(np.variable);
    if (node === null) {
      const fresh = freshId(ctx, true);
      const id = nodeCreate(ctx.g);
      logCreated(ctx, true, id, fresh);
      ctx.stats.nodesCreated++;
      for (let l = 0; l < np.labels.length; l++) nodeAddLabel(ctx.g, id, labelId(ctx, np.labels[l]));
      inlineProps(ctx, NODE, id, np.props === null ? null : evaluate(np.props!, row, ctx));
      indexLink(ctx.g, false, id);
      node = vEntity(NODE, id);
      row.set(np.variable, node);
    } else if (node.kind != NODE) {
      fail("The bound variable '" + np.variable + "' can't be redeclared in a " + clause + " clause");
      return;
    }
    if (i > 0) {
      const rp = p.rels[i - 1];
      const prev = path[path.length - 1];
      if (row.has(rp.variable)) {
        fail("The bound variable '" + rp.variable + "' can't be redeclared in a " + clause + " clause");
        return;
      }
      const src = rp.dir == DIR_IN ? node : prev;
      const dst = rp.dir == DIR_IN ? prev : node;
      const type = internName(ctx.g, REL_TYPES, rp.types[0]);
      const fresh = freshId(ctx, false);
      const e = edgeCreate(ctx.g, <u32>src.i, <u32>dst.i, type);
      logCreated(ctx, false, e, fresh);
      ctx.stats.relationshipsCreated++;
      inlineProps(ctx, EDGE, e, rp.props === null ? null : evaluate(rp.props!, row, ctx));
      indexLink(ctx.g, true, e);
      const edge = vEntity(EDGE, e);
      row.set(rp.variable, edge);
      path.push(edge);
    }
    path.push(node);
  }
  if (p.variable != "") row.set(p.variable, vPath(path));
}

/** CREATE and MERGE accept only directed relationships of exactly one type. */
export function checkCreatable(p: PathPattern, clause: string): bool {
  for (let i = 0; i < p.rels.length; i++) {
    const r = p.rels[i];
    if (r.types.length != 1) {
      fail("Exactly one relationship type must be specified for each relation in a " + clause + " pattern.");
      return false;
    }
    if (r.dir == DIR_BOTH) {
      fail("Only directed relationships are supported in " + clause);
      return false;
    }
    if (r.varLength) {
      fail("Variable length relationships cannot be used in " + clause);
      return false;
    }
  }
  return true;
}

export function runCreate(c: Clause, rows: Array<Row>, ctx: Ctx): void {
  for (let r = 0; r < rows.length && !failed(); r++) {
    for (let i = 0; i < c.patterns.length && !failed(); i++) createPattern(c.patterns[i], rows[r], ctx, "CREATE");
  }
}

export function runMerge(c: Clause, rows: Array<Row>, ctx: Ctx): Array<Row> {
  const out = new Array<Row>();
  const p = c.patterns[0];
  for (let r = 0; r < rows.length && !failed(); r++) {
    const matches = new Array<Row>();
    matchPattern(p, rows[r], ctx, matches);
    if (matches.length > 0) {
      for (let m = 0; m < matches.length && !failed(); m++) {
        runSetItems(c.onMatch, matches[m], ctx);
        out.push(matches[m]);
      }
    } else {
      const row = rows[r].clone();
      createPattern(p, row, ctx, "MERGE");
      runSetItems(c.onCreate, row, ctx);
      out.push(row);
    }
  }
  return out;
}

function entityOf(row: Row, variable: string): V | null {
  const v = row.get(variable);
  if (v === null) {
    fail("'" + variable + "' not defined");
    return null;
  }
  if (v.kind == NULL) return null; // SET on an OPTIONAL MATCH's null does nothing
  if (v.kind != NODE && v.kind != EDGE) {
    fail("Type mismatch: expected Node or Edge but was " + (v.kind == MAP ? "Map" : "another type"));
    return null;
  }
  return v;
}

export function runSetItems(items: Array<SetItem>, row: Row, ctx: Ctx): void {
  for (let i = 0; i < items.length && !failed(); i++) {
    const item = items[i];
    const target = entityOf(row, item.variable);
    if (target === null) continue;
    const kind = target.kind, id = <u32>target.i;
    if ((kind == NODE && !nodeAlive(ctx.g, id)) || (kind == EDGE && !edgeAlive(ctx.g, id))) continue;
    logChange(ctx, kind, id);
    // The entity leaves its indexes while it changes and comes back with its new labels and values.
    indexUnlink(ctx.g, kind == EDGE, id);
    setItem(ctx, item, row, kind, id);
    indexLink(ctx.g, kind == EDGE, id);
  }
}

function setItem(ctx: Ctx, item: SetItem, row: Row, kind: i32, id: u32): void {
  if (item.kind == SET_PROPERTY) setProperty(ctx, kind, id, item.property, evaluate(item.expr!, row, ctx));
  else if (item.kind == REMOVE_PROPERTY) setProperty(ctx, kind, id, item.property, new V());
  else if (item.kind == SET_REPLACE || item.kind == SET_MERGE) {
    let m = evaluate(item.expr!, row, ctx);
    if (m.kind == NODE || m.kind == EDGE) m = propertiesMapOf(m, ctx);
    if (m.kind != MAP) {
      if (m.kind != NULL) fail("Property values can only be of primitive types or arrays of primitive types");
      return;
    }
    if (item.kind == SET_REPLACE) clearProperties(ctx, kind, id, m);
    setMap(ctx, kind, id, m);
  } else if (kind == NODE) {
    for (let l = 0; l < item.labels.length; l++) {
      if (item.kind == SET_LABELS) {
        if (nodeAddLabel(ctx.g, id, internName(ctx.g, LABELS, item.labels[l]))) ctx.stats.labelsAdded++;
      } else {
        const label = findName(ctx.g, LABELS, item.labels[l]);
        if (label >= 0 && nodeRemoveLabel(ctx.g, id, <u32>label)) ctx.stats.labelsRemoved++;
      }
    }
  }
}

function propertiesMapOf(v: V, ctx: Ctx): V { return propertiesOf(ctx.g, v.kind, <u32>v.i); }

/** SET n = map: the properties the map does not name go (counted as removed). */
function clearProperties(ctx: Ctx, kind: i32, id: u32, keep: V): void {
  const slot = propsSlot(ctx.g, kind, id);
  for (let i = <i32>propsCount(load<usize>(slot)) - 1; i >= 0; i--) {
    const key = propKey(propEntry(load<usize>(slot), <u32>i));
    const name = nameOfKey(ctx, key);
    if (keep.keys!.includes(name)) continue;
    propRemove(ctx.g, slot, key);
    ctx.stats.propertiesRemoved++;
  }
}

function nameOfKey(ctx: Ctx, key: u32): string { return nameString(ctx.g, PROP_KEYS, key); }

export function runRemoveOrSet(c: Clause, rows: Array<Row>, ctx: Ctx): void {
  for (let r = 0; r < rows.length && !failed(); r++) runSetItems(c.sets, rows[r], ctx);
}

export function runDelete(c: Clause, rows: Array<Row>, ctx: Ctx): void {
  const nodes = new Array<u32>();
  const edges = new Array<u32>();
  for (let r = 0; r < rows.length && !failed(); r++) {
    for (let i = 0; i < c.exprs.length && !failed(); i++) collect(evaluate(c.exprs[i], rows[r], ctx), nodes, edges);
  }
  if (failed()) return;
  for (let i = 0; i < edges.length; i++) {
    if (!edgeAlive(ctx.g, edges[i])) continue;
    deleteEdge(ctx, edges[i]);
    ctx.stats.relationshipsDeleted++;
  }
  for (let i = 0; i < nodes.length; i++) {
    if (!nodeAlive(ctx.g, nodes[i])) continue;
    ctx.stats.relationshipsDeleted += <i32>deleteNode(ctx, nodes[i]);
    ctx.stats.nodesDeleted++;
  }
}

function collect(v: V, nodes: Array<u32>, edges: Array<u32>): void {
  if (v.kind == NULL) return;
  if (v.kind == NODE) {
    if (!nodes.includes(<u32>v.i)) nodes.push(<u32>v.i);
  } else if (v.kind == EDGE) {
    if (!edges.includes(<u32>v.i)) edges.push(<u32>v.i);
  } else if (v.kind == PATH) {
    const items = v.items!;
    for (let i = 0; i < items.length; i++) collect(items[i], nodes, edges);
  } else fail("DELETE can only be called on nodes, paths and relationships");
}

