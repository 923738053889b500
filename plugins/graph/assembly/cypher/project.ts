// WITH and RETURN: projection, grouping with aggregates, DISTINCT, ORDER BY, SKIP and LIMIT.
import { Clause, E_CALL, E_COUNT_STAR, E_VAR, Expr } from "./ast";
import { Ctx } from "./context";
import { evaluate } from "./eval";
import { fail, failed } from "./failure";
import { fixed6 } from "./format-fixed";
import { AGGREGATES } from "./functions";
import { Row } from "./row";
import { BOOL, DOUBLE, INT, LIST, MAP, NULL, NULL_VALUE, PATH, STRING, V, compareValues, vDouble, vInt, vList } from "./value";

/** A canonical text of a value: equal values, equal texts (grouping and DISTINCT keys). */
export function keyOf(v: V): string {
  switch (v.kind) {
    case NULL: return "n";
    case STRING: return "s" + v.s.length.toString() + ":" + v.s;
    case INT: return "i" + v.i.toString();
    case DOUBLE: return "d" + v.f.toString();
    case BOOL: return v.i != 0 ? "t" : "F";
    case LIST: case PATH: case MAP: {
      let k = v.kind == MAP ? "{" : "[";
      const items = v.items!;
      for (let i = 0; i < items.length; i++) {
        if (v.kind == MAP) k += v.keys![i].length.toString() + ":" + v.keys![i];
        k += keyOf(items[i]) + ",";
      }
      return k + "]";
    }
  }
  return "e" + v.kind.toString() + ":" + v.i.toString();
}

function findAggregates(e: Expr | null, out: Array<Expr>): void {
  if (e === null) return;
  if (e.kind == E_COUNT_STAR || (e.kind == E_CALL && AGGREGATES.includes(e.name))) {
    out.push(e);
    return; // nested aggregates are refused by validation
  }
  for (let i = 0; i < e.args.length; i++) findAggregates(e.args[i], out);
}

class Aggregator {
  expr: Expr;
  count: i64 = 0;
  sumI: i64 = 0;
  sumF: f64 = 0;
  isFloat: bool = false;
  best: V = NULL_VALUE;
  items: Array<V> = [];
  seen: Set<string> = new Set<string>();
  /** percentileCont/Disc and stDev/stDevP: the numbers; the percentile asked for. */
  nums: Array<f64> = [];
  percentile: f64 = 0;

  constructor(expr: Expr) { this.expr = expr; }

  add(row: Row, ctx: Ctx): void {
    const e = this.expr;
    if (e.kind == E_COUNT_STAR) {
      this.count++;
      return;
    }
    const v = evaluate(e.arg(0), row, ctx);
    if (v.kind == NULL) return;
    if (e.flag) {
      const k = keyOf(v);
      if (this.seen.has(k)) return;
      this.seen.add(k);
    }
    const name = e.name;
    this.count++;
    if (name == "sum" || name == "avg") {
      if (v.kind == INT) {
        this.sumI += v.i;
        this.sumF += <f64>v.i;
      } else if (v.kind == DOUBLE) {
        this.isFloat = true;
        this.sumF += v.f;
      } else fail("Type mismatch: expected Integer, Float, or Null but was " + (v.kind == STRING ? "String" : "another type"));
    } else if (name == "min" || name == "max") {
      if (this.best.kind == NULL) this.best = v;
      else {
        const c = compareValues(v, this.best);
        if (name == "min" ? c < 0 : c > 0) this.best = v;
      }
    } else if (name == "collect") this.items.push(v);
    else if (name != "count") {
      if (v.kind != INT && v.kind != DOUBLE) {
        fail("Type mismatch: expected Integer, Float, or Null but was " + (v.kind == STRING ? "String" : "another type"));
        return;
      }
      this.nums.push(v.kind == INT ? <f64>v.i : v.f);
      if (name.startsWith("percentile") && this.nums.length == 1) this.percentile = percentileArg(e, row, ctx);
    }
  }

  result(): V {
    const name = this.expr.name;
    if (name == "count") return vInt(this.count);
    if (name == "sum") return this.isFloat ? vDouble(this.sumF) : vInt(this.sumI);
    if (name == "avg") return this.count == 0 ? NULL_VALUE : vDouble(this.sumF / <f64>this.count);
    if (name == "collect") return vList(this.items);
    if (name == "min" || name == "max") return this.best;
    return numeric(name, this.nums, this.percentile);
  }
}

/** The percentile argument: a number from 0 to 1, else FalkorDB's error. */
function percentileArg(e: Expr, row: Row, ctx: Ctx): f64 {
  const p = evaluate(e.arg(1), row, ctx);
  const f = p.kind == INT ? <f64>p.i : p.kind == DOUBLE ? p.f : -1;
  if (f < 0 || f > 1) {
    const shown = p.kind == INT || p.kind == DOUBLE ? f : 0;
    fail("Invalid input - '" + fixed6(shown) + "' is not a valid argument, must be a number in the range 0.0 to 1.0");
  }
  return f;
}

/** FalkorDB's percentileCont, percentileDisc, stDev (sample) and stDevP (population), as doubles. */
function numeric(name: string, nums: Array<f64>, p: f64): V {
  const n = nums.length;
  if (name == "stdev" || name == "stdevp") {
    if (n < 2) return vDouble(0);
    let mean: f64 = 0;
    for (let i = 0; i < n; i++) mean += nums[i];
    mean /= <f64>n;
    let sq: f64 = 0;
    for (let i = 0; i < n; i++) sq += (nums[i] - mean) * (nums[i] - mean);
    return vDouble(Math.sqrt(sq / <f64>(name == "stdev" ? n - 1 : n)));
  }
  if (n == 0) return NULL_VALUE;
  const sorted = nums.slice(0);
  sorted.sort((a: f64, b: f64): i32 => (a < b ? -1 : a > b ? 1 : 0));
  if (name == "percentiledisc") {
    const i = p > 0 ? <i32>Math.ceil(p * <f64>n) - 1 : 0;
    return vDouble(sorted[i]);
  }
  if (p == 1 || n == 1) return vDouble(sorted[n - 1]);
  const at = p * <f64>(n - 1);
  const lo = <i32>Math.floor(at), hi = <i32>Math.ceil(at);
  if (lo == hi) return vDouble(sorted[lo]);
  return vDouble(sorted[lo] * (<f64>hi - at) + sorted[hi] * (at - <f64>lo));
}

class Group {
  first: Row;
  aggregators: Array<Aggregator> = [];
  constructor(first: Row) { this.first = first; }
}

/** The projected rows of a WITH or RETURN, and their column names. */
export class Projected {
  columns: Array<string> = [];
  rows: Array<Row> = [];
}

function countArg(e: Expr | null, row: Row, ctx: Ctx, what: string): i64 {
  if (e === null) return -1;
  const v = evaluate(e, row, ctx);
  if (v.kind != INT || v.i < 0) {
    fail(what + " specified value of invalid type, must be a positive integer");
    return 0;
  }
  return v.i;
}

export function project(c: Clause, input: Array<Row>, scope: Array<string>, ctx: Ctx): Projected {
  const out = new Projected();
  const exprs = new Array<Expr>();
  if (c.star) {
    for (let i = 0; i < scope.length; i++) {
      if (scope[i].startsWith("  ")) continue; // anonymous pattern parts
      const e = new Expr(E_VAR);
      e.name = scope[i];
      exprs.push(e);
      out.columns.push(scope[i]);
    }
    if (exprs.length == 0) fail("RETURN * is not allowed when there are no variables in scope");
  }
  for (let i = 0; i < c.items.length; i++) {
    exprs.push(c.items[i].expr);
    out.columns.push(c.items[i].alias);
  }
  for (let i = 0; i < out.columns.length; i++) {
    if (out.columns.indexOf(out.columns[i]) != i) fail("Error: Multiple result columns with the same name are not supported.");
  }
  const aggs = new Array<Expr>();
  const isAgg = new Array<bool>();
  for (let i = 0; i < exprs.length; i++) {
    const before = aggs.length;
    findAggregates(exprs[i], aggs);
    isAgg.push(aggs.length > before);
  }
  for (let i = 0; i < c.order.length; i++) findAggregates(c.order[i], aggs);
  if (failed()) return out;

  // Each output row, and the row ORDER BY evaluates in (the input's variables, then the aliases).
  const rows = new Array<Row>();
  const orderScopes = new Array<Row>();
  if (aggs.length == 0) {
    for (let r = 0; r < input.length && !failed(); r++) {
      const row = new Row();
      const scopeRow = c.order.length > 0 ? input[r].clone() : input[r];
      for (let i = 0; i < exprs.length; i++) {
        const v = evaluate(exprs[i], input[r], ctx);
        row.set(out.columns[i], v);
        if (c.order.length > 0) scopeRow.set(out.columns[i], v);
      }
      rows.push(row);
      orderScopes.push(scopeRow);
    }
  } else {
    const groups = new Array<Group>();
    const index = new Map<string, i32>();
    for (let r = 0; r < input.length && !failed(); r++) {
      let key = "";
      for (let i = 0; i < exprs.length; i++) if (!isAgg[i]) key += keyOf(evaluate(exprs[i], input[r], ctx)) + "|";
      let g: Group;
      if (index.has(key)) g = groups[index.get(key)];
      else {
        g = new Group(input[r]);
        for (let a = 0; a < aggs.length; a++) g.aggregators.push(new Aggregator(aggs[a]));
        index.set(key, groups.length);
        groups.push(g);
      }
      for (let a = 0; a < aggs.length; a++) g.aggregators[a].add(input[r], ctx);
    }
    // No input and nothing to group by: one row of empty aggregates (count 0, collect []).
    let grouping = false;
    for (let i = 0; i < isAgg.length; i++) if (!isAgg[i]) grouping = true;
    if (groups.length == 0 && !grouping) {
      const g = new Group(new Row());
      for (let a = 0; a < aggs.length; a++) g.aggregators.push(new Aggregator(aggs[a]));
      groups.push(g);
    }
    ctx.aggExprs = aggs;
    for (let gi = 0; gi < groups.length && !failed(); gi++) {
      const g = groups[gi];
      const values = new Array<V>();
      for (let a = 0; a < aggs.length; a++) values.push(g.aggregators[a].result());
      ctx.aggValues = values;
      const row = new Row();
      const scopeRow = g.first.clone();
      for (let i = 0; i < exprs.length; i++) {
        const v = evaluate(exprs[i], g.first, ctx);
        row.set(out.columns[i], v);
        scopeRow.set(out.columns[i], v);
      }
      rows.push(row);
      orderScopes.push(scopeRow);
    }
  }
  if (failed()) return out;

  let order = new Array<i32>();
  if (c.distinct) {
    const seen = new Set<string>();
    for (let r = 0; r < rows.length; r++) {
      let key = "";
      for (let i = 0; i < out.columns.length; i++) key += keyOf(rows[r].vals[i]) + "|";
      if (seen.has(key)) continue;
      seen.add(key);
      order.push(r);
    }
  } else for (let r = 0; r < rows.length; r++) order.push(r);

  if (c.order.length > 0) {
    const keys = new Array<Array<V>>();
    for (let r = 0; r < rows.length; r++) {
      const k = new Array<V>();
      for (let i = 0; i < c.order.length; i++) k.push(evaluateOrderKey(c.order[i], orderScopes[r], exprs, out.columns, ctx));
      keys.push(k);
    }
    order = sortIndexes(order, keys, c.descending);
  }
  ctx.aggExprs = [];

  const skip = countArg(c.skip, new Row(), ctx, "SKIP");
  const limit = countArg(c.limit, new Row(), ctx, "LIMIT");
  const from = skip < 0 ? 0 : <i32>min(skip, <i64>order.length);
  const to = limit < 0 ? order.length : <i32>min(<i64>from + limit, <i64>order.length);
  for (let i = from; i < to; i++) out.rows.push(rows[order[i]]);
  return out;
}

/** ORDER BY key: an expression that is a projected one is read from the projection (aggregates included). */
function evaluateOrderKey(e: Expr, scope: Row, exprs: Array<Expr>, columns: Array<string>, ctx: Ctx): V {
  for (let i = 0; i < exprs.length; i++) {
    if (exprs[i] === e || (exprs[i].text != "" && exprs[i].text == e.text)) return scope.get(columns[i])!;
  }
  return evaluate(e, scope, ctx);
}

/** A stable merge sort of row indexes by their keys (closures are not available to Array.sort here). */
function sortIndexes(idx: Array<i32>, keys: Array<Array<V>>, desc: Array<bool>): Array<i32> {
  if (idx.length < 2) return idx;
  const mid = idx.length >> 1;
  const a = sortIndexes(idx.slice(0, mid), keys, desc);
  const b = sortIndexes(idx.slice(mid), keys, desc);
  const out = new Array<i32>();
  let i = 0, j = 0;
  while (i < a.length && j < b.length) {
    if (compareKeys(keys[b[j]], keys[a[i]], desc) < 0) out.push(b[j++]);
    else out.push(a[i++]);
  }
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

function compareKeys(x: Array<V>, y: Array<V>, desc: Array<bool>): i32 {
  for (let i = 0; i < x.length; i++) {
    const c = compareValues(x[i], y[i]);
    if (c != 0) return desc[i] ? -c : c;
  }
  return 0;
}

