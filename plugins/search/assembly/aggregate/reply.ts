// FT.AGGREGATE's and FT.CURSOR READ's replies, as RediSearch 2.8 writes them.
// RESP2: [total, [name, value, ...], ...], and for a cursor [[total, rows...], cursor id].
// RESP3: {attributes: [], format: STRING, results: [{extra_attributes: {name: value}, values: []}],
//         total_results, warning: []}, and for a cursor [that map, cursor id].
// Values are bulk strings in both protocols (numbers as "%lld" or "%.12g"), null a null, arrays arrays.
import { ByteBuilder, protocol, replyArray, replyBulk, replyInt, replyMap, replyNull, replySimple } from "ferrite-sdk";
import { Row } from "./row";
import { ERR_TIMEOUT, timedOut } from "../query/deadline";
import { V_ARR, V_NULL, Val, stringBytes, toText } from "./value";

const text = new ByteBuilder();

function replyString(s: string): void {
  text.reset();
  const dst = text.reserve(s.length);
  stringBytes(s, dst);
  replyBulk(dst, s.length);
}

function replyValue(v: Val): void {
  if (v.kind == V_NULL) return replyNull();
  if (v.kind == V_ARR) {
    replyArray(v.arr.length);
    for (let i = 0; i < v.arr.length; i++) replyValue(v.arr[i]);
    return;
  }
  replyString(toText(v));
}

function replyFields(row: Row): void {
  for (let i = 0; i < row.names.length; i++) {
    replyString(row.names[i]);
    replyValue(row.vals[i]);
  }
}

/** The rows from..to-1 and the total, in the client's protocol; `cursor` ≥ 0 wraps them as a cursor reply. */
export function replyRows(rows: Array<Row>, from: i32, to: i32, total: i64, cursor: i64): void {
  if (cursor >= 0) replyArray(2);
  if (protocol() >= 3) {
    replyMap(5);
    replySimple("attributes");
    replyArray(0);
    replySimple("format");
    replySimple("STRING");
    replySimple("results");
    replyArray(to - from);
    for (let r = from; r < to; r++) {
      replyMap(2);
      replySimple("extra_attributes");
      replyMap(rows[r].names.length);
      replyFields(rows[r]);
      replySimple("values");
      replyArray(0);
    }
    replySimple("total_results");
    replyInt(total);
    replySimple("warning");
    if (timedOut) { replyArray(1); replySimple(ERR_TIMEOUT); } else replyArray(0);
  } else {
    replyArray(1 + to - from);
    replyInt(total);
    for (let r = from; r < to; r++) {
      replyArray(rows[r].names.length * 2);
      replyFields(rows[r]);
    }
  }
  if (cursor >= 0) replyInt(cursor);
}
