// Reading and writing the stored graph in query values: properties, labels, relationship types.
import { E_PROPS, E_TYPE, Graph, N_PROPS, edgeRec, nodeRec } from "../store/graph";
import { blobData, blobLen } from "../store/blob";
import { LABELS, PROP_KEYS, REL_TYPES, nameAt, nameFind, nameIntern } from "../store/names";
import { P_BOOL, P_DATETIME, P_DOUBLE, P_DURATION, P_INT, P_LIST, P_POINT, P_STRING, propEntry, propFind, propKey, propPayload, propRemove, propSet, propType, propsCount } from "../store/props";
import { nodeLabels } from "../store/entities";
import { vecGet } from "../store/u32-vec";
import { Ctx } from "./context";
import { fail } from "./failure";
import { decodeList, encodeList } from "./list-codec";
import { BOOL, DOUBLE, INT, LIST, NODE, NULL, NULL_VALUE, POINT, STRING, V, isTemporal, vBool, vDouble, vInt, vMap, vPoint, vString, vTemporal } from "./value";
import { pointLat, pointLon } from "./point";

export function utf8(s: string): ArrayBuffer { return String.UTF8.encode(s); }

export function blobString(b: usize): string { return String.UTF8.decodeUnsafe(blobData(b), blobLen(b)); }

export function nameString(g: Graph, which: i32, id: u32): string { return blobString(nameAt(g, which, id)); }

/** The id of a name, or -1 (reads never add names). */
export function findName(g: Graph, which: i32, name: string): i32 {
  if (changetype<usize>(g) == 0) return -1;
  const b = utf8(name);
  return nameFind(g, which, changetype<usize>(b), b.byteLength);
}

export function internName(g: Graph, which: i32, name: string): u32 {
  const b = utf8(name);
  return nameIntern(g, which, changetype<usize>(b), b.byteLength);
}

/** Where an entity's properties block pointer lives. */
export function propsSlot(g: Graph, kind: i32, id: u32): usize {
  return kind == NODE ? nodeRec(g, id) + N_PROPS : edgeRec(g, id) + E_PROPS;
}

function storedValue(e: usize): V {
  const type = propType(e);
  const bits = propPayload(e);
  if (type == P_STRING) return vString(blobString(<usize>bits));
  if (type == P_INT) return vInt(<i64>bits);
  if (type == P_BOOL) return vBool(bits != 0);
  if (type == P_DOUBLE) return vDouble(reinterpret<f64>(bits));
  if (type == P_POINT) return vPoint(reinterpret<f32>(<u32>bits), reinterpret<f32>(<u32>(bits >> 32)));
  if (type >= P_DATETIME && type <= P_DURATION) return vTemporal(<i32>type, <i64>bits);
  return decodeList(blobData(<usize>bits), blobLen(<usize>bits));
}

export function propertyOf(g: Graph, kind: i32, id: u32, name: string): V {
  const key = findName(g, PROP_KEYS, name);
  return key < 0 ? NULL_VALUE : propertyById(g, kind, id, <u32>key);
}

export function propertyById(g: Graph, kind: i32, id: u32, key: u32): V {
  const e = propFind(load<usize>(propsSlot(g, kind, id)), key);
  return e == 0 ? NULL_VALUE : storedValue(e);
}

export function propertiesOf(g: Graph, kind: i32, id: u32): V {
  const p = load<usize>(propsSlot(g, kind, id));
  const n = propsCount(p);
  const keys = new Array<string>();
  const vals = new Array<V>();
  for (let i: u32 = 0; i < n; i++) {
    const e = propEntry(p, i);
    keys.push(nameString(g, PROP_KEYS, propKey(e)));
    vals.push(storedValue(e));
  }
  return vMap(keys, vals);
}

/** The stored properties in order: key id and value, for replies. */
export function propertyCount(g: Graph, kind: i32, id: u32): u32 { return propsCount(load<usize>(propsSlot(g, kind, id))); }
export function propertyKeyAt(g: Graph, kind: i32, id: u32, i: u32): u32 { return propKey(propEntry(load<usize>(propsSlot(g, kind, id)), i)); }
export function propertyValueAt(g: Graph, kind: i32, id: u32, i: u32): V { return storedValue(propEntry(load<usize>(propsSlot(g, kind, id)), i)); }

function storable(v: V, nested: bool): bool {
  if (v.kind == STRING || v.kind == INT || v.kind == BOOL || v.kind == DOUBLE) return true;
  if (v.kind == NULL) return nested;
  if (v.kind == POINT || isTemporal(v.kind)) return !nested; // lists hold scalars only here (list-codec.ts)
  if (v.kind == LIST && !nested) {
    const items = v.items!;
    for (let i = 0; i < items.length; i++) if (!storable(items[i], true)) return false;
    return true;
  }
  return false;
}

/** SET e.name = v: null removes the property. False (failure set) for a value no property can hold. */
export function setProperty(ctx: Ctx, kind: i32, id: u32, name: string, v: V): bool {
  const g = ctx.g;
  const slot = propsSlot(g, kind, id);
  if (v.kind == NULL) {
    const key = findName(g, PROP_KEYS, name);
    if (key >= 0 && propRemove(g, slot, <u32>key)) ctx.stats.propertiesRemoved++;
    return true;
  }
  if (!storable(v, false)) {
    fail("Property values can only be of primitive types or arrays of primitive types");
    return false;
  }
  const key = internName(g, PROP_KEYS, name);
  if (v.kind == STRING) {
    const b = utf8(v.s);
    propSet(g, slot, key, P_STRING, <u64>changetype<usize>(b), b.byteLength);
  } else if (v.kind == LIST) {
    const b = encodeList(v);
    propSet(g, slot, key, P_LIST, <u64>changetype<usize>(b), b.byteLength);
  } else if (v.kind == DOUBLE) propSet(g, slot, key, P_DOUBLE, reinterpret<u64>(v.f), 0);
  else if (isTemporal(v.kind)) propSet(g, slot, key, <u32>v.kind, <u64>v.i, 0);
  else if (v.kind == POINT) {
    const bits = <u64>reinterpret<u32>(<f32>pointLat(v)) | (<u64>reinterpret<u32>(<f32>pointLon(v)) << 32);
    propSet(g, slot, key, P_POINT, bits, 0);
  }
  else propSet(g, slot, key, v.kind == INT ? P_INT : P_BOOL, <u64>v.i, 0);
  ctx.stats.propertiesSet++;
  return true;
}

export function labelsOf(g: Graph, id: u32): V {
  const out = new Array<V>();
  const labels = nodeLabels(g, id);
  if (changetype<usize>(labels) != 0) for (let i: u32 = 0; i < labels.len; i++) out.push(vString(nameString(g, LABELS, vecGet(labels, i))));
  const v = new V();
  v.kind = LIST;
  v.items = out;
  return v;
}

export function edgeTypeId(g: Graph, id: u32): u32 { return load<u32>(edgeRec(g, id) + E_TYPE); }

export function edgeTypeName(g: Graph, id: u32): string { return nameString(g, REL_TYPES, edgeTypeId(g, id)); }
