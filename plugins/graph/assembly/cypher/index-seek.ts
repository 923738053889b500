// The planner's one rule: a MATCH pattern whose first node is unbound, has a label L and is pinned to a
// value of a property p — inline ({p: v}) or in WHERE (n.p = v, among ANDed conditions) — with an index
// on (L, p) starts from that index's bucket for v instead of scanning every node. Failing that, the
// same on the pattern's first relationship (one type R, one hop, an index on (R, p)) starts the walk at
// the ends of the edges the index gives. Failing that, a range
// of p in the WHERE (n.p > v, <, >=, <=, either side, and n.p STARTS WITH v; a lower and an upper bound
// combine) starts from the index's value order (store/index-order.ts). v may use parameters, literals and
// variables bound before the pattern, never the pattern's own. The pattern's filters and the WHERE still
// apply to what the index yields (a bucket holds every value of the same hash).
import { E_BIN, E_MAP, E_PROP, E_VAR, Expr, PathPattern } from "./ast";
import { findName, nameString } from "./entity";
import { Row } from "./row";
import { Graph } from "../store/graph";
import { Index, indexAt, indexCount, indexFind } from "../store/index";
import { LABELS, PROP_KEYS, REL_TYPES } from "../store/names";

export class Seek {
  idx: Index;
  /** The value sought for an exact match, null for a range. */
  value: Expr | null;
  low: Expr | null = null;
  lowStrict: bool = false;
  high: Expr | null = null;
  highStrict: bool = false;
  /** STARTS WITH's prefix. */
  prefix: Expr | null = null;
  constructor(idx: Index, value: Expr | null) {
    this.idx = idx;
    this.value = value;
  }
}

/** `op` seen from the other side: `3 < n.p` is `n.p > 3`. */
function flipped(op: string): string {
  if (op == "<") return ">";
  if (op == ">") return "<";
  if (op == "<=") return ">=";
  return op == ">=" ? "<=" : op;
}

/** A range on property `p` of `variable` among the ANDed conditions of `where`, into `seek`; true if any. */
function rangeOf(where: Expr | null, variable: string, p: string, banned: Array<string>, row: Row | null, seek: Seek): bool {
  if (where === null || where.kind != E_BIN) return false;
  if (where.name == "AND") {
    const a = rangeOf(where.args[0], variable, p, banned, row, seek);
    return rangeOf(where.args[1], variable, p, banned, row, seek) || a;
  }
  const op = where.name;
  const comparison = op == "<" || op == ">" || op == "<=" || op == ">=";
  if (!comparison && op != "STARTS") return false;
  const sides = comparison ? 2 : 1; // STARTS WITH reads one way only
  for (let side = 0; side < sides; side++) {
    const prop = where.arg(side), value = where.arg(1 - side);
    if (prop.kind != E_PROP || prop.name != p || prop.arg(0).kind != E_VAR || prop.arg(0).name != variable) continue;
    if (!usable(value, banned, row)) continue;
    const dir = side == 0 ? op : flipped(op);
    if (dir == "STARTS") {
      if (seek.prefix !== null) return false;
      seek.prefix = value;
    } else if (dir == ">" || dir == ">=") {
      if (seek.low !== null) return false;
      seek.low = value;
      seek.lowStrict = dir == ">";
    } else {
      if (seek.high !== null) return false;
      seek.high = value;
      seek.highStrict = dir == "<";
    }
    return true;
  }
  return false;
}

/** True when `e` names no variable of `banned` and (given a row) only variables the row binds. */
function usable(e: Expr, banned: Array<string>, row: Row | null): bool {
  if (e.kind == E_VAR && (banned.includes(e.name) || (row !== null && !row.has(e.name)))) return false;
  for (let i = 0; i < e.args.length; i++) {
    const a = e.args[i];
    if (a !== null && !usable(a, banned, row)) return false;
  }
  return true;
}

/** `n.p = v` conditions ANDed in `where`, as (property name, value) pairs. */
function equalities(where: Expr | null, variable: string, props: Array<string>, values: Array<Expr>): void {
  if (where === null) return;
  if (where.kind == E_BIN && where.name == "AND") {
    equalities(where.args[0], variable, props, values);
    equalities(where.args[1], variable, props, values);
    return;
  }
  if (where.kind != E_BIN || where.name != "=") return;
  for (let side = 0; side < 2; side++) {
    const p = where.arg(side);
    if (p.kind == E_PROP && p.arg(0).kind == E_VAR && p.arg(0).name == variable) {
      props.push(p.name);
      values.push(where.arg(1 - side));
    }
  }
}

/**
 * An index lookup on entities named `variable` of one of `schemas` (labels, or relationship types when
 * `onEdges`), pinned by their inline properties or by the WHERE; null when none applies.
 */
function seekOn(g: Graph, onEdges: bool, schemas: Array<string>, variable: string, inline: Expr | null, where: Expr | null, banned: Array<string>, row: Row | null): Seek | null {
  const props = new Array<string>();
  const values = new Array<Expr>();
  if (inline !== null && inline.kind == E_MAP) {
    for (let k = 0; k < inline.keys.length; k++) {
      props.push(inline.keys[k]);
      values.push(inline.arg(k));
    }
  }
  equalities(where, variable, props, values);
  const names = onEdges ? REL_TYPES : LABELS;
  for (let l = 0; l < schemas.length; l++) {
    const label = findName(g, names, schemas[l]);
    if (label < 0) continue;
    for (let k = 0; k < props.length; k++) {
      const key = findName(g, PROP_KEYS, props[k]);
      if (key < 0 || !usable(values[k], banned, row)) continue;
      const idx = indexFind(g, onEdges, <u32>label, <u32>key);
      if (idx !== null) return new Seek(idx, values[k]);
    }
  }
  if (where === null) return null;
  for (let l = 0; l < schemas.length; l++) {
    const label = findName(g, names, schemas[l]);
    if (label < 0) continue;
    const n = indexCount(g);
    for (let i: u32 = 0; i < n; i++) {
      const idx = indexAt(g, i);
      if (idx.label != <u32>label || idx.onEdges != <u32>onEdges) continue;
      const seek = new Seek(idx, null);
      if (rangeOf(where, variable, nameString(g, PROP_KEYS, idx.prop), banned, row, seek)) return seek;
    }
  }
  return null;
}

/**
 * The index lookup that can start pattern `p`, or null: on its first node, else on its first
 * relationship (one type, one hop; the walk then starts at the ends of the edges found). `banned`:
 * variables the value may not use (the clause's own); `row`: at run time, the row the pattern extends
 * (the value may use only its variables).
 */
export function findSeek(g: Graph, p: PathPattern, where: Expr | null, banned: Array<string>, row: Row | null): Seek | null {
  if (indexCount(g) == 0) return null;
  const start = p.nodes[0];
  const seek = seekOn(g, false, start.labels, start.variable, start.props, where, banned, row);
  if (seek !== null || p.rels.length == 0) return seek;
  const rel = p.rels[0];
  if (rel.varLength || rel.types.length != 1) return null;
  return seekOn(g, true, rel.types, rel.variable, rel.props, where, banned, row);
}
