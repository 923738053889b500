// Scalar functions. Their names and argument counts are checked before the query runs (validate.ts), so
// here a call has a known name and an accepted number of arguments.
import { formatGeneral, nowMs } from "ferrite-sdk";
import { Ctx } from "./context";
import { edgeTypeName, labelsOf, propertiesOf } from "./entity";
import { fail } from "./failure";
import { distance, makePoint } from "./point";
import { makeDate, makeDateTime, makeDuration, makeTime } from "./temporal";
import { E_DST, E_SRC, edgeRec } from "../store/graph";
import {
  BOOL, DOUBLE, EDGE, INT, LIST, MAP, NODE, NULL, NULL_VALUE, PATH, STRING, V, asF64, isNumber, typeName, vBool, vDouble,
  vEntity, vInt, vList, vString,
} from "./value";

/** FalkorDB's "Type mismatch: expected X but was Y". */
export function mismatch(expected: string, v: V): void { fail("Type mismatch: expected " + expected + " but was " + typeName(v)); }

/** name, minimum and maximum argument counts (-1: any). */
const NAMES: Array<string> = [
  "id", "labels", "type", "properties", "keys", "exists", "size", "length", "nodes", "relationships", "startnode",
  "endnode", "tointeger", "tofloat", "tostring", "coalesce", "range", "head", "last", "tail", "abs", "round", "floor",
  "ceil", "sqrt", "sign", "tolower", "toupper", "trim", "ltrim", "rtrim", "substring", "split", "replace", "reverse",
  "left", "right", "timestamp", "toboolean", "point", "distance", "date", "localtime", "localdatetime", "duration",
];
const MIN_ARGS: Array<i32> = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 1, 2, 2, 0, 1, 1, 2, 0, 0, 0, 1];
const MAX_ARGS: Array<i32> = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 2, 3, 1, 2, 2, 0, 1, 1, 2, 1, 1, 1, 1];

export const AGGREGATES: Array<string> = ["count", "sum", "avg", "min", "max", "collect", "percentilecont", "percentiledisc", "stdev", "stdevp"];

/** Checks a call's name and argument count; false (failure set) when FalkorDB would refuse it. */
export function checkCall(name: string, argc: i32): bool {
  if (AGGREGATES.includes(name)) {
    const want = name.startsWith("percentile") ? 2 : 1;
    if (argc != want) fail("Received " + argc.toString() + " arguments to function '" + name + "', expected " + (argc < want ? "at least " : "at most ") + want.toString());
    return argc == want;
  }
  const i = NAMES.indexOf(name);
  if (i < 0) {
    fail("Unknown function '" + name + "'");
    return false;
  }
  if (argc < MIN_ARGS[i]) {
    fail("Received " + argc.toString() + " arguments to function '" + name + "', expected at least " + MIN_ARGS[i].toString());
    return false;
  }
  if (MAX_ARGS[i] >= 0 && argc > MAX_ARGS[i]) {
    fail("Received " + argc.toString() + " arguments to function '" + name + "', expected at most " + MAX_ARGS[i].toString());
    return false;
  }
  return true;
}

function stringArg(v: V): bool {
  if (v.kind == STRING) return true;
  if (v.kind != NULL) mismatch("String or Null", v);
  return false;
}

function intArg(v: V): bool {
  if (v.kind == INT) return true;
  if (v.kind != NULL) mismatch("Integer or Null", v);
  return false;
}

function numberArg(v: V): bool {
  if (isNumber(v)) return true;
  if (v.kind != NULL) mismatch("Integer, Float, or Null", v);
  return false;
}

function pathItems(v: V, edges: bool): V {
  const out = new Array<V>();
  const items = v.items!;
  for (let i = edges ? 1 : 0; i < items.length; i += 2) out.push(items[i]);
  return vList(out);
}

export function callFunction(name: string, args: Array<V>, ctx: Ctx): V {
  const a = args.length > 0 ? args[0] : NULL_VALUE;
  if (name == "coalesce") {
    for (let i = 0; i < args.length; i++) if (args[i].kind != NULL) return args[i];
    return NULL_VALUE;
  }
  if (name == "timestamp") return vInt(nowMs());
  if (name == "point") return makePoint(a);
  if (name == "distance") return distance(a, args[1]);
  if (name == "date") return makeDate(args);
  if (name == "localtime") return makeTime(args);
  if (name == "localdatetime") return makeDateTime(args);
  if (name == "duration") return makeDuration(a);
  if (name == "range") {
    for (let i = 0; i < args.length; i++) if (!intArg(args[i])) return NULL_VALUE;
    const step = args.length > 2 ? args[2].i : 1;
    if (step == 0) {
      fail("ArgumentError: step argument to range() can't be 0");
      return NULL_VALUE;
    }
    const out = new Array<V>();
    for (let x = a.i; step > 0 ? x <= args[1].i : x >= args[1].i; x += step) {
      if (!ctx.tick()) break;
      out.push(vInt(x));
    }
    return vList(out);
  }
  if (a.kind == NULL && name != "exists" && name != "tostring") return NULL_VALUE;
  if (name == "id") {
    if (a.kind == NODE || a.kind == EDGE) return vInt(a.i);
    mismatch("Node, Edge, or Null", a);
  } else if (name == "labels") {
    if (a.kind == NODE) return labelsOf(ctx.g, <u32>a.i);
    mismatch("Node or Null", a);
  } else if (name == "type") {
    if (a.kind == EDGE) return vString(edgeTypeName(ctx.g, <u32>a.i));
    mismatch("Edge or Null", a);
  } else if (name == "properties") {
    if (a.kind == NODE || a.kind == EDGE) return propertiesOf(ctx.g, a.kind, <u32>a.i);
    if (a.kind == MAP) return a;
    mismatch("Map, Node, Edge, or Null", a);
  } else if (name == "keys") {
    const m = a.kind == NODE || a.kind == EDGE ? propertiesOf(ctx.g, a.kind, <u32>a.i) : a;
    if (m.kind == MAP) {
      const out = new Array<V>();
      const keys = m.keys!;
      for (let i = 0; i < keys.length; i++) out.push(vString(keys[i]));
      return vList(out);
    }
    mismatch("Map, Node, Edge, or Null", a);
  } else if (name == "exists") {
    return vBool(a.kind != NULL);
  } else if (name == "size") {
    if (a.kind == LIST) return vInt(a.items!.length);
    if (a.kind == STRING) return vInt(a.s.length);
    mismatch("List, String, or Null", a);
  } else if (name == "length") {
    if (a.kind == PATH) return vInt(a.items!.length >> 1);
    mismatch("Path or Null", a);
  } else if (name == "nodes" || name == "relationships") {
    if (a.kind == PATH) return pathItems(a, name == "relationships");
    mismatch("Path or Null", a);
  } else if (name == "startnode" || name == "endnode") {
    if (a.kind == EDGE) return vEntity(NODE, <i64>load<u32>(edgeRec(ctx.g, <u32>a.i) + (name == "startnode" ? E_SRC : E_DST)));
    mismatch("Edge or Null", a);
  } else if (name == "tointeger") {
    if (a.kind == INT) return a;
    if (a.kind == DOUBLE) return isFinite(a.f) ? vInt(<i64>Math.floor(a.f)) : NULL_VALUE;
    if (a.kind == BOOL) return vInt(a.i);
    if (a.kind == STRING) return parseNumber(a.s, true);
    mismatch("Integer, Float, String, Boolean, or Null", a);
  } else if (name == "tofloat") {
    if (a.kind == INT) return vDouble(<f64>a.i);
    if (a.kind == DOUBLE) return a;
    if (a.kind == STRING) return parseNumber(a.s, false);
    mismatch("Integer, Float, String, or Null", a);
  } else if (name == "toboolean") {
    if (a.kind == BOOL) return a;
    if (a.kind == STRING) {
      const s = a.s.toLowerCase();
      return s == "true" ? vBool(true) : s == "false" ? vBool(false) : NULL_VALUE;
    }
    if (a.kind == INT) return vBool(a.i != 0);
    mismatch("Boolean, String, Integer, or Null", a);
  } else if (name == "tostring") {
    if (a.kind == NULL) return NULL_VALUE;
    if (a.kind == STRING) return a;
    if (a.kind == INT) return vString(a.i.toString());
    if (a.kind == DOUBLE) return vString(formatGeneral(a.f, 15));
    if (a.kind == BOOL) return vString(a.i != 0 ? "true" : "false");
    mismatch("Integer, Float, String, Boolean, or Null", a);
  } else if (name == "head" || name == "last" || name == "tail") {
    if (a.kind != LIST) {
      mismatch("List or Null", a);
      return NULL_VALUE;
    }
    const items = a.items!;
    if (name == "tail") return vList(items.length > 0 ? items.slice(1) : new Array<V>());
    if (items.length == 0) return NULL_VALUE;
    return name == "head" ? items[0] : items[items.length - 1];
  } else if (name == "abs" || name == "round" || name == "floor" || name == "ceil" || name == "sqrt" || name == "sign") {
    if (!numberArg(a)) return NULL_VALUE;
    if (name == "abs") return a.kind == INT ? vInt(a.i < 0 ? -a.i : a.i) : vDouble(Math.abs(a.f));
    if (name == "sign") {
      const x = asF64(a);
      return vInt(x > 0 ? 1 : x < 0 ? -1 : 0);
    }
    if (name == "sqrt") return vDouble(Math.sqrt(asF64(a)));
    if (a.kind == INT) return a;
    if (name == "round") return vDouble(Math.round(a.f)); // half away from zero for positives, as C's round
    return vDouble(name == "floor" ? Math.floor(a.f) : Math.ceil(a.f));
  } else if (name == "tolower" || name == "toupper" || name == "trim" || name == "ltrim" || name == "rtrim" || name == "reverse") {
    if (name == "reverse" && a.kind == LIST) return vList(a.items!.slice(0).reverse());
    if (!stringArg(a)) return NULL_VALUE;
    if (name == "tolower") return vString(a.s.toLowerCase());
    if (name == "toupper") return vString(a.s.toUpperCase());
    if (name == "trim") return vString(a.s.trim());
    if (name == "ltrim") return vString(a.s.trimStart());
    if (name == "rtrim") return vString(a.s.trimEnd());
    let r = "";
    for (let i = a.s.length - 1; i >= 0; i--) r += a.s.charAt(i);
    return vString(r);
  } else if (name == "substring" || name == "left" || name == "right") {
    if (!stringArg(a)) return NULL_VALUE;
    for (let i = 1; i < args.length; i++) if (!intArg(args[i])) return NULL_VALUE;
    const s = a.s;
    if (name == "left") return vString(s.substring(0, <i32>min(args[1].i, <i64>s.length)));
    if (name == "right") return vString(s.substring(max(0, s.length - <i32>min(args[1].i, <i64>s.length))));
    const start = <i32>min(args[1].i, <i64>s.length);
    const len = args.length > 2 ? <i32>min(args[2].i, <i64>s.length) : s.length;
    return vString(s.substr(start, len));
  } else if (name == "split") {
    if (!stringArg(a) || !stringArg(args[1])) return NULL_VALUE;
    const parts = a.s.split(args[1].s);
    const out = new Array<V>();
    for (let i = 0; i < parts.length; i++) out.push(vString(parts[i]));
    return vList(out);
  } else if (name == "replace") {
    if (!stringArg(a) || !stringArg(args[1]) || !stringArg(args[2])) return NULL_VALUE;
    return vString(a.s.replaceAll(args[1].s, args[2].s));
  }
  return NULL_VALUE;
}

/** toInteger / toFloat of a string: null when it is no number. */
function parseNumber(s: string, integer: bool): V {
  const t = s.trim();
  if (t.length == 0) return NULL_VALUE;
  let digits = 0, dots = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c == 46) dots++;
    else if (!((c == 45 || c == 43) && i == 0) && c != 101 && c != 69) return NULL_VALUE;
  }
  if (digits == 0 || dots > 1) return NULL_VALUE;
  const f = F64.parseFloat(t);
  if (isNaN(f)) return NULL_VALUE;
  return integer ? vInt(<i64>Math.floor(f)) : vDouble(f);
}
