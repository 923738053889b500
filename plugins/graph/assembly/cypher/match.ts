// MATCH: binds every way a path pattern fits the graph, for each incoming row. The walk starts at the
// pattern's first node, or at its last when only that one is bound (the pattern is then walked
// reversed); a relationship is used at most once in a path, as Cypher requires.
import { ALL_SHORTEST, DIR_BOTH, DIR_IN, DIR_OUT, E_VAR, Expr, NodePattern, PathPattern, RelPattern } from "./ast";
import { Ctx } from "./context";
import { edgeTypeId, findName, propertyById } from "./entity";
import { evaluate, property } from "./eval";
import { failed } from "./failure";
import { Row } from "./row";
import { E_DST, E_SRC, edgeRec, nodeAlive } from "../store/graph";
import { nodeEdges, nodeHasLabel } from "../store/entities";
import { LABELS, PROP_KEYS, REL_TYPES } from "../store/names";
import { vecGet } from "../store/u32-vec";
import { BOOL, DOUBLE, EDGE, INT, LIST, MAP, NODE, POINT, STRING, V, asF64, isTemporal, equals3, vEntity, vList, vPath } from "./value";
import { RANK_BOOL, RANK_NUMBER, RANK_STRING, RangeKey, boundPosition, orderedIds, startsWithKey } from "../store/index-order";
import { Seek, findSeek } from "./index-seek";
import { allShortestPaths } from "./shortest-path";
import { indexBucket, valueHash } from "../store/index";
import { P_BOOL, P_DOUBLE, P_INT, P_STRING } from "../store/props";

/** A constant inline property map: property ids and the values they must equal. */
class Filter {
  keyIds: Array<i32> = [];
  values: Array<V> = [];
  impossible: bool = false;
}

function usesVariables(e: Expr): bool {
  if (e.kind == E_VAR) return true;
  for (let i = 0; i < e.args.length; i++) {
    const a = e.args[i];
    if (a !== null && usesVariables(a)) return true;
  }
  return false;
}

class Walk {
  ctx: Ctx;
  base: Row;
  nodes: Array<NodePattern>;
  rels: Array<RelPattern>;
  reversed: bool;
  pathVariable: string;
  /** GRAPH.PROFILE's count slot of the pattern's first node, -1 when not profiled. */
  profileSlot: i32;
  /** Type ids per relationship (-1: a type the graph does not have, so nothing matches). */
  typeIds: Array<Array<i32>> = [];
  /** Label ids per node pattern (-1: a label the graph does not have). */
  labelIds: Array<Array<i32>> = [];
  nodeFilters: Array<Filter | null> = [];
  relFilters: Array<Filter | null> = [];
  names: Array<string> = [];
  vals: Array<V> = [];
  /** Alternating node and edge values along the path so far. */
  path: Array<V> = [];
  usedEdges: Array<i64> = [];
  out: Array<Row>;

  constructor(ctx: Ctx, base: Row, p: PathPattern, reversed: bool, out: Array<Row>) {
    this.ctx = ctx;
    this.base = base;
    this.reversed = reversed;
    this.pathVariable = p.variable;
    this.profileSlot = ctx.profile === null ? -1 : p.profileSlot;
    this.out = out;
    this.nodes = reversed ? p.nodes.slice(0).reverse() : p.nodes;
    this.rels = reversed ? p.rels.slice(0).reverse() : p.rels;
    for (let i = 0; i < this.rels.length; i++) {
      const ids = new Array<i32>();
      const types = this.rels[i].types;
      for (let t = 0; t < types.length; t++) ids.push(findName(ctx.g, REL_TYPES, types[t]));
      this.typeIds.push(ids);
      this.relFilters.push(this.constantProps(this.rels[i].props));
    }
    for (let i = 0; i < this.nodes.length; i++) {
      const ids = new Array<i32>();
      const labels = this.nodes[i].labels;
      for (let l = 0; l < labels.length; l++) ids.push(findName(ctx.g, LABELS, labels[l]));
      this.labelIds.push(ids);
      this.nodeFilters.push(this.constantProps(this.nodes[i].props));
    }
  }

  lookup(name: string): V | null {
    for (let i = this.names.length - 1; i >= 0; i--) if (this.names[i] == name) return this.vals[i];
    return this.base.get(name);
  }

  /** A row of the bindings so far, to evaluate inline property maps that use earlier variables. */
  scope(): Row {
    const r = this.base.clone();
    for (let i = 0; i < this.names.length; i++) r.set(this.names[i], this.vals[i]);
    return r;
  }

  /**
   * An inline property map that names no variable is evaluated once per walk, its keys resolved to
   * property ids once: scanning every node then costs a few loads per node, not an evaluation.
   */
  constantProps(props: Expr | null): Filter | null {
    if (props === null || usesVariables(props)) return null;
    const want = evaluate(props, this.base, this.ctx);
    const f = new Filter();
    if (want.kind != MAP) {
      f.impossible = true; // a parameter that is no map matches nothing
      return f;
    }
    f.values = want.items!;
    for (let i = 0; i < want.keys!.length; i++) {
      const key = findName(this.ctx.g, PROP_KEYS, want.keys![i]);
      if (key < 0) f.impossible = true; // no entity has that property
      f.keyIds.push(key);
    }
    return f;
  }

  propsMatch(props: Expr | null, filter: Filter | null, kind: i32, id: i64): bool {
    if (props === null) return true;
    if (filter !== null) {
      if (filter.impossible) return false;
      for (let i = 0; i < filter.keyIds.length; i++) {
        if (equals3(propertyById(this.ctx.g, kind, <u32>id, <u32>filter.keyIds[i]), filter.values[i]) != 1) return false;
      }
      return true;
    }
    const want = evaluate(props, this.scope(), this.ctx);
    if (want.kind != MAP) return false;
    const keys = want.keys!;
    const v = vEntity(kind, id);
    for (let i = 0; i < keys.length; i++) {
      if (equals3(property(v, keys[i], this.ctx), want.items![i]) != 1) return false;
    }
    return true;
  }

  nodeFits(k: i32, id: i64): bool {
    const np = this.nodes[k];
    const bound = this.lookup(np.variable);
    if (bound !== null) return bound.kind == NODE && bound.i == id;
    const labels = this.labelIds[k];
    for (let i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || !nodeHasLabel(this.ctx.g, <u32>id, <u32>labels[i])) return false;
    }
    return this.propsMatch(np.props, this.nodeFilters[k], NODE, id);
  }

  bind(name: string, v: V): void {
    this.names.push(name);
    this.vals.push(v);
  }

  unbind(): void {
    this.names.pop();
    this.vals.pop();
  }

  /** Matches node pattern `i` at node `id`, then the rest of the path. */
  visitNode(i: i32, id: i64): void {
    if (failed() || !this.ctx.tick()) return;
    const np = this.nodes[i];
    if (!this.nodeFits(i, id)) return;
    if (this.profileSlot >= 0) this.ctx.profile!.hits[this.profileSlot + (this.reversed ? this.nodes.length - 1 - i : i)]++;
    const fresh = this.lookup(np.variable) === null;
    const node = vEntity(NODE, id);
    if (fresh) this.bind(np.variable, node);
    this.path.push(node);
    if (i == this.nodes.length - 1) this.emit();
    else this.expand(i, id);
    this.path.pop();
    if (fresh) this.unbind();
  }

  /**
   * Starts the walk where an index hit leads: at node `id`, or for an edge index at the ends of edge `id`
   * the first relationship leaves from (each node once: `started` remembers them, and the walk finds
   * every matching edge from there).
   */
  startAt(id: u32, onEdges: bool, started: Set<u32>): void {
    if (!onEdges) {
      this.visitNode(0, id);
      return;
    }
    const r = edgeRec(this.ctx.g, id);
    const dir = this.rels[0].dir;
    for (let side = 0; side < 2; side++) {
      if ((side == 0 && dir == DIR_IN) || (side == 1 && dir == DIR_OUT)) continue;
      const node = load<u32>(r + (side == 0 ? E_SRC : E_DST));
      if (started.has(node)) continue;
      started.add(node);
      this.visitNode(0, node);
    }
  }

  emit(): void {
    const r = this.base.clone();
    for (let i = 0; i < this.names.length; i++) r.set(this.names[i], this.vals[i]);
    if (this.pathVariable != "") {
      const items = this.path.slice(0);
      if (this.reversed) items.reverse();
      r.set(this.pathVariable, vPath(items));
    }
    this.out.push(r);
  }

  edgeFits(k: i32, e: u32): bool {
    if (this.usedEdges.includes(<i64>e)) return false;
    const ids = this.typeIds[k];
    if (ids.length > 0 && !ids.includes(<i32>edgeTypeId(this.ctx.g, e))) return false;
    return this.propsMatch(this.rels[k].props, this.relFilters[k], EDGE, e);
  }

  /** Edges from node `id` along relationship `k`, each with the node at its other end: (edge, other) pairs. */
  steps(k: i32, id: i64): Array<i64> {
    const g = this.ctx.g;
    const pairs = new Array<i64>();
    let dir = this.rels[k].dir;
    if (this.reversed && dir != DIR_BOTH) dir = -dir;
    for (let side = 0; side < 2; side++) {
      const outgoing = side == 0;
      if ((outgoing && dir == DIR_IN) || (!outgoing && dir == DIR_OUT)) continue;
      const list = nodeEdges(g, <u32>id, outgoing);
      if (changetype<usize>(list) == 0) continue;
      for (let j: u32 = 0; j < list.len; j++) {
        const e = vecGet(list, j);
        const r = edgeRec(g, e);
        const src = load<u32>(r + E_SRC), dst = load<u32>(r + E_DST);
        // An undirected self-loop is met on both lists: take it once.
        if (!outgoing && dir == DIR_BOTH && src == dst) continue;
        if (!this.edgeFits(k, e)) continue;
        pairs.push(<i64>e);
        pairs.push(<i64>(outgoing ? dst : src));
      }
    }
    return pairs;
  }

  expand(i: i32, id: i64): void {
    const rel = this.rels[i];
    if (rel.varLength) {
      this.hops(i, id, 0, new Array<V>());
      return;
    }
    const bound = this.lookup(rel.variable);
    const pairs = this.steps(i, id);
    for (let j = 0; j < pairs.length && !failed(); j += 2) {
      const e = pairs[j];
      if (bound !== null && !(bound.kind == EDGE && bound.i == e)) continue;
      const edge = vEntity(EDGE, e);
      if (bound === null) this.bind(rel.variable, edge);
      this.usedEdges.push(e);
      this.path.push(edge);
      this.visitNode(i + 1, pairs[j + 1]);
      this.path.pop();
      this.usedEdges.pop();
      if (bound === null) this.unbind();
    }
  }

  /** A variable-length relationship: `depth` hops taken so far, their edges in `edges`. */
  hops(i: i32, id: i64, depth: i32, edges: Array<V>): void {
    const rel = this.rels[i];
    if (depth >= rel.minHops) {
      const list = vList(this.reversed ? edges.slice(0).reverse() : edges.slice(0));
      this.bind(rel.variable, list);
      // The path ends with node `id` already (the start, or the last hop's): visitNode adds it again.
      const last = this.path.pop();
      this.visitNode(i + 1, id);
      this.path.push(last);
      this.unbind();
    }
    if (rel.maxHops >= 0 && depth >= rel.maxHops) return;
    const pairs = this.steps(i, id);
    for (let j = 0; j < pairs.length && !failed(); j += 2) {
      const edge = vEntity(EDGE, pairs[j]);
      const next = vEntity(NODE, pairs[j + 1]);
      this.usedEdges.push(pairs[j]);
      edges.push(edge);
      this.path.push(edge);
      this.path.push(next);
      this.hops(i, pairs[j + 1], depth + 1, edges);
      this.path.pop();
      this.path.pop();
      edges.pop();
      this.usedEdges.pop();
    }
  }
}

const NONE_BANNED = new Array<string>();

/** The index hash of a value sought, 0 when no stored property can equal it, -1 for a list (not indexed). */
function seekHash(v: V): i64 {
  if (v.kind == STRING) {
    const b = String.UTF8.encode(v.s);
    return valueHash(P_STRING, 0, changetype<usize>(b), b.byteLength);
  }
  if (v.kind == INT) return valueHash(P_INT, <u64>v.i, 0, 0);
  if (v.kind == DOUBLE) return valueHash(P_DOUBLE, reinterpret<u64>(v.f), 0, 0);
  if (v.kind == BOOL) return valueHash(P_BOOL, <u64>v.i, 0, 0);
  return v.kind == LIST || v.kind == POINT || isTemporal(v.kind) ? -1 : 0; // not indexed: scan
}

const SEEK_NONE = 0; // no stored value compares with the bound (null, a map, NaN…): nothing matches
const SEEK_SCAN = 1; // a list, a point, a temporal value: not indexed, the label scan answers
const SEEK_KEY = 2;

/** A range bound's key into `key`: SEEK_KEY, or what to do instead. */
function rangeKey(v: V, key: RangeKey): i32 {
  if (v.kind == STRING) {
    const b = String.UTF8.encode(v.s);
    key.rank = RANK_STRING;
    key.ptr = changetype<usize>(b);
    key.len = b.byteLength;
    key.bytes = b;
    return SEEK_KEY;
  }
  if (v.kind == INT || v.kind == DOUBLE) {
    if (v.kind == DOUBLE && isNaN(v.f)) return SEEK_NONE; // no number compares with NaN
    key.rank = RANK_NUMBER;
    key.num = asF64(v);
    return SEEK_KEY;
  }
  if (v.kind == BOOL) {
    key.rank = RANK_BOOL;
    key.num = <f64>v.i;
    return SEEK_KEY;
  }
  return v.kind == LIST || v.kind == POINT || isTemporal(v.kind) ? SEEK_SCAN : SEEK_NONE;
}

/** The worst of the bounds' answers (SEEK_SCAN over SEEK_NONE over SEEK_KEY); absent bounds are keys. */
function boundsKey(e: Expr | null, row: Row, ctx: Ctx, key: RangeKey, worst: i32): i32 {
  if (e === null || worst == SEEK_SCAN) return worst;
  const k = rangeKey(evaluate(e, row, ctx), key);
  return k == SEEK_SCAN || k < worst ? k : worst;
}

/**
 * Starts the walk from the index's value order between the seek's bounds (or at its prefix); false when
 * a bound is a list (the label scan answers).
 */
function walkFromRange(w: Walk, seek: Seek, row: Row, ctx: Ctx): bool {
  const g = ctx.g;
  const low = new RangeKey(), high = new RangeKey(), prefix = new RangeKey();
  const hasLow = seek.low !== null, hasHigh = seek.high !== null, hasPrefix = seek.prefix !== null;
  let k = boundsKey(seek.low, row, ctx, low, SEEK_KEY);
  k = boundsKey(seek.high, row, ctx, high, k);
  k = boundsKey(seek.prefix, row, ctx, prefix, k);
  if (k != SEEK_KEY) return k == SEEK_NONE;
  // The kind of the values sought; two bounds of different kinds are never both true.
  const rank = hasPrefix ? prefix.rank : hasLow ? low.rank : high.rank;
  if ((hasLow && low.rank != rank) || (hasHigh && high.rank != rank) || (hasPrefix && rank != RANK_STRING)) return true;
  const ids = orderedIds(g, seek.idx);
  if (!hasLow) {
    low.rank = rank;
    low.num = -Infinity;
  }
  const from = boundPosition(g, seek.idx, ids, hasPrefix && !hasLow ? prefix : low, hasLow && seek.lowStrict);
  if (!hasHigh) high.rank = rank + 1; // the end of the values of this kind
  const to = boundPosition(g, seek.idx, ids, high, hasHigh && !seek.highStrict);
  // The walk only binds rows (writes run in later clauses), so the order stays as it is meanwhile.
  const onEdges = seek.idx.onEdges != 0, started = new Set<u32>();
  for (let i = from; i < to && !failed(); i++) {
    const id = vecGet(ids, i);
    if (hasPrefix && !startsWithKey(g, seek.idx, id, prefix)) {
      if (!hasLow) break; // past the strings with the prefix
      continue;
    }
    w.startAt(id, onEdges, started);
  }
  return true;
}

/** Starts the walk from an index bucket; false when the value cannot be sought (scan instead). */
function walkFromIndex(w: Walk, seek: Seek, row: Row, ctx: Ctx): bool {
  if (seek.value === null) return walkFromRange(w, seek, row, ctx);
  const hash = seekHash(evaluate(seek.value!, row, ctx));
  if (hash < 0) return false;
  if (hash == 0) return true; // null, a map, a node…: no property holds it
  const bucket = indexBucket(seek.idx, <u32>hash);
  if (changetype<usize>(bucket) == 0) return true;
  const onEdges = seek.idx.onEdges != 0, started = new Set<u32>();
  for (let i: u32 = 0; i < bucket.len && !failed(); i++) w.startAt(vecGet(bucket, i), onEdges, started);
  return true;
}

/**
 * Appends to `out` the rows extending `row` with each match of `p`; `where` is the clause's WHERE, which
 * may let an index start the walk (index-seek.ts).
 */
export function matchPattern(p: PathPattern, row: Row, ctx: Ctx, out: Array<Row>, where: Expr | null = null): void {
  if (p.shortest == ALL_SHORTEST) {
    allShortestPaths(p, row, ctx, out);
    return;
  }
  const first = p.nodes[0], last = p.nodes[p.nodes.length - 1];
  const reversed = p.nodes.length > 1 && !row.has(first.variable) && row.has(last.variable);
  const w = new Walk(ctx, row, p, reversed, out);
  const start = w.nodes[0];
  const bound = row.get(start.variable);
  if (bound !== null) {
    if (bound.kind == NODE) w.visitNode(0, bound.i);
    return; // a null (from OPTIONAL MATCH) or another value matches nothing
  }
  const g = ctx.g;
  if (changetype<usize>(g) == 0) return;
  if (!reversed) {
    const seek = findSeek(g, p, where, NONE_BANNED, row);
    if (seek !== null && walkFromIndex(w, seek, row, ctx)) return;
  }
  for (let id: u32 = 0; id < g.nodeSlots && !failed(); id++) {
    if (nodeAlive(g, id)) w.visitNode(0, id);
  }
}

/** The variables a pattern introduces (named path included), for OPTIONAL MATCH's nulls. */
export function patternVariables(p: PathPattern, into: Array<string>): void {
  for (let i = 0; i < p.nodes.length; i++) if (!into.includes(p.nodes[i].variable)) into.push(p.nodes[i].variable);
  for (let i = 0; i < p.rels.length; i++) if (!into.includes(p.rels[i].variable)) into.push(p.rels[i].variable);
  if (p.variable != "" && !into.includes(p.variable)) into.push(p.variable);
}

