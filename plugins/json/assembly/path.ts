// Paths, both of RedisJSON's syntaxes, evaluated straight from the argument's text (no compiled form
// to allocate): a path starting with `$` is JSONPath (every match, as an array), anything else is a
// legacy path (`.a.b[0]`, `a["x y"]`, `.`), read as if `$` preceded it and answering one value.
//
// Segments: `.name`, `.*`, `..name`, `..*`, `..[…]`, and brackets: `['a','b']` / `["a"]`, `[0,-1]`,
// `[*]`, slices `[start:end:step]`, filters `[?(expr)]`. A filter compares operands (`@…` relative
// paths, `$…` absolute ones, numbers, strings, true, false, null) with == != < <= > >= and =~ (a
// regular expression, regex.ts), combined with && || and parentheses; an operand alone tests existence.
//
// evalPath leaves the matches in `matchCount` pairs (node, slot): the slot is where the node is held
// (an array item, an object value, or the document's root field), so that a write can replace it.
import { ByteBuilder } from "ferrite-sdk";
import {
  arrGet, arrSlot, count, intValue, isNumber, K_ARRAY, K_FALSE, K_INT, K_NULL, K_OBJECT, K_STRING, K_TRUE, keyBytes,
  keyLen, kind, numberAsF64, objFind, objKey, objSlot, objVal, strBytes, strLen,
} from "./node";
import { regexMatch } from "./regex";

const SEG_NAME: i32 = 1;
const SEG_WILD: i32 = 2;
const SEG_INDEXES: i32 = 3;
const SEG_NAMES: i32 = 4;
const SEG_SLICE: i32 = 5;
const SEG_FILTER: i32 = 6;

let p: usize = 0; // the path text
let plen: i32 = 0;
/** True for a legacy path (the last evalPath's or checkPath's). */
export let legacy: bool = false;
/** Where the path's syntax failed (checkPath false). */
export let errorAt: i32 = 0;

const matches = new ByteBuilder();
export let matchCount: i32 = 0;
// @ts-ignore: decorator
@inline export function matchNode(i: i32): usize { return <usize>load<u32>(matches.ptr + (<usize>i << 3)); }
// @ts-ignore: decorator
@inline export function matchSlot(i: i32): usize { return <usize>load<u32>(matches.ptr + (<usize>i << 3) + 4); }

function emit(node: usize, slot: usize): void {
  const at = matches.reserve(8);
  store<u32>(at, <u32>node);
  store<u32>(at + 4, <u32>slot);
  matches.len += 8;
  matchCount++;
}

/** Whether a path is legacy (does not start with `$`). */
export function isLegacy(ptr: usize, len: i32): bool { return len == 0 || load<u8>(ptr) != 0x24; }

/** Where the first segment starts: after `$`, or at 0 for a legacy path (`.` alone is the root). */
function firstSegment(): i32 {
  if (!legacy) return 1;
  if (plen == 1 && load<u8>(p) == 0x2e) return 1;
  return 0;
}

// @ts-ignore: decorator
@inline function c(i: i32): i32 { return i < plen ? <i32>load<u8>(p + <usize>i) : -1; }

function skipSpaces(i: i32): i32 {
  while (c(i) == 0x20) i++;
  return i;
}

// ---- segments: parseSegment(i) reads one at i and returns where the next starts, or -1 (errorAt)

let segKind: i32 = 0;
let segDeep: bool = false;
let segFrom: i32 = 0; // name bytes, or the bracket's content
let segTo: i32 = 0;

/**
 * The bytes that end a name (`.` `[` `]` space `(` `)` `=` `<` `>` `!` `&` `|` `,` `'` `"`), as bits of two
 * words for 0–63 and 64–127: a name's every byte is tested, twice per command (checkPath, evalPath).
 */
const NAME_STOPS_LOW: u64 = 0x700053c700000000;
const NAME_STOPS_HIGH: u64 = 0x1000000028000000;

// @ts-ignore: decorator
@inline function isNameByte(ch: i32): bool {
  if (ch < 0) return false;
  if (ch >= 128) return true;
  return ((ch < 64 ? NAME_STOPS_LOW : NAME_STOPS_HIGH) >> <u64>(ch & 63) & 1) == 0;
}

function bad(i: i32): i32 { errorAt = i; return -1; }

function parseSegment(i: i32, implicitDot: bool): i32 {
  segDeep = false;
  let ch = c(i);
  if (implicitDot && ch != 0x2e && ch != 0x5b) return parseName(i);
  if (ch == 0x2e) {
    i++;
    if (c(i) == 0x2e) { segDeep = true; i++; }
    ch = c(i);
    if (ch == 0x2a) { segKind = SEG_WILD; return i + 1; }
    if (ch == 0x5b && segDeep) return parseBracket(i);
    return parseName(i);
  }
  if (ch == 0x5b) return parseBracket(i);
  return bad(i);
}

function parseName(i: i32): i32 {
  const start = i;
  while (isNameByte(c(i))) i++;
  if (i == start) return bad(i);
  segKind = SEG_NAME;
  segFrom = start;
  segTo = i;
  return i;
}

/** A quoted string at i (its quote): returns the index after the closing quote, or -1. */
function skipQuoted(i: i32): i32 {
  const q = c(i);
  i++;
  while (i < plen) {
    const ch = c(i);
    if (ch == 0x5c) { i += 2; continue; }
    if (ch == q) return i + 1;
    i++;
  }
  return bad(plen);
}

function skipInt(i: i32): i32 {
  if (c(i) == 0x2d) i++;
  const start = i;
  while (c(i) >= 0x30 && c(i) <= 0x39) i++;
  return i == start ? bad(i) : i;
}

function parseBracket(i: i32): i32 {
  i = skipSpaces(i + 1);
  const start = i;
  const ch = c(i);
  if (ch == 0x2a) {
    i = skipSpaces(i + 1);
    if (c(i) != 0x5d) return bad(i);
    segKind = SEG_WILD;
    return i + 1;
  }
  if (ch == 0x3f) {
    if (c(i + 1) != 0x28) return bad(i + 1);
    const close = filterEnd(i + 2);
    if (close < 0) return -1;
    segKind = SEG_FILTER;
    segFrom = i + 2;
    segTo = close;
    i = skipSpaces(close + 1);
    return c(i) == 0x5d ? i + 1 : bad(i);
  }
  if (ch == 0x27 || ch == 0x22) {
    while (true) {
      i = skipQuoted(i);
      if (i < 0) return -1;
      i = skipSpaces(i);
      if (c(i) == 0x5d) break;
      if (c(i) != 0x2c) return bad(i);
      i = skipSpaces(i + 1);
      if (c(i) != 0x27 && c(i) != 0x22) return bad(i);
    }
    segKind = SEG_NAMES;
    segFrom = start;
    segTo = i;
    return i + 1;
  }
  // Integers: one, a union, or a slice.
  let slice = false;
  if (c(i) != 0x3a) { i = skipInt(i); if (i < 0) return -1; }
  i = skipSpaces(i);
  if (c(i) == 0x3a) {
    slice = true;
    i = skipSpaces(i + 1);
    if (c(i) == 0x2d || (c(i) >= 0x30 && c(i) <= 0x39)) { i = skipInt(i); if (i < 0) return -1; i = skipSpaces(i); }
    if (c(i) == 0x3a) {
      i = skipSpaces(i + 1);
      if (c(i) == 0x2d || (c(i) >= 0x30 && c(i) <= 0x39)) { i = skipInt(i); if (i < 0) return -1; i = skipSpaces(i); }
    }
  } else {
    while (c(i) == 0x2c) {
      i = skipInt(skipSpaces(i + 1));
      if (i < 0) return -1;
      i = skipSpaces(i);
    }
  }
  if (c(i) != 0x5d) return bad(i);
  segKind = slice ? SEG_SLICE : SEG_INDEXES;
  segFrom = start;
  segTo = i;
  return i + 1;
}

/** The index of the `)` closing a filter whose text starts at i (quotes and nesting skipped). */
function filterEnd(i: i32): i32 {
  let level = 0;
  while (i < plen) {
    const ch = c(i);
    if (ch == 0x27 || ch == 0x22) { i = skipQuoted(i); if (i < 0) return -1; continue; }
    if (ch == 0x28) level++;
    else if (ch == 0x29) { if (level == 0) return i; level--; }
    i++;
  }
  return bad(plen);
}

/** Checks the whole path's syntax (filters included) against no document. */
export function checkPath(ptr: usize, len: i32): bool {
  p = ptr;
  plen = len;
  legacy = isLegacy(ptr, len);
  let i = firstSegment();
  let first = legacy;
  while (i < plen) {
    const from = i;
    i = parseSegment(i, first);
    first = false;
    if (i < 0) return false;
    if (segKind == SEG_FILTER && !checkFilter(segFrom, segTo)) return false;
    if (i == from) return bad(i) >= 0;
  }
  return true;
}

/** Evaluates a path checked by checkPath from `root` (held at `rootSlot`); the matches are left in the list. */
export function evalPath(ptr: usize, len: i32, root: usize, rootSlot: usize): void {
  p = ptr;
  plen = len;
  legacy = isLegacy(ptr, len);
  matches.reset();
  matchCount = 0;
  walk(firstSegment(), legacy, root, rootSlot);
}

function walk(i: i32, implicitDot: bool, node: usize, slot: usize): void {
  if (i >= plen) { emit(node, slot); return; }
  const next = parseSegment(i, implicitDot);
  if (segDeep) descend(i, next, node);
  else select(next, node);
}

/** Applies the segment just parsed (at i) to `node` and each of its descendants, in document order. */
function descend(i: i32, next: i32, node: usize): void {
  select(next, node);
  const k = kind(node);
  if (k != K_ARRAY && k != K_OBJECT) return;
  const n = count(node);
  for (let j = 0; j < n; j++) {
    parseSegment(i, false); // select's recursion parsed other segments since
    descend(i, next, k == K_ARRAY ? arrGet(node, j) : objVal(node, j));
  }
}

/** The children the segment just parsed selects from `node`, each walked on from `next`. */
function select(next: i32, node: usize): void {
  const sk = segKind, from = segFrom, to = segTo;
  const k = kind(node);
  if (sk == SEG_NAME) {
    if (k != K_OBJECT) return;
    const j = objFind(node, p + <usize>from, to - from);
    if (j >= 0) walk(next, false, objVal(node, j), objSlot(node, j));
    return;
  }
  if (sk == SEG_WILD) {
    if (k != K_ARRAY && k != K_OBJECT) return;
    const n = count(node);
    for (let j = 0; j < n && j < count(node); j++) walkChild(next, node, j);
    return;
  }
  if (sk == SEG_NAMES) {
    if (k != K_OBJECT) return;
    let i = from;
    while (i < to) {
      const end = skipQuoted(i);
      const j = findQuoted(node, i + 1, end - 1);
      if (j >= 0) walk(next, false, objVal(node, j), objSlot(node, j));
      i = skipSpaces(end);
      if (c(i) == 0x2c) i = skipSpaces(i + 1);
    }
    return;
  }
  if (sk == SEG_INDEXES) {
    if (k != K_ARRAY) return;
    let i = from;
    while (i < to) {
      const end = skipInt(i);
      let j = <i32>parseInt(i, end);
      const n = count(node);
      if (j < 0) j += n;
      if (j >= 0 && j < n) walk(next, false, arrGet(node, j), arrSlot(node, j));
      i = skipSpaces(end);
      if (c(i) == 0x2c) i = skipSpaces(i + 1);
    }
    return;
  }
  if (sk == SEG_SLICE) {
    if (k != K_ARRAY) return;
    sliceBounds(from, to, count(node));
    const start = sliceStart, stop = sliceStop, step = sliceStep;
    for (let j = start; j < stop; j += step) if (j < count(node)) walkChild(next, node, j);
    return;
  }
  // SEG_FILTER: the array's items, or the object's values, for which the expression holds.
  if (k != K_ARRAY && k != K_OBJECT) return;
  const n = count(node);
  for (let j = 0; j < n; j++) {
    const child = k == K_ARRAY ? arrGet(node, j) : objVal(node, j);
    if (filterHolds(from, to, child)) walkChild(next, node, j);
  }
}

function walkChild(next: i32, node: usize, j: i32): void {
  if (kind(node) == K_ARRAY) walk(next, false, arrGet(node, j), arrSlot(node, j));
  else walk(next, false, objVal(node, j), objSlot(node, j));
}

function parseInt(i: i32, end: i32): i64 {
  let negative = false;
  if (c(i) == 0x2d) { negative = true; i++; }
  let v: i64 = 0;
  for (; i < end; i++) if (v < 1000000000000) v = v * 10 + <i64>(c(i) - 0x30);
  return negative ? -v : v;
}

let sliceStart: i32 = 0;
let sliceStop: i32 = 0;
let sliceStep: i32 = 1;

/** `[start:stop:step]` over n items: Python's rules for a positive step (a step below 1 selects nothing). */
function sliceBounds(from: i32, to: i32, n: i32): void {
  let i = from;
  let start: i64 = 0, stop: i64 = n, step: i64 = 1;
  if (c(i) != 0x3a) { const e = skipInt(i); start = parseInt(i, e); i = skipSpaces(e); }
  i = skipSpaces(i + 1);
  if (i < to && c(i) != 0x3a) { const e = skipInt(i); stop = parseInt(i, e); i = skipSpaces(e); }
  if (i < to && c(i) == 0x3a) {
    i = skipSpaces(i + 1);
    if (i < to) { const e = skipInt(i); step = parseInt(i, e); }
  }
  if (start < 0) start = max<i64>(0, start + n);
  if (stop < 0) stop = max<i64>(0, stop + n);
  sliceStart = <i32>min<i64>(start, n);
  sliceStop = <i32>min<i64>(stop, n);
  sliceStep = step < 1 ? n + 1 : <i32>step;
  if (step < 1) sliceStop = sliceStart;
}

/** The entry of `node` whose key equals the quoted text [from, to) (backslash escapes honoured). */
function findQuoted(node: usize, from: i32, to: i32): i32 {
  const n = count(node);
  for (let j = 0; j < n; j++) {
    const key = objKey(node, j);
    if (quotedEquals(from, to, keyBytes(key), keyLen(key))) return j;
  }
  return -1;
}

function quotedEquals(from: i32, to: i32, ptr: usize, len: i32): bool {
  let k = 0;
  for (let i = from; i < to; i++) {
    let ch = c(i);
    if (ch == 0x5c && i + 1 < to) { i++; ch = c(i); }
    if (k >= len || <i32>load<u8>(ptr + <usize>k) != ch) return false;
    k++;
  }
  return k == len;
}

// ---- filters: evaluated from their text for each candidate (operands resolve to their first match)

const T_NONE: i32 = 0; // a path that matched nothing
const T_NODE: i32 = 1;
const T_NUMBER: i32 = 2;
const T_STRING: i32 = 3; // a literal: bytes in the path text, possibly escaped
const T_BOOL: i32 = 4;
const T_NULL: i32 = 5;

let fi: i32 = 0; // filter cursor
let fEnd: i32 = 0;
let fFailed: bool = false;
let current: usize = 0; // `@`
/** The document root (`$` in filters): set by the command before evalPath. */
export let filterRoot: usize = 0;
export function setFilterRoot(root: usize): void { filterRoot = root; }

// The operand just read.
let tKind: i32 = 0;
let tNode: usize = 0;
let tNumber: f64 = 0;
let tInt: i64 = 0;
let tIsInt: bool = false;
let tPtr: usize = 0; // a string literal's bytes, escapes decoded
let tLen: i32 = 0;
let tBool: bool = false;
/** Decoded string literals of the filter being evaluated (reserved up front: pointers into it stay valid). */
const literals = new ByteBuilder();

function checkFilter(from: i32, to: i32): bool {
  fi = from;
  fEnd = to;
  fFailed = false;
  current = 0;
  literals.reset();
  literals.reserve(to - from);
  orExpr(false);
  fi = skipSpaces(fi);
  if (fFailed) return false;
  if (fi != fEnd) return bad(fi) >= 0;
  return true;
}

function filterHolds(from: i32, to: i32, node: usize): bool {
  const savedFi = fi, savedEnd = fEnd, savedCurrent = current;
  fi = from;
  fEnd = to;
  fFailed = false;
  current = node;
  literals.reset();
  literals.reserve(to - from);
  const r = orExpr(true);
  fi = savedFi;
  fEnd = savedEnd;
  current = savedCurrent;
  return r && !fFailed;
}

function fc(): i32 { return fi < fEnd ? c(fi) : -1; }

function orExpr(live: bool): bool {
  let r = andExpr(live);
  while (true) {
    fi = skipSpaces(fi);
    if (fc() == 0x7c && c(fi + 1) == 0x7c) { fi += 2; const b = andExpr(live); r = r || b; } else return r;
  }
}

function andExpr(live: bool): bool {
  let r = term(live);
  while (true) {
    fi = skipSpaces(fi);
    if (fc() == 0x26 && c(fi + 1) == 0x26) { fi += 2; const b = term(live); r = r && b; } else return r;
  }
}

function term(live: bool): bool {
  fi = skipSpaces(fi);
  if (fc() == 0x28) {
    fi++;
    const r = orExpr(live);
    fi = skipSpaces(fi);
    if (fc() != 0x29) { fFailed = true; errorAt = fi; return false; }
    fi++;
    return r;
  }
  if (!operand(live)) return false;
  const lk = tKind, lNode = tNode, lNum = tNumber, lInt = tInt, lIsInt = tIsInt, lPtr = tPtr, lLen = tLen, lBool = tBool;
  fi = skipSpaces(fi);
  const op = comparison();
  if (op == 0) return lk != T_NONE && (lk != T_BOOL || lBool); // existence (or a literal true)
  fi = skipSpaces(fi);
  if (!operand(live)) return false;
  if (!live) return false;
  return compare(op, lk, lNode, lNum, lInt, lIsInt, lPtr, lLen, lBool);
}

const OP_EQ: i32 = 1, OP_NE: i32 = 2, OP_LT: i32 = 3, OP_LE: i32 = 4, OP_GT: i32 = 5, OP_GE: i32 = 6, OP_RE: i32 = 7;

function comparison(): i32 {
  const a = fc(), b = c(fi + 1);
  if (a == 0x3d && b == 0x3d) { fi += 2; return OP_EQ; }
  if (a == 0x21 && b == 0x3d) { fi += 2; return OP_NE; }
  if (a == 0x3c && b == 0x3d) { fi += 2; return OP_LE; }
  if (a == 0x3e && b == 0x3d) { fi += 2; return OP_GE; }
  if (a == 0x3d && b == 0x7e) { fi += 2; return OP_RE; }
  if (a == 0x3c) { fi++; return OP_LT; }
  if (a == 0x3e) { fi++; return OP_GT; }
  return 0;
}

/** Reads an operand at fi; false (fFailed) when there is none. */
function operand(live: bool): bool {
  const ch = fc();
  if (ch == 0x40 || ch == 0x24) return pathOperand(live, ch == 0x40);
  if (ch == 0x27 || ch == 0x22) {
    const end = skipQuoted(fi);
    if (end < 0 || end > fEnd) { fFailed = true; return false; }
    tKind = T_STRING;
    decodeLiteral(fi + 1, end - 1);
    fi = end;
    return true;
  }
  if (ch == 0x2d || (ch >= 0x30 && ch <= 0x39)) return numberOperand();
  if (word("true")) { tKind = T_BOOL; tBool = true; return true; }
  if (word("false")) { tKind = T_BOOL; tBool = false; return true; }
  if (word("null")) { tKind = T_NULL; return true; }
  fFailed = true;
  errorAt = fi;
  return false;
}

/** A quoted literal's bytes [from, to) with backslash escapes undone (`\\.` in a regex literal is `\.`). */
function decodeLiteral(from: i32, to: i32): void {
  let escaped = false;
  for (let i = from; i < to; i++) if (c(i) == 0x5c) escaped = true;
  if (!escaped) { tPtr = p + <usize>from; tLen = to - from; return; }
  const start = literals.len;
  for (let i = from; i < to; i++) {
    let ch = c(i);
    if (ch == 0x5c && i + 1 < to) {
      i++;
      ch = c(i);
      if (ch == 0x6e) ch = 10;
      else if (ch == 0x74) ch = 9;
    }
    store<u8>(literals.ptr + <usize>literals.len, <u8>ch); // room reserved by the evaluation
    literals.len++;
  }
  tPtr = literals.ptr + <usize>start;
  tLen = literals.len - start;
}

function word(w: string): bool {
  for (let i = 0; i < w.length; i++) if (c(fi + i) != w.charCodeAt(i)) return false;
  if (isNameByte(c(fi + w.length))) return false;
  fi += w.length;
  return true;
}

function numberOperand(): bool {
  const start = fi;
  if (fc() == 0x2d) fi++;
  let isInt = true;
  while (fi < fEnd) {
    const ch = fc();
    if (ch >= 0x30 && ch <= 0x39) { fi++; continue; }
    if (ch == 0x2e || ch == 0x65 || ch == 0x45 || ((ch == 0x2d || ch == 0x2b) && (c(fi - 1) | 0x20) == 0x65)) { isInt = false; fi++; continue; }
    break;
  }
  if (fi == start || (fi == start + 1 && c(start) == 0x2d)) { fFailed = true; errorAt = fi; return false; }
  tKind = T_NUMBER;
  tIsInt = isInt && fi - start < 19;
  tInt = tIsInt ? parseInt(start, fi) : 0;
  tNumber = tIsInt ? <f64>tInt : parseDecimal(start, fi);
  return true;
}

/** A filter's decimal literal (digits, point, exponent) as a double. */
function parseDecimal(from: i32, to: i32): f64 {
  let i = from;
  let negative = false;
  if (c(i) == 0x2d) { negative = true; i++; }
  let v: f64 = 0;
  let scale: i32 = 0;
  let seenPoint = false;
  for (; i < to; i++) {
    const ch = c(i);
    if (ch == 0x2e) { seenPoint = true; continue; }
    if (ch < 0x30 || ch > 0x39) break;
    v = v * 10 + <f64>(ch - 0x30);
    if (seenPoint) scale--;
  }
  if (i < to) { i++; scale += <i32>parseInt(c(i) == 0x2b ? i + 1 : i, to); }
  v = scale < 0 ? v / Math.pow(10, <f64>-scale) : v * Math.pow(10, <f64>scale);
  return negative ? -v : v;
}

/** `@.a.b[0]` / `$.x`: the first node it reaches (names, quoted names and indexes; `*` takes the first). */
function pathOperand(live: bool, relative: bool): bool {
  fi++;
  let node = live ? (relative ? current : filterRoot) : 0;
  while (fi < fEnd) {
    const ch = fc();
    if (ch != 0x2e && ch != 0x5b) break;
    const next = parseSegment(fi, false);
    if (next < 0 || next > fEnd || segDeep || segKind == SEG_FILTER || segKind == SEG_SLICE) { fFailed = true; errorAt = fi; return false; }
    fi = next;
    if (node == 0) continue;
    node = firstChild(node);
  }
  tKind = node == 0 ? T_NONE : T_NODE;
  tNode = node;
  return true;
}

function firstChild(node: usize): usize {
  const k = kind(node);
  if (segKind == SEG_NAME) {
    if (k != K_OBJECT) return 0;
    const j = objFind(node, p + <usize>segFrom, segTo - segFrom);
    return j < 0 ? 0 : objVal(node, j);
  }
  if (segKind == SEG_NAMES) {
    if (k != K_OBJECT) return 0;
    const j = findQuoted(node, segFrom + 1, skipQuoted(segFrom) - 1);
    return j < 0 ? 0 : objVal(node, j);
  }
  if (segKind == SEG_WILD) {
    if ((k != K_ARRAY && k != K_OBJECT) || count(node) == 0) return 0;
    return k == K_ARRAY ? arrGet(node, 0) : objVal(node, 0);
  }
  if (k != K_ARRAY) return 0;
  let j = <i32>parseInt(segFrom, skipInt(segFrom));
  if (j < 0) j += count(node);
  return j >= 0 && j < count(node) ? arrGet(node, j) : 0;
}

/** The comparison of the left operand (passed) with the one just read (tKind…). */
function compare(op: i32, lk: i32, lNode: usize, lNum: f64, lInt: i64, lIsInt: bool, lPtr: usize, lLen: i32, lBool: bool): bool {
  // Each side as one of: number (f64, exact i64 when both are integers), string (bytes), bool, null.
  let lt = classify(lk, lNode), rt = classify(tKind, tNode);
  if (lt == T_NONE || rt == T_NONE) return false;
  if (op == OP_RE) {
    if (lt != T_STRING || rt != T_STRING) return false;
    return regexMatch(strPtrOf(lk, lNode, lPtr), strLenOf(lk, lNode, lLen), strPtrOf(tKind, tNode, tPtr), strLenOf(tKind, tNode, tLen));
  }
  if (lt != rt) return op == OP_NE;
  let order: i32 = 0;
  if (lt == T_NUMBER) {
    const li = lk == T_NODE ? kind(lNode) == K_INT : lIsInt;
    const ri = tKind == T_NODE ? kind(tNode) == K_INT : tIsInt;
    if (li && ri) {
      const a = lk == T_NODE ? intValue(lNode) : lInt, b = tKind == T_NODE ? intValue(tNode) : tInt;
      order = a < b ? -1 : a > b ? 1 : 0;
    } else {
      const a = lk == T_NODE ? numberAsF64(lNode) : lNum, b = tKind == T_NODE ? numberAsF64(tNode) : tNumber;
      if (a != a || b != b) return op == OP_NE;
      order = a < b ? -1 : a > b ? 1 : 0;
    }
  } else if (lt == T_STRING) {
    order = compareStrings(lk, lNode, lPtr, lLen);
  } else if (lt == T_BOOL) {
    const a = lk == T_NODE ? kind(lNode) == K_TRUE : lBool, b = tKind == T_NODE ? kind(tNode) == K_TRUE : tBool;
    if (op != OP_EQ && op != OP_NE) return false;
    order = a == b ? 0 : 1;
  } else if (lt == T_NULL) {
    if (op != OP_EQ && op != OP_NE) return false;
    order = 0;
  } else {
    // Arrays and objects: equality only.
    if (op != OP_EQ && op != OP_NE) return false;
    order = lk == T_NODE && tKind == T_NODE && lNode == tNode ? 0 : 1;
  }
  if (op == OP_EQ) return order == 0;
  if (op == OP_NE) return order != 0;
  if (op == OP_LT) return order < 0;
  if (op == OP_LE) return order <= 0;
  if (op == OP_GT) return order > 0;
  return order >= 0;
}

const T_CONTAINER: i32 = 6;

function classify(k: i32, node: usize): i32 {
  if (k != T_NODE) return k;
  if (isNumber(node)) return T_NUMBER;
  const nk = kind(node);
  if (nk == K_STRING) return T_STRING;
  if (nk == K_TRUE || nk == K_FALSE) return T_BOOL;
  if (nk == K_NULL) return T_NULL;
  return T_CONTAINER;
}

/** A string operand's bytes: a node's, or the literal's. */
function strPtrOf(k: i32, node: usize, ptr: usize): usize { return k == T_NODE ? strBytes(node) : ptr; }
function strLenOf(k: i32, node: usize, len: i32): i32 { return k == T_NODE ? strLen(node) : len; }

function compareStrings(lk: i32, lNode: usize, lPtr: usize, lLen: i32): i32 {
  const a = strPtrOf(lk, lNode, lPtr), al = strLenOf(lk, lNode, lLen);
  const b = strPtrOf(tKind, tNode, tPtr), bl = strLenOf(tKind, tNode, tLen);
  const n = al < bl ? al : bl;
  const r = memory.compare(a, b, <usize>n);
  if (r != 0) return r;
  return al < bl ? -1 : al > bl ? 1 : 0;
}

/** The path's last segment, when it names one key (`.name`, `["name"]`, or a legacy path's first name): for JSON.SET's creation of a missing key. */
export let lastNameFrom: i32 = 0;
export let lastNameTo: i32 = 0;
export let lastNameQuoted: bool = false;

/** Where the parent of the last segment ends (the path text before it), or -1 when the last segment is not one name. */
export function parentEnd(ptr: usize, len: i32): i32 {
  p = ptr;
  plen = len;
  legacy = isLegacy(ptr, len);
  let i = firstSegment();
  let first = legacy;
  let lastStart = -1;
  while (i < plen) {
    const start = i;
    i = parseSegment(i, first);
    first = false;
    if (i < 0) return -1;
    lastStart = start;
  }
  if (lastStart < 0 || segDeep) return -1;
  if (segKind == SEG_NAME) { lastNameFrom = segFrom; lastNameTo = segTo; lastNameQuoted = false; return lastStart; }
  if (segKind == SEG_NAMES && skipQuoted(segFrom) == segTo) {
    lastNameFrom = segFrom + 1;
    lastNameTo = segTo - 1;
    lastNameQuoted = true;
    return lastStart;
  }
  return -1;
}

/** The last segment's key, unescaped, into `out`. */
export function lastName(out: ByteBuilder): void {
  out.reset();
  for (let i = lastNameFrom; i < lastNameTo; i++) {
    let ch = c(i);
    if (lastNameQuoted && ch == 0x5c && i + 1 < lastNameTo) { i++; ch = c(i); }
    out.byte(ch);
  }
}
