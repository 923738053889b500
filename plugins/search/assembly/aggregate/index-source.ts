// The seam to the search plugin's index: FT.AGGREGATE's documents are the query's matches (the
// executor's ResultSet, valid for the command), their fields read through the document loader
// (doc-fields.ts). `@__key` and `@__score` read the document's key and query score.
import { argLen, argPtr, clockUs, replyError } from "ferrite-sdk";
import { ERR_TIMEOUT, deadlineStart, timeoutFails } from "../query/deadline";
import { loadAttribute, attrLen, attrPtr, docPairs, loadDocFields } from "../doc-fields";
import { errSend, replyErrorAround } from "../errors";
import { Index, Doc, docAt, fieldByName } from "../index-spec";
import { SCORER_TFIDF, executeQuery, finishScores } from "../query/execute";
import { paramsFromArgs, paramsReset } from "../query/params";
import { parseQuery } from "../query/parse";
import { QueryNode } from "../query/node";
import { ResultSet, resultId, resultScore } from "../query/results";
import { findIndex } from "../registry";
import { scanIfNeeded } from "../scan";
import { scratchReset } from "../scratch";
import { strLen, strPtr } from "../bytes";
import { Column, columnAt } from "../columns";
import { GEO, NUMERIC } from "../schema";
import { listGet } from "../u32-list";
import { configNumber } from "../ft-config/options";
import { Plan } from "./plan";
import { DocSource } from "./source";
import { Val, bytesString, numVal, strVal, stringBytes } from "./value";

/** FT.PROFILE's figures of the last query: its tree, parsing and evaluation in µs. */
export let aggregateRoot: usize = 0;
export let parseUs: f64 = 0;
export let queryUs: f64 = 0;

const KEY_NAME = "__key";
const SCORE_NAME = "__score";

let nameBuf: usize = 0;
let nameCap: i32 = 0;

/** A latin1 name's bytes in a reused block. */
function nameBytes(name: string): usize {
  if (name.length > nameCap) {
    if (nameBuf != 0) heap.free(nameBuf);
    nameCap = name.length * 2 + 16;
    nameBuf = heap.alloc(<usize>nameCap);
  }
  stringBytes(name, nameBuf);
  return nameBuf;
}

class IndexSource extends DocSource {
  constructor(public x: Index, public found: ResultSet) { super(); }

  index(): usize { return changetype<usize>(this.x); }

  count(): i32 { return this.found.len; }

  private doc(i: i32): Doc { return changetype<Doc>(docAt(this.x, resultId(this.found, i))); }

  inSchema(name: string): bool {
    return name == KEY_NAME || name == SCORE_NAME || fieldByName(this.x, nameBytes(name), name.length) != null;
  }

  field(i: i32, name: string): Val | null {
    const d = this.doc(i);
    if (name == KEY_NAME) return strVal(bytesString(strPtr(d.key), strLen(d.key)));
    if (name == SCORE_NAME) return numVal(resultScore(this.found, i));
    const ptr = nameBytes(name);
    const f = fieldByName(this.x, ptr, name.length);
    // NUMERIC and sortable fields come from the index's columns, as RediSearch reads its sorting vector
    // rather than the key (a numeric value is a number in the pipeline, a sortable string as normalized).
    if (f != null && f.column != 0 && f.type != GEO) {
      const slot = columnAt(changetype<Column>(f.column), resultId(this.found, i));
      if (f.type == NUMERIC) {
        const v = slot == 0 ? NaN : load<f64>(slot);
        return isNaN(v) ? null : numVal(v);
      }
      const str: usize = slot == 0 ? 0 : <usize>load<u32>(slot);
      return str == 0 ? null : strVal(bytesString(strPtr(str), strLen(str)));
    }
    if (!loadAttribute(this.x, strPtr(d.key), strLen(d.key), ptr, name.length)) return null;
    return strVal(bytesString(attrPtr, attrLen));
  }

  allFields(i: i32, names: Array<string>, values: Array<Val>): void {
    const d = this.doc(i);
    if (!loadDocFields(this.x, strPtr(d.key), strLen(d.key))) return;
    const p = docPairs();
    for (let k = 0; k + 3 < p.len; k += 4) {
      names.push(bytesString(<usize>listGet(p, k), <i32>listGet(p, k + 1)));
      values.push(strVal(bytesString(<usize>listGet(p, k + 2), <i32>listGet(p, k + 3))));
    }
  }
}

/** The documents index argv[1] matches for query argv[2], or null after replying the error. */
export function openSource(argv: usize, plan: Plan): DocSource | null {
  scratchReset();
  const x = findIndex(argPtr(argv, 1), argLen(argv, 1));
  if (x == null) {
    replyErrorAround("", argPtr(argv, 1), argLen(argv, 1), ": no such index");
    return null;
  }
  scanIfNeeded(x);
  paramsReset();
  if (plan.paramPairs > 0) paramsFromArgs(argv, plan.paramsAt, plan.paramPairs);
  const dialect = plan.dialect > 0 ? plan.dialect : <i32>configNumber("DEFAULT_DIALECT");
  const t0 = clockUs();
  const root = parseQuery(x, argPtr(argv, plan.queryAt), argLen(argv, plan.queryAt), dialect, plan.verbatim);
  parseUs = clockUs() - t0;
  if (root == null) {
    errSend();
    return null;
  }
  aggregateRoot = changetype<usize>(root);
  deadlineStart(plan.timeoutMs);
  const t1 = clockUs();
  const found = executeQuery(x, changetype<QueryNode>(root), SCORER_TFIDF);
  if (found == null) {
    errSend();
    return null;
  }
  if (timeoutFails()) {
    replyError(ERR_TIMEOUT);
    return null;
  }
  finishScores(x, found, SCORER_TFIDF);
  queryUs = clockUs() - t1;
  return new IndexSource(x, found);
}
