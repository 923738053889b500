// A value during a query: managed objects, freed together when the command ends (see run-query.ts).
// The kinds are the compact reply's value types, so a value's kind is what it replies.
export const NULL: i32 = 1;
export const STRING: i32 = 2;
export const INT: i32 = 3;
export const BOOL: i32 = 4;
export const DOUBLE: i32 = 5;
export const LIST: i32 = 6;
export const EDGE: i32 = 7;
export const NODE: i32 = 8;
export const PATH: i32 = 9;
export const MAP: i32 = 10;
export const POINT: i32 = 11;
// 12 is FalkorDB's vector type, not built here
export const DATETIME: i32 = 13;
export const DATE: i32 = 14;
export const TIME: i32 = 15;
export const DURATION: i32 = 16;

/** Whether a kind is one of the temporal ones (temporal.ts). */
@inline export function isTemporal(kind: i32): bool { return kind >= DATETIME && kind <= DURATION; }

export class V {
  kind: i32 = NULL;
  /** INT, BOOL (0/1), NODE and EDGE ids; a POINT's longitude (f64 bits; its latitude in f). */
  i: i64 = 0;
  f: f64 = 0;
  s: string = "";
  /** LIST items, MAP values, PATH nodes and edges alternating (node, edge, node, ...). */
  items: Array<V> | null = null;
  /** MAP keys, parallel to items. */
  keys: Array<string> | null = null;
}

export const NULL_VALUE = new V();

export function vInt(i: i64): V {
  const v = new V();
  v.kind = INT;
  v.i = i;
  return v;
}

export function vDouble(f: f64): V {
  const v = new V();
  v.kind = DOUBLE;
  v.f = f;
  return v;
}

export function vBool(b: bool): V {
  const v = new V();
  v.kind = BOOL;
  v.i = b ? 1 : 0;
  return v;
}

export function vString(s: string): V {
  const v = new V();
  v.kind = STRING;
  v.s = s;
  return v;
}

export function vList(items: Array<V>): V {
  const v = new V();
  v.kind = LIST;
  v.items = items;
  return v;
}

export function vMap(keys: Array<string>, items: Array<V>): V {
  const v = new V();
  v.kind = MAP;
  v.keys = keys;
  v.items = items;
  return v;
}

export function vEntity(kind: i32, id: i64): V {
  const v = new V();
  v.kind = kind;
  v.i = id;
  return v;
}

/** A temporal value: its kind and its seconds since 1970-01-01 UTC (temporal.ts). */
export function vTemporal(kind: i32, seconds: i64): V {
  const v = new V();
  v.kind = kind;
  v.i = seconds;
  return v;
}

/** A point from its two floats (point.ts). */
export function vPoint(lat: f32, lon: f32): V {
  const v = new V();
  v.kind = POINT;
  v.f = <f64>lat;
  v.i = reinterpret<i64>(<f64>lon);
  return v;
}

export function vPath(items: Array<V>): V {
  const v = new V();
  v.kind = PATH;
  v.items = items;
  return v;
}

@inline export function isNumber(v: V): bool { return v.kind == INT || v.kind == DOUBLE; }
@inline export function asF64(v: V): f64 { return v.kind == INT ? <f64>v.i : v.f; }

/** FalkorDB's type names, as its type mismatch errors print them. */
export function typeName(v: V): string {
  switch (v.kind) {
    case NULL: return "Null";
    case STRING: return "String";
    case INT: return "Integer";
    case BOOL: return "Boolean";
    case DOUBLE: return "Float";
    case LIST: return "List";
    case EDGE: return "Edge";
    case NODE: return "Node";
    case PATH: return "Path";
    case MAP: return "Map";
    case POINT: return "Point";
    case DATETIME: return "Datetime";
    case DATE: return "Date";
    case TIME: return "Time";
    case DURATION: return "Duration";
  }
  return "Unknown";
}

/** Cypher equality; null when either side is null (three-valued logic: -1 null, 0 false, 1 true). */
export function equals3(a: V, b: V): i32 {
  if (a.kind == NULL || b.kind == NULL) return -1;
  if (isNumber(a) && isNumber(b)) {
    if (a.kind == INT && b.kind == INT) return a.i == b.i ? 1 : 0;
    return asF64(a) == asF64(b) ? 1 : 0;
  }
  if (a.kind != b.kind) return 0;
  switch (a.kind) {
    case STRING: return a.s == b.s ? 1 : 0;
    case BOOL: case NODE: case EDGE: return a.i == b.i ? 1 : 0;
    case POINT: return a.f == b.f && a.i == b.i ? 1 : 0;
    case DATETIME: case DATE: case TIME: case DURATION: return a.i == b.i ? 1 : 0;
    case LIST: case PATH: case MAP: {
      const x = a.items!, y = b.items!;
      if (x.length != y.length) return 0;
      if (a.kind == MAP) {
        for (let i = 0; i < x.length; i++) {
          const j = b.keys!.indexOf(a.keys![i]);
          if (j < 0) return 0;
          const e = equals3(x[i], y[j]);
          if (e != 1) return e;
        }
        return 1;
      }
      let result = 1;
      for (let i = 0; i < x.length; i++) {
        const e = equals3(x[i], y[i]);
        if (e == 0) return 0;
        if (e < 0) result = -1;
      }
      return result;
    }
  }
  return 0;
}

/** The rank of a kind in Cypher's global sort order (ORDER BY across types). */
function orderRank(kind: i32): i32 {
  switch (kind) {
    case MAP: return 0;
    case NODE: return 1;
    case EDGE: return 2;
    case LIST: return 3;
    case PATH: return 4;
    case STRING: return 5;
    case BOOL: return 6;
    case INT: case DOUBLE: return 7;
    case NULL: return 1000;
  }
  return 8 + kind; // one rank per other kind (points, temporal values), before null's
}

/** Total order for ORDER BY, DISTINCT grouping and min/max: nulls last. */
export function compareValues(a: V, b: V): i32 {
  const ra = orderRank(a.kind), rb = orderRank(b.kind);
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (a.kind) {
    case INT: case DOUBLE: {
      if (a.kind == INT && b.kind == INT) return a.i < b.i ? -1 : a.i > b.i ? 1 : 0;
      const x = asF64(a), y = asF64(b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case STRING: return a.s < b.s ? -1 : a.s > b.s ? 1 : 0;
    case BOOL: case NODE: case EDGE: case DATETIME: case DATE: case TIME: case DURATION: return a.i < b.i ? -1 : a.i > b.i ? 1 : 0;
    case LIST: case PATH: case MAP: {
      const x = a.items!, y = b.items!;
      const n = min(x.length, y.length);
      for (let i = 0; i < n; i++) {
        const c = compareValues(x[i], y[i]);
        if (c != 0) return c;
      }
      return x.length < y.length ? -1 : x.length > y.length ? 1 : 0;
    }
  }
  return 0;
}
