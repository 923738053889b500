// The planner's one rule: a MATCH pattern whose first node is unbound, has a label L and is pinned to a
// value of a property p — inline ({p: v}) or in WHERE (n.p = v, among ANDed conditions) — with an index
// on (L, p) starts from that index's bucket for v instead of scanning every node. v may use parameters,
// literals and variables bound before the pattern, never the pattern's own. The pattern's filters and
// the WHERE still apply to what the index yields (a bucket holds every value of the same hash).
import { E_BIN, E_MAP, E_PROP, E_VAR, Expr, PathPattern } from "./ast";
import { findName } from "./entity";
import { Row } from "./row";
import { Graph } from "../store/graph";
import { Index, indexCount, indexFind } from "../store/index";
import { LABELS, PROP_KEYS } from "../store/names";

export class Seek {
  idx: Index;
  value: Expr;
  constructor(idx: Index, value: Expr) {
    this.idx = idx;
    this.value = value;
  }
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
 * The index lookup that can start pattern `p`, or null. `banned`: variables the value may not use (the
 * clause's own); `row`: at run time, the row the pattern extends (the value may use only its variables).
 */
export function findSeek(g: Graph, p: PathPattern, where: Expr | null, banned: Array<string>, row: Row | null): Seek | null {
  if (indexCount(g) == 0) return null;
  const start = p.nodes[0];
  const props = new Array<string>();
  const values = new Array<Expr>();
  const inline = start.props;
  if (inline !== null && inline.kind == E_MAP) {
    for (let k = 0; k < inline.keys.length; k++) {
      props.push(inline.keys[k]);
      values.push(inline.arg(k));
    }
  }
  equalities(where, start.variable, props, values);
  for (let l = 0; l < start.labels.length; l++) {
    const label = findName(g, LABELS, start.labels[l]);
    if (label < 0) continue;
    for (let k = 0; k < props.length; k++) {
      const key = findName(g, PROP_KEYS, props[k]);
      if (key < 0 || !usable(values[k], banned, row)) continue;
      const idx = indexFind(g, <u32>label, <u32>key);
      if (idx !== null) return new Seek(idx, values[k]);
    }
  }
  return null;
}
