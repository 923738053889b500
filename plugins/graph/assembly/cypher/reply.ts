// The result set as FalkorDB replies it. Verbose: [header of names, rows of plain values, stats];
// compact (--compact, what client libraries ask for): [header of [1, name], rows of [type, value] cells
// whose nodes and edges carry label, type and property ids, stats]. A query without columns replies
// [stats] alone.
import { formatGeneral, replyArray, replyBulk, replyInt, replyNull } from "ferrite-sdk";
import { Ctx, Stats } from "./context";
import { edgeTypeId, edgeTypeName, labelsOf, nameString, propertyCount, propertyKeyAt, propertyValueAt } from "./entity";
import { Result } from "./execute";
import { E_DST, E_SRC, edgeAlive, edgeRec, nodeAlive } from "../store/graph";
import { nodeLabels } from "../store/entities";
import { PROP_KEYS } from "../store/names";
import { U32Vec, vecGet } from "../store/u32-vec";
import { BOOL, DATE, DATETIME, DOUBLE, DURATION, EDGE, INT, LIST, MAP, NODE, NULL, PATH, POINT, STRING, TIME, V, isTemporal } from "./value";
import { temporalText } from "./temporal";
import { pointLat, pointLon, pointText } from "./point";

const COLUMN_SCALAR = 1;

export function replyText(s: string): void {
  const b = String.UTF8.encode(s);
  replyBulk(changetype<usize>(b), b.byteLength);
}

/** An array of text lines (GRAPH.EXPLAIN's and GRAPH.PROFILE's plans). */
export function replyLines(lines: Array<string>): void {
  replyArray(lines.length);
  for (let i = 0; i < lines.length; i++) replyText(lines[i]);
}

function replyScalar(v: V): void {
  if (v.kind == STRING) replyText(v.s);
  else if (v.kind == INT) replyInt(v.i);
  else if (v.kind == DOUBLE) replyText(formatGeneral(v.f, 15));
  else if (v.kind == BOOL) replyText(v.i != 0 ? "true" : "false");
  else if (isTemporal(v.kind)) replyInt(v.i); // the compact form: seconds since 1970-01-01
  else replyNull();
}

// ---- compact ----

function compactProperties(ctx: Ctx, kind: i32, id: u32): void {
  const n = propertyCount(ctx.g, kind, id);
  replyArray(<i32>n);
  for (let i: u32 = 0; i < n; i++) {
    replyArray(3);
    replyInt(propertyKeyAt(ctx.g, kind, id, i));
    compactValue(ctx, propertyValueAt(ctx.g, kind, id, i));
  }
}

function compactNode(ctx: Ctx, id: u32): void {
  replyArray(3);
  replyInt(id);
  const alive = nodeAlive(ctx.g, id);
  const labels = alive ? nodeLabels(ctx.g, id) : changetype<U32Vec>(0);
  const n: u32 = changetype<usize>(labels) == 0 ? 0 : labels.len;
  replyArray(<i32>n);
  for (let i: u32 = 0; i < n; i++) replyInt(vecGet(labels, i));
  if (alive) compactProperties(ctx, NODE, id);
  else replyArray(0);
}

function compactEdge(ctx: Ctx, id: u32): void {
  replyArray(5);
  replyInt(id);
  const alive = edgeAlive(ctx.g, id);
  const r = edgeRec(ctx.g, id);
  replyInt(alive ? edgeTypeId(ctx.g, id) : 0);
  replyInt(load<u32>(r + E_SRC));
  replyInt(load<u32>(r + E_DST));
  if (alive) compactProperties(ctx, EDGE, id);
  else replyArray(0);
}

/** [type, value]'s two elements. */
function compactValue(ctx: Ctx, v: V): void {
  replyInt(v.kind);
  if (v.kind == NODE) compactNode(ctx, <u32>v.i);
  else if (v.kind == EDGE) compactEdge(ctx, <u32>v.i);
  else if (v.kind == LIST) {
    const items = v.items!;
    replyArray(items.length);
    for (let i = 0; i < items.length; i++) {
      replyArray(2);
      compactValue(ctx, items[i]);
    }
  } else if (v.kind == PATH) {
    // [[LIST, nodes], [LIST, edges]]
    const items = v.items!;
    replyArray(2);
    for (let side = 0; side < 2; side++) {
      replyArray(2);
      replyInt(LIST);
      replyArray(side == 0 ? (items.length + 1) >> 1 : items.length >> 1);
      for (let i = side; i < items.length; i += 2) {
        replyArray(2);
        compactValue(ctx, items[i]);
      }
    }
  } else if (v.kind == POINT) {
    replyArray(2);
    replyText(formatGeneral(pointLat(v), 15));
    replyText(formatGeneral(pointLon(v), 15));
  } else if (v.kind == MAP) {
    const keys = v.keys!;
    replyArray(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      replyText(keys[i]);
      replyArray(2);
      compactValue(ctx, v.items![i]);
    }
  } else replyScalar(v);
}

// ---- verbose ----

function verboseProperties(ctx: Ctx, kind: i32, id: u32): void {
  const n = propertyCount(ctx.g, kind, id);
  replyArray(<i32>n);
  for (let i: u32 = 0; i < n; i++) {
    replyArray(2);
    replyText(nameString(ctx.g, PROP_KEYS, propertyKeyAt(ctx.g, kind, id, i)));
    verboseValue(ctx, propertyValueAt(ctx.g, kind, id, i));
  }
}

function pair(name: string): void {
  replyArray(2);
  replyText(name);
}

function verboseValue(ctx: Ctx, v: V): void {
  if (v.kind == NODE) {
    const id = <u32>v.i;
    const alive = nodeAlive(ctx.g, id);
    replyArray(3);
    pair("id");
    replyInt(id);
    pair("labels");
    const labels = alive ? labelsOf(ctx.g, id).items! : new Array<V>();
    replyArray(labels.length);
    for (let i = 0; i < labels.length; i++) replyText(labels[i].s);
    pair("properties");
    if (alive) verboseProperties(ctx, NODE, id);
    else replyArray(0);
  } else if (v.kind == EDGE) {
    const id = <u32>v.i;
    const alive = edgeAlive(ctx.g, id);
    const r = edgeRec(ctx.g, id);
    replyArray(5);
    pair("id");
    replyInt(id);
    pair("type");
    replyText(alive ? edgeTypeName(ctx.g, id) : "");
    pair("src_node");
    replyInt(load<u32>(r + E_SRC));
    pair("dest_node");
    replyInt(load<u32>(r + E_DST));
    pair("properties");
    if (alive) verboseProperties(ctx, EDGE, id);
    else replyArray(0);
  } else if (v.kind == LIST || v.kind == MAP || v.kind == PATH || v.kind == POINT || isTemporal(v.kind)) replyText(valueText(ctx, v));
  else replyScalar(v);
}

/** Lists, maps and paths travel as text in the verbose form, as FalkorDB prints them. */
function valueText(ctx: Ctx, v: V): string {
  switch (v.kind) {
    case NULL: return "NULL";
    case STRING: return v.s;
    case INT: return v.i.toString();
    case DOUBLE: return formatGeneral(v.f, 15);
    case BOOL: return v.i != 0 ? "true" : "false";
    case NODE: return "(" + v.i.toString() + ")";
    case EDGE: return "[" + v.i.toString() + "]";
    case POINT: return pointText(v);
    case DATETIME: case DATE: case TIME: case DURATION: return temporalText(v);
    case MAP: {
      let s = "{";
      const keys = v.keys!;
      for (let i = 0; i < keys.length; i++) s += (i > 0 ? ", " : "") + keys[i] + ": " + valueText(ctx, v.items![i]);
      return s + "}";
    }
  }
  let s = "[";
  const items = v.items!;
  for (let i = 0; i < items.length; i++) s += (i > 0 ? ", " : "") + valueText(ctx, items[i]);
  return s + "]";
}

// ---- the whole reply ----

function statLine(name: string, n: i32, lines: Array<string>): void {
  if (n > 0) lines.push(name + ": " + n.toString());
}

/** "%.6f" of a non-negative duration given in microseconds, as milliseconds. */
export function millis(us: f64): string {
  const units = <u64>Math.round(us * 1000); // millionths of a millisecond
  const whole = units / 1000000, frac = (units % 1000000).toString();
  return whole.toString() + "." + "0".repeat(6 - frac.length) + frac;
}

export function replyStats(stats: Stats, elapsedUs: f64): void {
  const lines = new Array<string>();
  statLine("Labels added", stats.labelsAdded, lines);
  statLine("Labels removed", stats.labelsRemoved, lines);
  statLine("Nodes created", stats.nodesCreated, lines);
  statLine("Properties set", stats.propertiesSet, lines);
  statLine("Properties removed", stats.propertiesRemoved, lines);
  statLine("Relationships created", stats.relationshipsCreated, lines);
  statLine("Nodes deleted", stats.nodesDeleted, lines);
  statLine("Relationships deleted", stats.relationshipsDeleted, lines);
  statLine("Indices created", stats.indicesCreated, lines);
  statLine("Indices deleted", stats.indicesDeleted, lines);
  lines.push("Cached execution: 0");
  lines.push("Query internal execution time: " + millis(elapsedUs) + " milliseconds");
  replyArray(lines.length);
  for (let i = 0; i < lines.length; i++) replyText(lines[i]);
}

export function replyResult(result: Result, ctx: Ctx, compact: bool, elapsedUs: f64): void {
  const columns = result.columns;
  if (columns.length == 0) {
    replyArray(1);
    replyStats(ctx.stats, elapsedUs);
    return;
  }
  replyArray(3);
  replyArray(columns.length);
  for (let i = 0; i < columns.length; i++) {
    if (compact) {
      replyArray(2);
      replyInt(COLUMN_SCALAR);
    }
    replyText(columns[i]);
  }
  const rows = result.rows;
  replyArray(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    replyArray(columns.length);
    for (let i = 0; i < columns.length; i++) {
      const v = row.get(columns[i])!;
      if (compact) {
        replyArray(2);
        compactValue(ctx, v);
      } else verboseValue(ctx, v);
    }
  }
  replyStats(ctx.stats, elapsedUs);
}

