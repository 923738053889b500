// FT.SEARCH from parsed options to the matching, ordered result set: the query tree with FILTER,
// GEOFILTER, INFIELDS and INKEYS folded in, evaluated and scored.
import { argLen, argPtr, bmFind, bmVal, clockUs, parseF64, parsedF64 } from "ferrite-sdk";
import { isWord } from "../bytes";
import { errAround, errStart } from "../errors";
import { Index, fieldByName } from "../index-spec";
import { executeQuery, finishScores } from "../query/execute";
import { vectorScoreReset, vectorScored } from "../vector-score";
import { ALL_FIELDS, Q_AND, Q_GEO, Q_NUMERIC, QueryNode, addChild, nodeNew } from "../query/node";
import { parseQuery } from "../query/parse";
import { ResultSet, intersect, resultPush, resultsNew } from "../query/results";
import { GEO, NUMERIC, TEXT } from "../schema";
import { ERR_TIMEOUT, deadlineStart, timeoutFails } from "../query/deadline";
import { highlightBegin } from "./highlight";
import { dialect, highlightAt, summarizeAt, filterArg, filterCount, filterExclusive, filterValue, inFieldsAt, inFieldsCount, inKeysAt, inKeysCount, parseFilterBound, scorer, timeoutMs, verbatim } from "./options";

/** FT.PROFILE's figures of the last search: parsing and the rest of the set-up in µs, the query tree. */
export let parseUs: f64 = 0;
export let pipelineUs: f64 = 0;
export let searchRoot: usize = 0;

/** The scored matches of the query in argument `queryAt`, or null with the error built. */
export function runSearch(x: Index, argc: i32, argv: usize, queryAt: i32): ResultSet | null {
  vectorScoreReset();
  const t0 = clockUs();
  let root = parseQuery(x, argPtr(argv, queryAt), argLen(argv, queryAt), dialect, verbatim);
  parseUs = clockUs() - t0;
  if (root == null) return null;
  if (filterCount > 0) {
    const and = nodeNew(Q_AND);
    addChild(and, root);
    for (let i = 0; i < filterCount; i++) {
      const n = filterNode(x, argv, filterArg(i));
      if (n == null) return null;
      addChild(and, changetype<QueryNode>(n));
    }
    root = and;
  }
  if (inFieldsCount > 0) {
    let mask: u32 = 0;
    for (let i = 0; i < inFieldsCount; i++) {
      const f = fieldByName(x, argPtr(argv, inFieldsAt + i), argLen(argv, inFieldsAt + i));
      if (f != null && f.type == TEXT && f.textBit >= 0) mask |= <u32>1 << <u32>f.textBit;
    }
    limitFields(changetype<QueryNode>(root), mask);
  }
  highlightBegin(argc, argv, highlightAt, summarizeAt, changetype<QueryNode>(root));
  searchRoot = changetype<usize>(root);
  pipelineUs = clockUs() - t0 - parseUs;
  deadlineStart(timeoutMs);
  const found = executeQuery(x, changetype<QueryNode>(root), scorer);
  if (found == null) return null;
  if (timeoutFails()) { errStart(ERR_TIMEOUT); return null; }
  let r = changetype<ResultSet>(found);
  if (inKeysAt != 0) r = intersect(r, keySet(x, argv));
  if (!vectorScored()) finishScores(x, r, scorer); // a vector query's scores are its distances
  return r;
}

/** Narrows every text node's fields to `mask` (INFIELDS). */
function limitFields(n: QueryNode, mask: u32): void {
  n.mask &= mask;
  for (let c = n.child; c != 0; c = changetype<QueryNode>(c).next) limitFields(changetype<QueryNode>(c), mask);
}

/** INKEYS' documents, as a result set (doc ids ascending, score 0). */
function keySet(x: Index, argv: usize): ResultSet {
  const r = resultsNew(inKeysCount);
  if (inKeysAt < 0) return r;
  // Collected, then sorted: the keys come in any order.
  const ids = resultsNew(inKeysCount);
  for (let i = 0; i < inKeysCount; i++) {
    const e = bmFind(x.keys, argPtr(argv, inKeysAt + i), argLen(argv, inKeysAt + i));
    if (e != 0) resultPush(ids, load<u32>(bmVal(e)), 0);
  }
  // Insertion sort: INKEYS lists are short.
  for (let i = 1; i < ids.len; i++) {
    const v = load<u32>(ids.ids + (<usize>i << 2));
    let j = i - 1;
    while (j >= 0 && load<u32>(ids.ids + (<usize>j << 2)) > v) { store<u32>(ids.ids + (<usize>(j + 1) << 2), load<u32>(ids.ids + (<usize>j << 2))); j--; }
    store<u32>(ids.ids + (<usize>(j + 1) << 2), v);
  }
  for (let i = 0; i < ids.len; i++) {
    const v = load<u32>(ids.ids + (<usize>i << 2));
    if (r.len == 0 || load<u32>(r.ids + (<usize>(r.len - 1) << 2)) != v) resultPush(r, v, 0);
  }
  return r;
}

/** FILTER field min max, or GEOFILTER field lon lat radius unit, at argument `at`. */
function filterNode(x: Index, argv: usize, at: i32): QueryNode | null {
  const geo = isWord(argPtr(argv, at), argLen(argv, at), "GEOFILTER");
  const f = fieldByName(x, argPtr(argv, at + 1), argLen(argv, at + 1));
  if (f == null || f.type != (geo ? GEO : NUMERIC)) {
    errAround("Unknown field `", argPtr(argv, at + 1), argLen(argv, at + 1), "`");
    return null;
  }
  if (!geo) {
    const n = nodeNew(Q_NUMERIC);
    n.field = changetype<usize>(f);
    if (!parseFilterBound(argPtr(argv, at + 2), argLen(argv, at + 2))) { errStart("Bad upper range"); return null; }
    n.min = filterValue; n.minExclusive = filterExclusive;
    if (!parseFilterBound(argPtr(argv, at + 3), argLen(argv, at + 3))) { errStart("Bad upper range"); return null; }
    n.max = filterValue; n.maxExclusive = filterExclusive;
    return n;
  }
  const n = nodeNew(Q_GEO);
  n.field = changetype<usize>(f);
  n.mask = ALL_FIELDS;
  if (!parseF64(argPtr(argv, at + 2), argLen(argv, at + 2))) { errStart("Invalid GeoFilter lat/lon"); return null; }
  n.lon = parsedF64;
  if (!parseF64(argPtr(argv, at + 3), argLen(argv, at + 3))) { errStart("Invalid GeoFilter lat/lon"); return null; }
  n.lat = parsedF64;
  if (!parseF64(argPtr(argv, at + 4), argLen(argv, at + 4)) || parsedF64 < 0) { errStart("Invalid GeoFilter radius"); return null; }
  n.radius = parsedF64;
  const u = argPtr(argv, at + 5), ul = argLen(argv, at + 5);
  if (isWord(u, ul, "km")) n.radius *= 1000;
  else if (isWord(u, ul, "mi")) n.radius *= 1609.34;
  else if (isWord(u, ul, "ft")) n.radius *= 0.3048;
  else if (!isWord(u, ul, "m")) { errStart("Unknown distance unit"); return null; }
  return n;
}
