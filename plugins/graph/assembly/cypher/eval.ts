// Expression evaluation over one row. Aggregate calls are not computed here: the projection computes
// them per group and leaves their results in the context (ctx.aggExprs / ctx.aggValues).
import {
  E_BIN, E_CALL, E_CASE, E_COUNT_STAR, E_HAS_LABELS, E_INDEX, E_IS_NULL, E_LIST, E_LIT, E_MAP, E_NEG, E_NOT, E_PARAM,
  E_LIST_COMP, E_MAP_PROJECTION, E_PATTERN, E_PATTERN_COMP, E_PROP, E_SHORTEST, E_SLICE, E_VAR, Expr,
} from "./ast";
import { mapProjection } from "./map-projection";
import { pointCoordinate } from "./point";
import { temporalComponent } from "./temporal";
import { matchPattern } from "./match";
import { shortestPath } from "./shortest-path";
import { Ctx } from "./context";
import { findName, propertyOf } from "./entity";
import { formatGeneral } from "ferrite-sdk";
import { fail, failed } from "./failure";
import { callFunction, mismatch } from "./functions";
import { Row } from "./row";
import { nodeHasLabel } from "../store/entities";
import { LABELS } from "../store/names";
import {
  BOOL, DOUBLE, EDGE, INT, LIST, MAP, NODE, NULL, NULL_VALUE, POINT, STRING, V, isTemporal, asF64, compareValues, equals3, isNumber, vBool,
  vDouble, vInt, vList, vMap, vString,
} from "./value";

export function evaluate(e: Expr, row: Row, ctx: Ctx): V {
  if (failed()) return NULL_VALUE;
  switch (e.kind) {
    case E_LIT: return e.value!;
    case E_PARAM: {
      const i = ctx.paramNames.indexOf(e.name);
      if (i < 0) {
        fail("Missing parameters");
        return NULL_VALUE;
      }
      return ctx.paramValues[i];
    }
    case E_VAR: {
      const v = row.get(e.name);
      if (v === null) {
        fail("'" + e.name + "' not defined");
        return NULL_VALUE;
      }
      return v;
    }
    case E_PROP: return property(evaluate(e.arg(0), row, ctx), e.name, ctx);
    case E_LIST: {
      const items = new Array<V>();
      for (let i = 0; i < e.args.length; i++) items.push(evaluate(e.arg(i), row, ctx));
      return vList(items);
    }
    case E_MAP: {
      const vals = new Array<V>();
      for (let i = 0; i < e.args.length; i++) vals.push(evaluate(e.arg(i), row, ctx));
      return vMap(e.keys.slice(0), vals);
    }
    case E_MAP_PROJECTION: return mapProjection(e, row, ctx);
    case E_COUNT_STAR: case E_CALL: {
      const agg = ctx.aggExprs.indexOf(e);
      if (agg >= 0) return ctx.aggValues[agg];
      // exists((a)-->()) is the pattern predicate itself
      if (e.name == "exists" && e.args.length == 1 && e.arg(0).kind == E_PATTERN) return evaluate(e.arg(0), row, ctx);
      const args = new Array<V>();
      for (let i = 0; i < e.args.length; i++) args.push(evaluate(e.arg(i), row, ctx));
      return callFunction(e.name, args, ctx);
    }
    case E_BIN: return binary(e, row, ctx);
    case E_NOT: {
      const v = evaluate(e.arg(0), row, ctx);
      if (v.kind == NULL) return NULL_VALUE;
      if (v.kind != BOOL) {
        mismatch("Boolean or Null", v);
        return NULL_VALUE;
      }
      return vBool(v.i == 0);
    }
    case E_NEG: {
      const v = evaluate(e.arg(0), row, ctx);
      if (v.kind == INT) return vInt(-v.i);
      if (v.kind == DOUBLE) return vDouble(-v.f);
      if (v.kind == NULL) return NULL_VALUE;
      mismatch("Integer, Float, or Null", v);
      return NULL_VALUE;
    }
    case E_IS_NULL: {
      const isNull = evaluate(e.arg(0), row, ctx).kind == NULL;
      return vBool(e.flag ? !isNull : isNull);
    }
    case E_INDEX: return index(evaluate(e.arg(0), row, ctx), evaluate(e.arg(1), row, ctx));
    case E_SLICE: return slice(e, row, ctx);
    case E_HAS_LABELS: {
      const v = evaluate(e.arg(0), row, ctx);
      if (v.kind == NULL) return NULL_VALUE;
      if (v.kind != NODE) {
        mismatch("Node or Null", v);
        return NULL_VALUE;
      }
      for (let i = 0; i < e.keys.length; i++) {
        const label = findName(ctx.g, LABELS, e.keys[i]);
        if (label < 0 || !nodeHasLabel(ctx.g, <u32>v.i, <u32>label)) return vBool(false);
      }
      return vBool(true);
    }
    case E_CASE: return caseOf(e, row, ctx);
    case E_LIST_COMP: return listComprehension(e, row, ctx);
    case E_PATTERN: {
      const out = new Array<Row>();
      matchPattern(e.pattern!, row, ctx, out);
      return vBool(out.length > 0);
    }
    case E_PATTERN_COMP: {
      const matches = new Array<Row>();
      matchPattern(e.pattern!, row, ctx, matches);
      const items = new Array<V>();
      const where = e.args[0];
      for (let i = 0; i < matches.length && !failed(); i++) {
        if (where === null || isTrue(where, matches[i], ctx)) items.push(evaluate(e.arg(1), matches[i], ctx));
      }
      return vList(items);
    }
    case E_SHORTEST: return shortestPath(e.pattern!, row, ctx);
  }
  return NULL_VALUE;
}

/** [x IN list WHERE pred | expr] */
function listComprehension(e: Expr, row: Row, ctx: Ctx): V {
  const list = evaluate(e.arg(0), row, ctx);
  if (list.kind == NULL) return NULL_VALUE;
  if (list.kind != LIST) {
    mismatch("List", list);
    return NULL_VALUE;
  }
  const items = new Array<V>();
  const where = e.args[1], map = e.args[2];
  const scope = row.clone();
  const source = list.items!;
  for (let i = 0; i < source.length && !failed(); i++) {
    scope.set(e.name, source[i]);
    if (where !== null && !isTrue(where, scope, ctx)) continue;
    items.push(map === null ? source[i] : evaluate(map, scope, ctx));
  }
  return vList(items);
}

/** A WHERE predicate: true only for true (null and false drop the row). */
export function isTrue(e: Expr, row: Row, ctx: Ctx): bool {
  const v = evaluate(e, row, ctx);
  if (v.kind == BOOL) return v.i != 0;
  if (v.kind != NULL) mismatch("Boolean or Null", v);
  return false;
}

export function property(target: V, name: string, ctx: Ctx): V {
  if (target.kind == NODE || target.kind == EDGE) return propertyOf(ctx.g, target.kind, <u32>target.i, name);
  if (target.kind == MAP) {
    const i = target.keys!.indexOf(name);
    return i < 0 ? NULL_VALUE : target.items![i];
  }
  if (target.kind == NULL) return NULL_VALUE;
  if (target.kind == POINT) return pointCoordinate(target, name);
  if (isTemporal(target.kind)) return temporalComponent(target, name);
  mismatch("Map, Node, Edge, Null, Time, Date, Duration, DateTime, or Point", target);
  return NULL_VALUE;
}

function caseOf(e: Expr, row: Row, ctx: Ctx): V {
  const subject = e.flag ? evaluate(e.arg(0), row, ctx) : NULL_VALUE;
  const n = e.args.length;
  for (let i = 1; i + 1 < n; i += 2) {
    const when = evaluate(e.arg(i), row, ctx);
    const hit = e.flag ? equals3(subject, when) == 1 : when.kind == BOOL && when.i != 0;
    if (hit) return evaluate(e.arg(i + 1), row, ctx);
  }
  return evaluate(e.arg(n - 1), row, ctx);
}

function index(list: V, at: V): V {
  if (list.kind == NULL || at.kind == NULL) return NULL_VALUE;
  if (list.kind == MAP) {
    if (at.kind != STRING) {
      mismatch("String", at);
      return NULL_VALUE;
    }
    const i = list.keys!.indexOf(at.s);
    return i < 0 ? NULL_VALUE : list.items![i];
  }
  if (list.kind != LIST) {
    mismatch("List or Null", list);
    return NULL_VALUE;
  }
  if (at.kind != INT) {
    mismatch("Integer or Null", at);
    return NULL_VALUE;
  }
  const items = list.items!;
  let i = at.i;
  if (i < 0) i += items.length;
  return i < 0 || i >= items.length ? NULL_VALUE : items[<i32>i];
}

function slice(e: Expr, row: Row, ctx: Ctx): V {
  const list = evaluate(e.arg(0), row, ctx);
  const from = e.args[1] === null ? vInt(0) : evaluate(e.arg(1), row, ctx);
  if (list.kind == NULL || from.kind == NULL) return NULL_VALUE;
  if (list.kind != LIST) {
    mismatch("List or Null", list);
    return NULL_VALUE;
  }
  const items = list.items!;
  const to = e.args[2] === null ? vInt(items.length) : evaluate(e.arg(2), row, ctx);
  if (to.kind == NULL) return NULL_VALUE;
  if (from.kind != INT || to.kind != INT) {
    mismatch("Integer or Null", from.kind != INT ? from : to);
    return NULL_VALUE;
  }
  const n = <i64>items.length;
  let a = from.i < 0 ? from.i + n : from.i;
  let b = to.i < 0 ? to.i + n : to.i;
  a = max(<i64>0, min(a, n));
  b = max(<i64>0, min(b, n));
  return vList(a < b ? items.slice(<i32>a, <i32>b) : new Array<V>());
}

function logical(op: string, left: V, right: V): V {
  // Three-valued logic: -1 is null.
  const a = left.kind == NULL ? -1 : left.i != 0 ? 1 : 0;
  const b = right.kind == NULL ? -1 : right.i != 0 ? 1 : 0;
  if (op == "AND") {
    if (a == 0 || b == 0) return vBool(false);
    return a < 0 || b < 0 ? NULL_VALUE : vBool(true);
  }
  if (op == "OR") {
    if (a == 1 || b == 1) return vBool(true);
    return a < 0 || b < 0 ? NULL_VALUE : vBool(false);
  }
  return a < 0 || b < 0 ? NULL_VALUE : vBool(a != b); // XOR
}

function binary(e: Expr, row: Row, ctx: Ctx): V {
  const op = e.name;
  const left = evaluate(e.arg(0), row, ctx);
  const right = evaluate(e.arg(1), row, ctx);
  if (failed()) return NULL_VALUE;
  if (op == "AND" || op == "OR" || op == "XOR") {
    if (left.kind != BOOL && left.kind != NULL) {
      mismatch("Boolean or Null", left);
      return NULL_VALUE;
    }
    if (right.kind != BOOL && right.kind != NULL) {
      mismatch("Boolean or Null", right);
      return NULL_VALUE;
    }
    return logical(op, left, right);
  }
  if (op == "=" || op == "<>") {
    const eq = equals3(left, right);
    if (eq < 0) return NULL_VALUE;
    return vBool(op == "=" ? eq == 1 : eq == 0);
  }
  if (op == "<" || op == ">" || op == "<=" || op == ">=") {
    if (left.kind == NULL || right.kind == NULL) return NULL_VALUE;
    // Values of different types (numbers aside) do not compare: null, as in FalkorDB.
    if (left.kind != right.kind && !(isNumber(left) && isNumber(right))) return NULL_VALUE;
    // NaN is neither below, above nor equal to any number (ORDER BY's total order puts it somewhere).
    if ((left.kind == DOUBLE && isNaN(left.f)) || (right.kind == DOUBLE && isNaN(right.f))) return vBool(false);
    const c = compareValues(left, right);
    return vBool(op == "<" ? c < 0 : op == ">" ? c > 0 : op == "<=" ? c <= 0 : c >= 0);
  }
  if (op == "IN") {
    if (right.kind == NULL) return NULL_VALUE;
    if (right.kind != LIST) {
      mismatch("List or Null", right);
      return NULL_VALUE;
    }
    const items = right.items!;
    let sawNull = false;
    for (let i = 0; i < items.length; i++) {
      const eq = equals3(left, items[i]);
      if (eq == 1) return vBool(true);
      if (eq < 0) sawNull = true;
    }
    return sawNull ? NULL_VALUE : vBool(false);
  }
  if (op == "STARTS" || op == "ENDS" || op == "CONTAINS") {
    if (left.kind == NULL || right.kind == NULL) return NULL_VALUE;
    if (left.kind != STRING || right.kind != STRING) {
      mismatch("String or Null", left.kind != STRING ? left : right);
      return NULL_VALUE;
    }
    return vBool(op == "STARTS" ? left.s.startsWith(right.s) : op == "ENDS" ? left.s.endsWith(right.s) : left.s.includes(right.s));
  }
  return arithmetic(op, left, right);
}

function arithmetic(op: string, left: V, right: V): V {
  if (left.kind == NULL || right.kind == NULL) return NULL_VALUE;
  if (op == "+") {
    if (left.kind == LIST || right.kind == LIST) {
      const items = left.kind == LIST ? left.items!.slice(0) : [left];
      if (right.kind == LIST) {
        const r = right.items!;
        for (let i = 0; i < r.length; i++) items.push(r[i]);
      } else items.push(right);
      return vList(items);
    }
    if (left.kind == STRING || right.kind == STRING) {
      if ((left.kind == STRING || isNumber(left) || left.kind == BOOL) && (right.kind == STRING || isNumber(right) || right.kind == BOOL)) {
        return vString(toText(left) + toText(right));
      }
    }
  }
  if (!isNumber(left)) {
    mismatch("Integer, Float, or Null", left);
    return NULL_VALUE;
  }
  if (!isNumber(right)) {
    mismatch("Integer, Float, or Null", right);
    return NULL_VALUE;
  }
  if (op == "^") return vDouble(Math.pow(asF64(left), asF64(right)));
  if (left.kind == INT && right.kind == INT) {
    const a = left.i, b = right.i;
    if (op == "+") return vInt(a + b);
    if (op == "-") return vInt(a - b);
    if (op == "*") return vInt(a * b);
    if (b == 0) {
      fail("Division by zero");
      return NULL_VALUE;
    }
    if (op == "/") return vInt(a / b);
    return vInt(a % b);
  }
  const x = asF64(left), y = asF64(right);
  if (op == "+") return vDouble(x + y);
  if (op == "-") return vDouble(x - y);
  if (op == "*") return vDouble(x * y);
  if (op == "/") return vDouble(x / y);
  return vDouble(x % y);
}

/** A scalar as toString() gives it. */
export function toText(v: V): string {
  if (v.kind == STRING) return v.s;
  if (v.kind == INT) return v.i.toString();
  if (v.kind == BOOL) return v.i != 0 ? "true" : "false";
  if (v.kind == DOUBLE) return formatGeneral(v.f, 15);
  return "";
}

