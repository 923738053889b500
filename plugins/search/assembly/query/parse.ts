// The query language (RediSearch's, DIALECT 2 rules; where DIALECT 1 differs see ADR 0034): terms,
// `"phrases"`, `prefix*`, `a | b`, `-not`, `~optional`, `( … )`, `@text:…`, `@a|b:…`, `@tag:{x | y*}`,
// `@num:[lo hi]` with `(` for exclusive bounds and ±inf, `@geo:[lon lat radius m|km|mi|ft]`, `*`,
// `$param`, and vector clauses `…=>[KNN k @vec $blob [EF_RUNTIME n] [AS name]]` and
// `@vec:[VECTOR_RANGE r $blob]` (parsed here, executed by vector-field.ts). AND binds tighter than OR.
// Errors are built with errors.ts ("Syntax error at offset N near X") and the parse returns null.
import { parseF64, parsedF64, parseI64, parsedI64 } from "ferrite-sdk";
import { isWord } from "../bytes";
import { errAround, errAscii, errBytes, errInt, errStart } from "../errors";
import { Index, fieldByName } from "../index-spec";
import { F_CASESENSITIVE, Field, GEO, NUMERIC, TAG, TEXT, VECTOR } from "../schema";
import { scratchAlloc } from "../scratch";
import { isStopword } from "../stopwords";
import { normalizeTag, normalizedTagLen } from "../tag-index";
import { isSeparator, lowerTerm, tokLen, tokPtr } from "../tokenizer";
import {
  ALL_FIELDS, Q_AND, Q_EMPTY, Q_FUZZY, Q_GEO, Q_KNN, Q_NOT, Q_NUMERIC, Q_OPTIONAL, Q_OR, Q_PHRASE, Q_PREFIX, Q_TAG, Q_TAGVAL, Q_TERM,
  Q_VECTOR_RANGE, Q_WILDCARD, QueryNode, addChild, nodeNew,
} from "./node";
import { paramFind, paramLen, paramPtr } from "./params";

let x: Index = changetype<Index>(0);
let start: usize = 0;
let at: usize = 0;
let end: usize = 0;
let failed = false;
let dialect: i32 = 2;
let verbatimAll = false;
/** The TEXT fields the atom being parsed is limited to (an enclosing `@field:`). */
let mask: u32 = ALL_FIELDS;

/**
 * Parses `len` bytes at `ptr` against index `index`. Returns the tree (Q_EMPTY for a query of stopwords
 * only), or null with the error built.
 */
export function parseQuery(index: Index, ptr: usize, len: i32, queryDialect: i32, verbatim: bool): QueryNode | null {
  x = index;
  start = ptr;
  at = ptr;
  end = ptr + <usize>len;
  failed = false;
  dialect = queryDialect;
  verbatimAll = verbatim;
  mask = ALL_FIELDS;
  let root = parseUnion();
  skipBlank();
  if (!failed && at + 1 < end && load<u8>(at) == 61 && load<u8>(at, 1) == 62) { // =>
    at += 2;
    root = parseKnn(root);
  }
  skipBlank();
  if (!failed && at < end) syntaxError();
  if (failed) return null;
  return root == null ? nodeNew(Q_EMPTY) : root;
}

function syntaxError(): void {
  if (failed) return;
  failed = true;
  errStart("Syntax error at offset ");
  errInt(<i64>(at - start));
  errAscii(" near ");
  // At the end of the query, the last word is what the error is near.
  let near = at;
  if (near >= end) {
    near = end;
    while (near > start && !isBlankByte(load<u8>(near - 1)) && load<u8>(near - 1) != 40) near--;
  }
  let e = near;
  while (e < end && !isBlankByte(load<u8>(e))) e++;
  errBytes(near, <i32>(e - near));
}

function isBlankByte(c: u8): bool { return c == 32 || c == 9 || c == 10 || c == 13; }

function skipBlank(): void { while (at < end && isBlankByte(load<u8>(at))) at++; }

function peek(): u32 { return at < end ? <u32>load<u8>(at) : 0; }

function parseUnion(): QueryNode | null {
  const first = parseIntersect();
  skipBlank();
  if (failed || peek() != 124) return first; // |
  const or = nodeNew(Q_OR);
  if (first != null) addChild(or, first);
  while (!failed && peek() == 124) {
    at++;
    const next = parseIntersect();
    if (next != null) addChild(or, next);
    skipBlank();
  }
  return or.child == 0 ? null : or;
}

function parseIntersect(): QueryNode | null {
  let only: QueryNode | null = null;
  let and: QueryNode | null = null;
  let any = false;
  while (!failed) {
    skipBlank();
    const c = peek();
    if (c == 0 || c == 41 || c == 124 || c == 93 || (c == 61 && at + 1 < end && load<u8>(at, 1) == 62)) break; // ) | ] =>
    const n = parseUnary();
    any = true;
    if (n == null) continue; // a stopword
    if (only == null && and == null) { only = n; continue; }
    if (and == null) {
      and = nodeNew(Q_AND);
      addChild(and, changetype<QueryNode>(only));
    }
    addChild(changetype<QueryNode>(and), n);
  }
  if (!any && !failed && peek() != 0 && peek() != 61) syntaxError();
  return and != null ? and : only;
}

function parseUnary(): QueryNode | null {
  const c = peek();
  if (c == 45) { // -
    at++;
    const inner = parseUnary();
    const n = nodeNew(Q_NOT);
    if (inner != null) addChild(n, inner); else return nodeNew(Q_WILDCARD);
    return n;
  }
  if (c == 126) { // ~
    at++;
    const inner = parseUnary();
    if (inner == null) return null;
    const n = nodeNew(Q_OPTIONAL);
    addChild(n, inner);
    return n;
  }
  const n = parseAtom();
  return n == null || failed ? n : parseAttributes(changetype<QueryNode>(n));
}

/**
 * `=>{$weight: 2; $slop: 1; $inorder: true}` after an atom: $weight multiplies its scores; $slop,
 * $inorder and $phonetic are accepted (phrases here are exact; no phonetic index). `=>[` is a KNN's.
 */
function parseAttributes(n: QueryNode): QueryNode | null {
  const back = at;
  skipBlank();
  if (!(at + 2 < end && load<u8>(at) == 61 && load<u8>(at, 1) == 62)) { at = back; return n; }
  at += 2;
  skipBlank();
  if (peek() != 123) { at = back; return n; } // not `{`: the `=>[` of a KNN
  at++;
  skipBlank();
  while (peek() != 125) { // }
    if (peek() != 36) { syntaxError(); return null; }
    at++;
    const name = at;
    while (at < end && isNameByte(load<u8>(at))) at++;
    const nameLen = <i32>(at - name);
    skipBlank();
    if (peek() != 58) { syntaxError(); return null; } // :
    at++;
    skipBlank();
    const value = at;
    while (at < end && load<u8>(at) != 59 && load<u8>(at) != 125 && !isBlankByte(load<u8>(at))) at++;
    const valueLen = <i32>(at - value);
    if (isWord(name, nameLen, "weight")) {
      if (!parseF64(value, valueLen) || parsedF64 < 0) { syntaxError(); return null; }
      n.weight = parsedF64;
    } else if (!isWord(name, nameLen, "slop") && !isWord(name, nameLen, "inorder") && !isWord(name, nameLen, "phonetic")) {
      at = name;
      syntaxError();
      return null;
    }
    skipBlank();
    if (peek() == 59) at++; // ;
    skipBlank();
  }
  at++;
  return n;
}

function parseAtom(): QueryNode | null {
  const c = peek();
  if (c == 40) { // (
    at++;
    const n = parseUnion();
    skipBlank();
    if (peek() != 41) { syntaxError(); return null; }
    at++;
    return n;
  }
  if (c == 64) return parseField(); // @
  if (c == 34) return parsePhrase(); // "
  if (c == 42 && (at + 1 >= end || isTermEnd(load<u8>(at, 1)))) { at++; return nodeNew(Q_WILDCARD); } // *
  if (c == 36) { // $param: its value is the term
    at++;
    const s = at;
    while (at < end && isNameByte(load<u8>(at))) at++;
    if (!paramFind(s, <i32>(at - s))) { paramError(s, <i32>(at - s)); return null; }
    return termNode(paramPtr, paramLen, false);
  }
  if (c == 37) { // %term%, %%term%%, %%%term%%%: the terms within 1, 2 or 3 edits
    let open = 0, close = 0;
    while (peek() == 37) { at++; open++; }
    const n = parseTerm();
    while (peek() == 37) { at++; close++; }
    if (n == null || open != close || open > 3 || changetype<QueryNode>(n).kind != Q_TERM) { syntaxError(); return null; }
    const f = changetype<QueryNode>(n);
    f.kind = Q_FUZZY;
    f.max = <f64>open;
    return f;
  }
  return parseTerm();
}

function paramError(ptr: usize, len: i32): void {
  failed = true;
  errAround("No such parameter `", ptr, len, "`");
}

function isNameByte(c: u8): bool {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95;
}

/** Where a bare term stops: a separator (not escaped) or a query operator. */
function isTermEnd(c: u8): bool {
  return isSeparator(c) || c == 41 || c == 40 || c == 124 || c == 64 || c == 34 || c == 126;
}

const termBuf = memory.data(256);

/** A bare word (backslash escapes kept in), `*` after it making a prefix. */
function parseTerm(): QueryNode | null {
  let n = 0;
  while (at < end) {
    let c = load<u8>(at);
    if (c == 92 && at + 1 < end) { at++; c = load<u8>(at); }
    else if (c == 42 || isTermEnd(c)) break;
    if (n < 256) store<u8>(termBuf + <usize>(n++), c);
    at++;
  }
  if (n == 0) { syntaxError(); return null; }
  if (peek() == 42) { // prefix*
    at++;
    const p = nodeNew(Q_PREFIX);
    setStr(p, termBuf, n, true);
    p.mask = mask;
    return p;
  }
  return termNode(termBuf, n, true);
}

function termNode(ptr: usize, len: i32, _bare: bool): QueryNode | null {
  lowerTerm(ptr, len);
  if (isStopword(x, tokPtr, tokLen)) return null;
  const t = nodeNew(Q_TERM);
  setStr(t, tokPtr, tokLen, true);
  t.mask = mask;
  t.verbatim = verbatimAll;
  return t;
}

/** Copies the string into the scratch arena (the parse buffers are reused), lower-cased when asked. */
function setStr(n: QueryNode, ptr: usize, len: i32, lower: bool): void {
  const s = scratchAlloc(<usize>max(len, 1));
  for (let i = 0; i < len; i++) {
    let c = load<u8>(ptr + <usize>i);
    if (lower && c >= 65 && c <= 90) c += 32;
    store<u8>(s + <usize>i, c);
  }
  n.str = s;
  n.strLen = len;
}

function parsePhrase(): QueryNode | null {
  at++;
  const phrase = nodeNew(Q_PHRASE);
  phrase.mask = mask;
  while (!failed) {
    while (at < end && load<u8>(at) != 34 && isSeparator(load<u8>(at)) && load<u8>(at) != 92) at++;
    if (at >= end) { syntaxError(); return null; }
    if (load<u8>(at) == 34) { at++; break; }
    let n = 0;
    while (at < end) {
      let c = load<u8>(at);
      if (c == 92 && at + 1 < end) { at++; c = load<u8>(at); }
      else if (c == 34 || isSeparator(c)) break;
      if (n < 256) store<u8>(termBuf + <usize>(n++), c);
      at++;
    }
    lowerTerm(termBuf, n);
    const t = nodeNew(Q_TERM);
    setStr(t, tokPtr, tokLen, false);
    t.mask = mask;
    t.verbatim = true; // a phrase matches its words as written
    addChild(phrase, t);
  }
  if (phrase.child == 0) return null;
  if (changetype<QueryNode>(phrase.child).next == 0) return changetype<QueryNode>(phrase.child);
  return phrase;
}

/** `@name:` or `@a|b:` then what the field type takes. */
function parseField(): QueryNode | null {
  at++;
  let fieldMask: u32 = 0;
  let single: Field | null = null;
  let fields = 0;
  while (true) {
    const s = at;
    while (at < end && !isFieldEnd(load<u8>(at))) {
      if (load<u8>(at) == 92) at++;
      at++;
    }
    const f = fieldByName(x, s, <i32>(at - s));
    if (f == null) {
      if (dialect >= 2 || at - s == 0) {
        failed = true;
        errStart("Unknown field at offset ");
        errInt(<i64>(s - start));
        errAscii(" near ");
        errBytes(s, <i32>(at - s));
        return null;
      }
    } else {
      fields++;
      single = f;
      if (f.type == TEXT && f.textBit >= 0) fieldMask |= <u32>1 << <u32>f.textBit;
    }
    if (peek() == 124) { at++; continue; }
    break;
  }
  skipBlank();
  if (peek() != 58) { syntaxError(); return null; } // :
  at++;
  skipBlank();
  if (fields == 1 && single != null) {
    const f = changetype<Field>(single);
    if (f.type == TAG) return parseTags(f);
    if (f.type == NUMERIC) return parseNumeric(f);
    if (f.type == GEO) return parseGeo(f);
    if (f.type == VECTOR) return parseVectorRange(f);
  }
  if (fields == 0) { // DIALECT 1: an unknown field matches nothing
    parseUnary();
    return nodeNew(Q_EMPTY);
  }
  const outer = mask;
  mask = fieldMask;
  const n = parseUnary();
  mask = outer;
  return n;
}

function isFieldEnd(c: u8): bool { return c == 58 || c == 124 || isBlankByte(c); }

function parseTags(f: Field): QueryNode | null {
  if (peek() != 123) { syntaxError(); return null; } // {
  at++;
  const n = nodeNew(Q_TAG);
  n.field = changetype<usize>(f);
  while (!failed) {
    skipBlank();
    if (peek() == 125) { at++; break; }
    if (at >= end) { syntaxError(); return null; }
    if (peek() == 124) { at++; continue; }
    let len = 0;
    if (peek() == 36) { // $param
      at++;
      const s = at;
      while (at < end && isNameByte(load<u8>(at))) at++;
      if (!paramFind(s, <i32>(at - s))) { paramError(s, <i32>(at - s)); return null; }
      len = min(paramLen, 256);
      memory.copy(termBuf, paramPtr, <usize>len);
    } else {
      while (at < end) {
        let c = load<u8>(at);
        if (c == 92 && at + 1 < end) { at++; c = load<u8>(at); }
        else if (c == 124 || c == 125) break;
        if (len < 256) store<u8>(termBuf + <usize>(len++), c);
        at++;
      }
    }
    let prefix = false;
    while (len > 0 && isBlankByte(load<u8>(termBuf + <usize>(len - 1)))) len--;
    if (len > 0 && load<u8>(termBuf + <usize>(len - 1)) == 42) { prefix = true; len--; }
    const t = normalizeTag(termBuf, len, (f.flags & F_CASESENSITIVE) != 0);
    const v = nodeNew(Q_TAGVAL);
    setStr(v, t, normalizedTagLen(), false);
    v.prefix = prefix;
    addChild(n, v);
  }
  return n;
}

/** A number or ±inf (a $param allowed), with `(` before it for an exclusive bound. */
function parseBound(): bool {
  skipBlank();
  const s = at;
  if (peek() == 36) {
    at++;
    const p = at;
    while (at < end && isNameByte(load<u8>(at))) at++;
    if (!paramFind(p, <i32>(at - p))) { paramError(p, <i32>(at - p)); return false; }
    if (!parseF64(paramPtr, paramLen)) { at = s; syntaxError(); return false; }
    parsedNumber = parsedF64;
    return true;
  }
  while (at < end && !isBlankByte(load<u8>(at)) && load<u8>(at) != 93) at++;
  const len = <i32>(at - s);
  if (isWord(s, len, "inf") || isWord(s, len, "+inf")) { parsedNumber = Infinity; return true; }
  if (isWord(s, len, "-inf")) { parsedNumber = -Infinity; return true; }
  if (!parseF64(s, len)) { at = s; syntaxError(); return false; }
  parsedNumber = parsedF64;
  return true;
}

let parsedNumber: f64 = 0;

function parseNumeric(f: Field): QueryNode | null {
  if (peek() != 91) { syntaxError(); return null; } // [
  at++;
  const n = nodeNew(Q_NUMERIC);
  n.field = changetype<usize>(f);
  skipBlank();
  if (peek() == 40) { n.minExclusive = true; at++; }
  if (!numberArg()) return null;
  n.min = parsedNumber;
  skipBlank();
  if (peek() == 44) at++; // DIALECT 4 allows a comma
  skipBlank();
  if (peek() == 40) { n.maxExclusive = true; at++; }
  if (!numberArg()) return null;
  n.max = parsedNumber;
  skipBlank();
  if (peek() != 93) { syntaxError(); return null; }
  at++;
  return n;
}

/** A bound into parsedNumber. */
function numberArg(): bool { return parseBound(); }

function parseGeo(f: Field): QueryNode | null {
  if (peek() != 91) { syntaxError(); return null; }
  at++;
  const n = nodeNew(Q_GEO);
  n.field = changetype<usize>(f);
  if (!numberArg()) return null;
  n.lon = parsedNumber;
  if (!numberArg()) return null;
  n.lat = parsedNumber;
  if (!numberArg()) return null;
  n.radius = parsedNumber;
  skipBlank();
  const s = at;
  while (at < end && isNameByte(load<u8>(at))) at++;
  const ul = <i32>(at - s);
  if (isWord(s, ul, "m")) {}
  else if (isWord(s, ul, "km")) n.radius *= 1000;
  else if (isWord(s, ul, "mi")) n.radius *= 1609.34;
  else if (isWord(s, ul, "ft")) n.radius *= 0.3048;
  else { at = s; syntaxError(); return null; }
  skipBlank();
  if (peek() != 93) { syntaxError(); return null; }
  at++;
  return n;
}

/** `[VECTOR_RANGE radius $blob]` on a VECTOR field. */
function parseVectorRange(f: Field): QueryNode | null {
  if (peek() != 91) { syntaxError(); return null; }
  at++;
  skipBlank();
  const s = at;
  while (at < end && isNameByte(load<u8>(at))) at++;
  if (!isWord(s, <i32>(at - s), "VECTOR_RANGE")) { at = s; syntaxError(); return null; }
  const n = nodeNew(Q_VECTOR_RANGE);
  n.field = changetype<usize>(f);
  if (!numberArg()) return null;
  n.max = parsedNumber;
  if (!vectorParam(n)) return null;
  skipBlank();
  if (peek() != 93) { syntaxError(); return null; }
  at++;
  return n;
}

/** `$name`: the query vector, from PARAMS. */
function vectorParam(n: QueryNode): bool {
  skipBlank();
  if (peek() != 36) { syntaxError(); return false; }
  at++;
  const p = at;
  while (at < end && isNameByte(load<u8>(at))) at++;
  if (!paramFind(p, <i32>(at - p))) { paramError(p, <i32>(at - p)); return false; }
  n.str = paramPtr;
  n.strLen = paramLen;
  return true;
}

/** `[KNN k @field $blob [EF_RUNTIME n] [AS name]]` after `=>`, `filter` being the query before it. */
function parseKnn(filter: QueryNode | null): QueryNode | null {
  skipBlank();
  if (peek() != 91) { syntaxError(); return null; }
  at++;
  skipBlank();
  let s = at;
  while (at < end && isNameByte(load<u8>(at))) at++;
  if (!isWord(s, <i32>(at - s), "KNN")) { at = s; syntaxError(); return null; }
  const n = nodeNew(Q_KNN);
  skipBlank();
  s = at;
  if (peek() == 36) {
    at++;
    const p = at;
    while (at < end && isNameByte(load<u8>(at))) at++;
    if (!paramFind(p, <i32>(at - p))) { paramError(p, <i32>(at - p)); return null; }
    if (!parseI64(paramPtr, paramLen) || parsedI64 < 0) { at = s; syntaxError(); return null; }
  } else {
    while (at < end && !isBlankByte(load<u8>(at))) at++;
    if (!parseI64(s, <i32>(at - s)) || parsedI64 < 0) { at = s; syntaxError(); return null; }
  }
  n.max = <f64>parsedI64;
  skipBlank();
  if (peek() != 64) { syntaxError(); return null; }
  at++;
  s = at;
  while (at < end && !isBlankByte(load<u8>(at))) at++;
  const f = fieldByName(x, s, <i32>(at - s));
  if (f == null || f.type != VECTOR) {
    failed = true;
    errAround("Unknown field `", s, <i32>(at - s), "`");
    return null;
  }
  n.field = changetype<usize>(f);
  if (!vectorParam(n)) return null;
  while (!failed) {
    skipBlank();
    if (peek() == 93) { at++; break; }
    s = at;
    while (at < end && isNameByte(load<u8>(at))) at++;
    const kl = <i32>(at - s);
    skipBlank();
    const v = at;
    while (at < end && !isBlankByte(load<u8>(at)) && load<u8>(at) != 93) at++;
    if (isWord(s, kl, "EF_RUNTIME")) {
      if (!parseI64(v, <i32>(at - v)) || parsedI64 <= 0) { at = v; syntaxError(); return null; }
      n.radius = <f64>parsedI64;
    } else if (isWord(s, kl, "AS")) {
      n.alias = v;
      n.aliasLen = <i32>(at - v);
    } else { at = s; syntaxError(); return null; }
  }
  if (filter != null && filter.kind != Q_WILDCARD) n.child = changetype<usize>(filter);
  return n;
}
