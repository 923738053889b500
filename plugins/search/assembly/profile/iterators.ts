// FT.PROFILE's "Iterators profile": the query tree as RediSearch 2.8 prints its iterators — readers
// (TEXT, TAG, NUMERIC, GEO) with Term, Time, Counter and Size; INTERSECT, UNION (with its Query type),
// NOT, OPTIONAL, WILDCARD, EMPTY and VECTOR with their children. Each entry is a map (RESP2: a flat
// array); "Child iterators" is followed by the children (RESP2: in the same flat array, RESP3: an
// array). LIMITED replaces a union's readers by their number. Time is in ms, from QueryNode.profUs.
import { ByteBuilder, bmBucket, bmBuckets, bmFind, bmKey, bmKeyLen, bmNext, bmVal, formatDouble, protocol, replyArray, replyBulk, replyDouble, replyInt, replyMap, replySimple } from "ferrite-sdk";
import { Index } from "../index-spec";
import { postingsEntries } from "../postings";
import { tagDocs } from "../tag-index";
import { Field } from "../schema";
import { expandsTo } from "../query/execute";
import {
  Q_AND, Q_EMPTY, Q_FUZZY, Q_GEO, Q_KNN, Q_NOT, Q_NUMERIC, Q_OPTIONAL, Q_OR, Q_PHRASE, Q_PREFIX, Q_TAG, Q_TERM, Q_VECTOR_RANGE, Q_WILDCARD,
  QueryNode,
} from "../query/node";

/** Expansions RediSearch reads (as query/execute.ts). */
const MAX_EXPANSIONS: i32 = 200;
const text = new ByteBuilder();
let resp3 = false;
let limited = false;
let x: Index = changetype<Index>(0);

export function replyIterators(index: Index, root: QueryNode, onlyCounts: bool): void {
  resp3 = protocol() == 3;
  limited = onlyCounts;
  x = index;
  iterator(root);
}

/** Opens an entry of `pairs` key/value pairs, then `children` children after "Child iterators". */
function open(pairs: i32, children: i32): void {
  if (children < 0) { if (resp3) replyMap(pairs); else replyArray(pairs * 2); return; }
  if (resp3) replyMap(pairs + 1); else replyArray(pairs * 2 + 1 + children);
}

function childrenKey(children: i32): void {
  replySimple("Child iterators");
  if (resp3) replyArray(children);
}

function timeAndCounter(ms: f64, counter: i64): void {
  replySimple("Time"); replyDouble(ms);
  replySimple("Counter"); replyInt(counter);
}

function childCount(n: QueryNode): i32 {
  let k = 0;
  for (let c = n.child; c != 0; c = changetype<QueryNode>(c).next) k++;
  return k;
}

function children(n: QueryNode): void {
  for (let c = n.child; c != 0; c = changetype<QueryNode>(c).next) iterator(changetype<QueryNode>(c));
}

/** A reader: Type, Term, Time, Counter, Size. */
function reader(type: string, termPtr: usize, termLen: i32, ms: f64, counter: i64, size: i64): void {
  open(5, -1);
  replySimple("Type"); replySimple(type);
  replySimple("Term"); replyBulk(termPtr, termLen);
  timeAndCounter(ms, counter);
  replySimple("Size"); replyInt(size);
}

function termSize(ptr: usize, len: i32): i64 {
  const e = bmFind(x.terms, ptr, len);
  return e == 0 ? 0 : <i64>postingsEntries(<usize>load<u32>(bmVal(e)));
}

function number(v: f64): void { text.len += formatDouble(v, text.reserve(32)); }

function iterator(n: QueryNode): void {
  const ms = n.profUs / 1000;
  switch (n.kind) {
    case Q_TERM: {
      const size = termSize(n.str, n.strLen);
      reader("TEXT", n.str, n.strLen, ms, n.profCount, size);
      return;
    }
    case Q_PHRASE:
    case Q_AND: {
      const k = childCount(n);
      open(3, k);
      replySimple("Type"); replySimple("INTERSECT");
      timeAndCounter(ms, n.profCount);
      childrenKey(k);
      if (n.kind == Q_AND) children(n);
      else for (let c = n.child; c != 0; c = changetype<QueryNode>(c).next) {
        const t = changetype<QueryNode>(c);
        const size = termSize(t.str, t.strLen);
        reader("TEXT", t.str, t.strLen, 0, size, size);
      }
      return;
    }
    case Q_OR: union("UNION", 0, 0, n, ms);
      return;
    case Q_FUZZY:
    case Q_PREFIX: expansionUnion(n, ms);
      return;
    case Q_TAG: tagUnion(n, ms);
      return;
    case Q_NOT:
    case Q_OPTIONAL:
    case Q_KNN:
    case Q_VECTOR_RANGE: {
      const child = n.child != 0 && n.kind != Q_VECTOR_RANGE;
      open(child ? 4 : 3, -1);
      replySimple("Type");
      replySimple(n.kind == Q_NOT ? "NOT" : n.kind == Q_OPTIONAL ? "OPTIONAL" : "VECTOR");
      timeAndCounter(ms, n.profCount);
      if (child) { replySimple("Child iterator"); iterator(changetype<QueryNode>(n.child)); }
      return;
    }
    case Q_NUMERIC:
    case Q_GEO: {
      text.reset();
      if (n.kind == Q_NUMERIC) { number(n.min); text.ascii(" - "); number(n.max); }
      else { number(n.lon); text.byte(44); number(n.lat); text.ascii(" - "); number(n.radius); text.ascii(" m"); }
      reader(n.kind == Q_NUMERIC ? "NUMERIC" : "GEO", text.ptr, text.len, ms, n.profCount, n.profCount);
      return;
    }
    default: {
      open(3, -1);
      replySimple("Type"); replySimple(n.kind == Q_WILDCARD ? "WILDCARD" : "EMPTY");
      timeAndCounter(ms, n.profCount);
    }
  }
}

/** A union: Type UNION, Query type, Time, Counter, then its children (or their number when LIMITED). */
/** An OR: its children are whole iterators, printed even when LIMITED. */
function union(queryType: string, typePtr: usize, typeLen: i32, n: QueryNode, ms: f64): void {
  unionHead(queryType, typePtr, typeLen, ms, n.profCount, childCount(n), false);
  children(n);
}

/** A union's head; `readers`: its children are readers, which LIMITED replaces by their number. */
function unionHead(queryType: string, typePtr: usize, typeLen: i32, ms: f64, counter: i64, k: i32, readers: bool = true): void {
  const count = readers && limited;
  open(4, count ? 1 : k);
  replySimple("Type"); replySimple("UNION");
  replySimple("Query type");
  if (typeLen > 0) replyBulk(typePtr, typeLen); else replySimple(queryType);
  timeAndCounter(ms, counter);
  childrenKey(count ? 1 : k);
  if (count) {
    text.reset();
    text.ascii("The number of iterators in the union is ");
    text.i64(k);
    replyBulk(text.ptr, text.len);
  }
}

/** `foo*` or `%foo%`: a union of the readers of the terms it expanded to. */
function expansionUnion(n: QueryNode, ms: f64): void {
  text.reset();
  text.ascii(n.kind == Q_FUZZY ? "FUZZY - " : "PREFIX - ");
  text.bytes(n.str, n.strLen);
  const k = expansions(n, false);
  unionHead("", text.ptr, text.len, ms, n.profCount, k);
  if (!limited) expansions(n, true);
}

function expansions(n: QueryNode, reply: bool): i32 {
  let k = 0;
  const buckets = bmBuckets(x.terms);
  for (let b: u32 = 0; b < buckets && k < MAX_EXPANSIONS; b++) {
    for (let e = bmBucket(x.terms, b); e != 0 && k < MAX_EXPANSIONS; e = bmNext(e)) {
      const len = bmKeyLen(e);
      if (!expandsTo(n, bmKey(e), len)) continue;
      k++;
      if (reply) {
        const size = <i64>postingsEntries(<usize>load<u32>(bmVal(e)));
        reader("TEXT", bmKey(e), len, 0, size, size);
      }
    }
  }
  return k;
}

/** `@t:{a | b}`: one TAG reader, or a union (Query type TAG) of them. */
function tagUnion(n: QueryNode, ms: f64): void {
  const f = changetype<Field>(n.field);
  const k = childCount(n);
  if (k == 1) { tagReader(f, changetype<QueryNode>(n.child), ms, n.profCount); return; }
  unionHead("TAG", 0, 0, ms, n.profCount, k);
  if (limited) return;
  for (let c = n.child; c != 0; c = changetype<QueryNode>(c).next) tagReader(f, changetype<QueryNode>(c), 0, -1);
}

function tagReader(f: Field, v: QueryNode, ms: f64, counter: i64): void {
  let size: i64 = 0;
  if (f.tags != 0) {
    const l = tagDocs(f.tags, v.str, v.strLen);
    if (l != null) size = l.len;
  }
  reader("TAG", v.str, v.strLen, ms, counter < 0 ? size : counter, size);
}
