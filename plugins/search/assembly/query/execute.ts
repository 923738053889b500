// Evaluating a query tree into a result set (results.ts): doc ids ascending with their scores. The
// executor's interface for the rest of the plugin is executeQuery(index, root) → ResultSet (or null
// with the error built); finishScores then applies the scorer's per-document factors.
//
// Text scores follow RediSearch: TFIDF (the default) sums frequency × idf over the matched terms, then
// multiplies by the document's score and divides by its highest term frequency; BM25 sums Okapi BM25
// per term (k1 1.2, b 0.75) times the document's score; DOCSCORE is the document's score.
import { bmBucket, bmBuckets, bmFind, bmKey, bmKeyLen, bmNext, bmVal, clockUs } from "ferrite-sdk";
import { Column, columnAt } from "../columns";
import { NumericIndex, numericRange } from "../numeric-index";
import { Index, docAt, fieldAt } from "../index-spec";
import { entryDoc, entryFreq, entryMask, entryNext, entryPositions, postingsEnd, postingsEntries, postingsFirst } from "../postings";
import { Field } from "../schema";
import { stem, stemLen, stemPtr } from "../stemmer";
import { tagDocs } from "../tag-index";
import { U32List, listGet } from "../u32-list";
import { vectorQuery } from "../vector-field";
import { expansion, synonymsOf } from "../synonym/synonyms";
import { strLen, strPtr } from "../bytes";
import { editDistance } from "../edit-distance";
import {
  Q_AND, Q_EMPTY, Q_FUZZY, Q_GEO, Q_KNN, Q_NOT, Q_NUMERIC, Q_OPTIONAL, Q_OR, Q_PHRASE, Q_PREFIX, Q_TAG, Q_TERM, Q_VECTOR_RANGE,
  Q_WILDCARD, QueryNode,
} from "./node";
import { pastDeadline, pastDeadlineSoon } from "./deadline";
import { ResultSet, boost, intersect, resultEntry, resultId, resultPush, resultsNew, subtract, union } from "./results";

export const SCORER_TFIDF: i32 = 0;
export const SCORER_BM25: i32 = 1;
export const SCORER_DOCSCORE: i32 = 2;
export const SCORER_TFIDF_DOCNORM: i32 = 3;

let x: Index = changetype<Index>(0);
let scorer: i32 = SCORER_TFIDF;
let failed = false;
/** Prefix expansions allowed per prefix node (RediSearch's MAXPREFIXEXPANSIONS default). */
const MAX_EXPANSIONS: i32 = 200;

/** Evaluates `root` over index `index`; null (error built) when a part cannot run. */
export function executeQuery(index: Index, root: QueryNode, scoring: i32): ResultSet | null {
  x = index;
  scorer = scoring;
  failed = false;
  for (let i = 0; i < x.fields.len; i++) {
    const f = fieldAt(x, i);
    if (f.textBit >= 0) store<f64>(weights + (<usize>f.textBit << 3), f.weight);
  }
  const r = evaluate(root);
  return failed ? null : r;
}

let profiling = false;

/** FT.PROFILE: while on, each node evaluated records its matches and time (QueryNode.profCount/profUs). */
export function profileNodes(on: bool): void { profiling = on; }

function evaluate(n: QueryNode): ResultSet {
  if (!profiling) return weighted(n, evaluateNode(n));
  const t0 = clockUs();
  const r = weighted(n, evaluateNode(n));
  n.profUs += clockUs() - t0;
  n.profCount += r.len;
  return r;
}

/** Applies the node's `=>{$weight}` to its scores, in place. */
function weighted(n: QueryNode, r: ResultSet): ResultSet {
  if (n.weight == 0) return r;
  for (let i = 0; i < r.len; i++) store<f64>(r.scores + (<usize>i << 3), load<f64>(r.scores + (<usize>i << 3)) * n.weight);
  return r;
}

function evaluateNode(n: QueryNode): ResultSet {
  if (pastDeadline()) return resultsNew(0);
  switch (n.kind) {
    case Q_TERM: return term(n);
    case Q_PREFIX:
    case Q_FUZZY: return expandedTerms(n);
    case Q_PHRASE: return phrase(n);
    case Q_AND: return and(n);
    case Q_OR: {
      let r = resultsNew(0);
      for (let c = n.child; c != 0; c = changetype<QueryNode>(c).next) r = union(r, evaluate(changetype<QueryNode>(c)));
      return r;
    }
    case Q_NOT: return subtract(everything(), n.child == 0 ? resultsNew(0) : evaluate(changetype<QueryNode>(n.child)));
    case Q_OPTIONAL: return boost(everything(), evaluate(changetype<QueryNode>(n.child)));
    case Q_TAG: return tags(n);
    case Q_NUMERIC:
    case Q_GEO: return numericOrGeo(n);
    case Q_WILDCARD: return everything();
    case Q_KNN:
    case Q_VECTOR_RANGE: {
      const filter = n.kind == Q_KNN && n.child != 0 ? changetype<usize>(evaluate(changetype<QueryNode>(n.child))) : 0;
      const r = vectorQuery(changetype<usize>(n), filter);
      if (r == 0) { failed = true; return resultsNew(0); }
      return changetype<ResultSet>(r);
    }
    default: return resultsNew(0); // Q_EMPTY
  }
}

/** Every live document, score 0. */
export function everything(): ResultSet {
  const r = resultsNew(x.liveDocs);
  for (let id = 1; id < x.docs.len && !pastDeadlineSoon(); id++) if (listGet(x.docs, id) != 0) resultPush(r, <u32>id, 0);
  return r;
}

function and(n: QueryNode): ResultSet {
  let r: ResultSet | null = null;
  // Required clauses first (NOT and OPTIONAL after them, applied to what the required ones matched).
  for (let c = n.child; c != 0; c = changetype<QueryNode>(c).next) {
    const k = changetype<QueryNode>(c).kind;
    if (k == Q_NOT || k == Q_OPTIONAL) continue;
    const s = evaluate(changetype<QueryNode>(c));
    r = r == null ? s : intersect(changetype<ResultSet>(r), s);
  }
  let acc = r == null ? everything() : changetype<ResultSet>(r);
  for (let c = n.child; c != 0; c = changetype<QueryNode>(c).next) {
    const node = changetype<QueryNode>(c);
    if (node.kind == Q_NOT) acc = subtract(acc, node.child == 0 ? resultsNew(0) : evaluate(changetype<QueryNode>(node.child)));
    else if (node.kind == Q_OPTIONAL) acc = boost(acc, evaluate(changetype<QueryNode>(node.child)));
  }
  return acc;
}

/** The postings of a term (exact bytes), or 0. */
function postingsOf(ptr: usize, len: i32): usize {
  const e = bmFind(x.terms, ptr, len);
  return e == 0 ? 0 : <usize>load<u32>(bmVal(e));
}

function idf(docsWithTerm: u32): f64 {
  const total = <f64>x.liveDocs;
  const df = docsWithTerm == 0 ? 1.0 : <f64>docsWithTerm;
  if (scorer == SCORER_BM25) return Math.log(1 + (total - df + 0.5) / (df + 0.5));
  return Math.floor(Math.log2(1 + total / df)); // RediSearch: logb(1 + N / df)
}

/** Each TEXT field's WEIGHT, by its bit. */
const weights = memory.data(32 << 3);

/** The highest weight among the fields of a postings entry's mask. */
function weightOf(mask: u32): f64 {
  let w: f64 = 0;
  while (mask != 0) {
    const bit = ctz(mask);
    const v = load<f64>(weights + (<usize>bit << 3));
    if (v > w) w = v;
    mask &= mask - 1;
  }
  return w == 0 ? 1 : w;
}

/** The score one postings entry contributes: its frequency, weighted by its fields. */
function entryScore(e: usize, termIdf: f64): f64 {
  const freq = <f64>entryFreq(e) * weightOf(entryMask(e));
  if (scorer == SCORER_BM25) {
    const d = docAt(x, entryDoc(e));
    const len = d == null ? 0 : <f64>d.tokens;
    const avg = x.liveDocs == 0 ? 1 : <f64>x.totalTokens / <f64>x.liveDocs;
    return termIdf * (freq * 2.2) / (freq + 1.2 * (0.25 + 0.75 * len / (avg > 0 ? avg : 1)));
  }
  return freq * termIdf;
}

/** The live entries of one postings list limited to `mask`, as a result set (entries kept). */
function fromPostings(p: usize, mask: u32): ResultSet {
  if (p == 0) return resultsNew(0, true);
  const r = resultsNew(<i32>postingsEntries(p), true);
  const termIdf = idf(postingsEntries(p));
  for (let e = postingsFirst(p), end = postingsEnd(p); e < end && !pastDeadlineSoon(); e = entryNext(e)) {
    if ((entryMask(e) & mask) == 0) continue;
    const id = entryDoc(e);
    if (docAt(x, id) == null) continue;
    resultPush(r, id, entryScore(e, termIdf), e);
  }
  return r;
}

const plus = memory.data(140);

function term(n: QueryNode): ResultSet {
  const exact = withSynonyms(n, fromPostings(postingsOf(n.str, n.strLen), n.mask));
  if (n.verbatim) return exact;
  // The word's other forms: documents indexed "+stem" for it (and the stem itself as a word).
  let stemmed = n.strLen;
  let stemAt = n.str;
  if (stem(n.str, n.strLen)) { stemAt = stemPtr; stemmed = stemLen; }
  store<u8>(plus, 43);
  memory.copy(plus + 1, stemAt, <usize>stemmed);
  const forms = fromPostings(postingsOf(plus, stemmed + 1), n.mask);
  if (forms.len == 0) return exact;
  // Exact matches keep their entries (phrases read positions from them); forms add to the score.
  return mergeKeepingEntries(exact, forms);
}

/** A word's matches and those of the terms sharing a synonym group with it (FT.SYNUPDATE). */
function withSynonyms(n: QueryNode, exact: ResultSet): ResultSet {
  const count = synonymsOf(x, n.str, n.strLen);
  let r = exact;
  for (let i = 0; i < count; i++) {
    const t = expansion(i);
    r = mergeKeepingEntries(r, fromPostings(postingsOf(strPtr(t), strLen(t)), n.mask));
  }
  return r;
}

/** The union of `a` (with entries) and `b`, entries from `a` where present. */
function mergeKeepingEntries(a: ResultSet, b: ResultSet): ResultSet {
  const r = resultsNew(a.len + b.len, true);
  let i = 0, j = 0;
  while (i < a.len || j < b.len) {
    if (j >= b.len || (i < a.len && resultId(a, i) < resultId(b, j))) { resultPush(r, resultId(a, i), score(a, i), resultEntry(a, i)); i++; }
    else if (i >= a.len || resultId(b, j) < resultId(a, i)) { resultPush(r, resultId(b, j), score(b, j), resultEntry(b, j)); j++; }
    else { resultPush(r, resultId(a, i), score(a, i), resultEntry(a, i)); i++; j++; }
  }
  return r;
}

function score(r: ResultSet, i: i32): f64 { return load<f64>(r.scores + (<usize>i << 3)); }

/** `foo*` or `%foo%`: the union of the indexed terms it expands to (MAX_EXPANSIONS at most). */
function expandedTerms(n: QueryNode): ResultSet {
  let r = resultsNew(0);
  let expansions = 0;
  const buckets = bmBuckets(x.terms);
  for (let b: u32 = 0; b < buckets && expansions < MAX_EXPANSIONS; b++) {
    for (let e = bmBucket(x.terms, b); e != 0 && expansions < MAX_EXPANSIONS; e = bmNext(e)) {
      if (!expandsTo(n, bmKey(e), bmKeyLen(e))) continue;
      r = union(r, fromPostings(<usize>load<u32>(bmVal(e)), n.mask));
      expansions++;
    }
  }
  return r;
}

/**
 * Whether a prefix or fuzzy node reads an indexed term: one starting with the prefix, or a word (stems
 * start with "+") within n.max edits of the fuzzy term.
 */
export function expandsTo(n: QueryNode, term: usize, len: i32): bool {
  if (n.kind == Q_PREFIX) return len >= n.strLen && memory.compare(term, n.str, <usize>n.strLen) == 0;
  const limit = <i32>n.max;
  return len > 0 && load<u8>(term) != 43 && editDistance(n.str, n.strLen, term, len, limit, false, false) <= limit;
}

/** Exact words, adjacent and in order: the documents of all the words whose positions line up. */
function phrase(n: QueryNode): ResultSet {
  const count = childCountOf(n);
  const sets = memory.data(64 << 2); // up to 64 words are checked for adjacency; more just intersect
  let all: ResultSet | null = null;
  let k = 0;
  for (let c = n.child; c != 0; c = changetype<QueryNode>(c).next) {
    const t = changetype<QueryNode>(c);
    const s = fromPostings(postingsOf(t.str, t.strLen), t.mask);
    if (k < 64) store<u32>(sets + (<usize>k << 2), <u32>changetype<usize>(s));
    k++;
    all = all == null ? s : intersect(changetype<ResultSet>(all), s);
  }
  if (all == null) return resultsNew(0);
  const cand = changetype<ResultSet>(all);
  const r = resultsNew(cand.len);
  const words = min(count, 64);
  for (let i = 0; i < cand.len; i++) {
    const id = resultId(cand, i);
    if (adjacent(sets, words, id)) resultPush(r, id, score(cand, i));
  }
  return r;
}

function childCountOf(n: QueryNode): i32 {
  let k = 0;
  for (let c = n.child; c != 0; c = changetype<QueryNode>(c).next) k++;
  return k;
}

/** The entry of `id` in a term's set (binary search). */
function entryFor(s: ResultSet, id: u32): usize {
  let lo = 0, hi = s.len - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = resultId(s, mid);
    if (v == id) return resultEntry(s, mid);
    if (v < id) lo = mid + 1; else hi = mid - 1;
  }
  return 0;
}

function hasPosition(e: usize, pos: u32): bool {
  const p = entryPositions(e);
  const n = entryFreq(e);
  for (let i: u32 = 0; i < n; i++) if (load<u32>(p + (<usize>i << 2)) == pos) return true;
  return false;
}

function adjacent(sets: usize, words: i32, id: u32): bool {
  const first = entryFor(changetype<ResultSet>(<usize>load<u32>(sets)), id);
  if (first == 0) return false;
  const n = entryFreq(first);
  for (let i: u32 = 0; i < n; i++) {
    const p0 = load<u32>(entryPositions(first) + (<usize>i << 2));
    let ok = true;
    for (let w = 1; w < words && ok; w++) {
      const e = entryFor(changetype<ResultSet>(<usize>load<u32>(sets + (<usize>w << 2))), id);
      ok = e != 0 && hasPosition(e, p0 + <u32>w);
    }
    if (ok) return true;
  }
  return false;
}

function tags(n: QueryNode): ResultSet {
  const f = changetype<Field>(n.field);
  let r = resultsNew(0);
  if (f.tags == 0) return r;
  for (let c = n.child; c != 0; c = changetype<QueryNode>(c).next) {
    const v = changetype<QueryNode>(c);
    if (!v.prefix) {
      const l = tagDocs(f.tags, v.str, v.strLen);
      if (l != null) r = union(r, fromList(changetype<U32List>(l)));
      continue;
    }
    const buckets = bmBuckets(f.tags);
    for (let b: u32 = 0; b < buckets; b++) {
      for (let e = bmBucket(f.tags, b); e != 0; e = bmNext(e)) {
        if (bmKeyLen(e) < v.strLen || memory.compare(bmKey(e), v.str, <usize>v.strLen) != 0) continue;
        r = union(r, fromList(changetype<U32List>(<usize>load<u32>(bmVal(e)))));
      }
    }
  }
  return r;
}

function fromList(l: U32List): ResultSet {
  const r = resultsNew(l.len);
  for (let i = 0; i < l.len; i++) {
    const id = listGet(l, i);
    if (docAt(x, id) != null) resultPush(r, id, 0);
  }
  return r;
}

/** Great-circle distance in meters (Redis's GEO earth radius). */
export function geoDistance(lon1: f64, lat1: f64, lon2: f64, lat2: f64): f64 {
  const R = 6372797.560856;
  const rad = Math.PI / 180;
  const u = Math.sin((lat2 - lat1) * rad / 2);
  const v = Math.sin((lon2 - lon1) * rad / 2);
  return 2 * R * Math.asin(Math.sqrt(u * u + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * v * v));
}

/** The documents whose NUMERIC value is in the node's range (its range index), or whose GEO point is within its radius. */
function numericOrGeo(n: QueryNode): ResultSet {
  const f = changetype<Field>(n.field);
  if (n.kind == Q_NUMERIC) {
    return f.numeric == 0 ? resultsNew(1) : numericRange(x, changetype<NumericIndex>(f.numeric), n.min, n.minExclusive, n.max, n.maxExclusive);
  }
  const r = resultsNew(16);
  if (f.column == 0) return r;
  const c = changetype<Column>(f.column);
  for (let id = 1; id < x.docs.len && !pastDeadlineSoon(); id++) {
    if (listGet(x.docs, id) == 0) continue;
    const p = columnAt(c, <u32>id);
    if (p == 0) break;
    const v = load<f64>(p);
    if (isNaN(v)) continue;
    if (geoDistance(n.lon, n.lat, v, load<f64>(p, 8)) > n.radius) continue;
    resultPush(r, <u32>id, 0);
  }
  return r;
}

/** Applies the scorer's per-document factors to the summed term scores, in place. */
export function finishScores(index: Index, r: ResultSet, scoring: i32): void {
  for (let i = 0; i < r.len; i++) {
    const d = docAt(index, resultId(r, i));
    if (d == null) continue;
    const at = r.scores + (<usize>i << 3);
    if (scoring == SCORER_DOCSCORE) store<f64>(at, d.score);
    else if (scoring == SCORER_BM25) store<f64>(at, load<f64>(at) * d.score);
    else if (scoring == SCORER_TFIDF_DOCNORM) store<f64>(at, d.tokens == 0 ? 0 : load<f64>(at) * d.score / <f64>d.tokens);
    else store<f64>(at, d.maxFreq == 0 ? 0 : load<f64>(at) * d.score / <f64>d.maxFreq);
  }
}
