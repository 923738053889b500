// Strict JSON (RFC 8259) text → a node tree (node.ts), with serde_json's rules and error texts, which
// RedisJSON replies with: "expected value at line 1 column 1", "EOF while parsing a string at line 1
// column 9"... Integers stay exact (i64, or u64 above i64's range); anything else, and integers beyond
// u64, become doubles. Containers may nest 127 deep: the 128th is refused ("recursion limit exceeded"),
// as serde_json's limit of 128 does. Input must be valid UTF-8 (RedisJSON reads arguments as Rust strings).
import { ByteBuilder, parseF64, parsedF64 } from "ferrite-sdk";
import {
  arrNew, arrPush, boolNode, floatNew, intNew, nodeFree, NULL_NODE, objNew, objPut, strNew, uintNew,
} from "./node";
import { plainRun } from "./swar";

const MAX_DEPTH: i32 = 128;

let src: usize = 0;
let end: i32 = 0;
let at: i32 = 0;
let depth: i32 = 0;
/** A string or key that held escapes, decoded. */
const decoded = new ByteBuilder();

/** The error of the last failed parse: message, and where (serde_json's line and column). */
export let errorText: string = "";
export let errorLine: i32 = 0;
export let errorColumn: i32 = 0;
/** Set when the input was not valid UTF-8 (the error is then RedisJSON's argument error, with no position). */
export let errorUtf8: bool = false;

/** serde_json's position of byte index `i`: 1-based line, column = bytes since the line start. */
function fail(text: string, i: i32): usize {
  errorText = text;
  let line = 1;
  let lineStart = 0;
  const stop = i < end ? i : end;
  for (let j = 0; j < stop; j++) if (load<u8>(src + <usize>j) == 10) { line++; lineStart = j + 1; }
  errorLine = line;
  errorColumn = stop - lineStart;
  return 0;
}
/** serde_json's peek_error: the column of the byte being looked at. */
function failAt(text: string): usize { return fail(text, at + 1); }
/** serde_json's error: the column of the last byte consumed. */
function failAfter(text: string): usize { return fail(text, at); }

/** The value `ptr[0..len)` holds, or 0 (then errorText… say why). */
export function parseJson(ptr: usize, len: i32): usize {
  errorUtf8 = false;
  if (!validUtf8(ptr, len)) { errorUtf8 = true; return 0; }
  src = ptr;
  end = len;
  at = 0;
  depth = 0;
  const v = parseValue();
  if (v == 0) return 0;
  skipSpace();
  if (at < end) { nodeFree(v); return failAt("trailing characters"); }
  return v;
}

function peek(): i32 { return at < end ? <i32>load<u8>(src + <usize>at) : -1; }

function skipSpace(): void {
  while (at < end) {
    const c = load<u8>(src + <usize>at);
    if (c != 32 && c != 10 && c != 9 && c != 13) return;
    at++;
  }
}

function parseValue(): usize {
  skipSpace();
  const c = peek();
  if (c < 0) return failAt("EOF while parsing a value");
  if (c == 0x7b) return parseObject();
  if (c == 0x5b) return parseArray();
  if (c == 0x22) return parseString();
  if (c == 0x74) return parseWord("true", boolNode(true));
  if (c == 0x66) return parseWord("false", boolNode(false));
  if (c == 0x6e) return parseWord("null", NULL_NODE);
  if (c == 0x2d || (c >= 0x30 && c <= 0x39)) return parseNumber();
  return failAt("expected value");
}

function parseWord(word: string, node: usize): usize {
  at++;
  for (let i = 1; i < word.length; i++) {
    if (at >= end) return failAfter("EOF while parsing a value");
    const c = <i32>load<u8>(src + <usize>at);
    at++;
    if (c != word.charCodeAt(i)) return failAfter("expected ident");
  }
  return node;
}

function isDigit(c: i32): bool { return c >= 0x30 && c <= 0x39; }

function parseNumber(): usize {
  const start = at;
  const negative = peek() == 0x2d;
  if (negative) at++;
  let c = peek();
  if (c == 0x30) {
    at++;
    if (isDigit(peek())) return failAt("invalid number");
  } else if (isDigit(c)) {
    while (isDigit(peek())) at++;
  } else {
    if (c >= 0) at++;
    return failAfter("invalid number");
  }
  let integral = true;
  if (peek() == 0x2e) {
    integral = false;
    at++;
    if (!isDigit(peek())) return peek() < 0 ? failAt("EOF while parsing a value") : failAt("invalid number");
    while (isDigit(peek())) at++;
  }
  c = peek();
  let negativeExponent = false;
  if (c == 0x65 || c == 0x45) {
    integral = false;
    at++;
    c = peek();
    if (c == 0x2b || c == 0x2d) { negativeExponent = c == 0x2d; at++; }
    if (!isDigit(peek())) {
      if (peek() >= 0) at++;
      return failAfter("invalid number");
    }
    while (isDigit(peek())) at++;
  }
  if (integral) {
    // Exact when it fits: i64 for negatives, u64 for the rest (serde_json's rule); otherwise a double.
    let v: u64 = 0;
    let fits = true;
    for (let i = start + (negative ? 1 : 0); i < at; i++) {
      const d = <u64>(load<u8>(src + <usize>i) - 0x30);
      if (v > (u64.MAX_VALUE - d) / 10) { fits = false; break; }
      v = v * 10 + d;
    }
    if (fits && !negative) return v > <u64>i64.MAX_VALUE ? uintNew(v) : intNew(<i64>v);
    if (fits && v <= <u64>i64.MAX_VALUE + 1) return intNew(<i64>(0 - v));
  }
  if (parseF64(src + <usize>start, at - start)) return floatNew(parsedF64);
  // Beyond a double's range: serde_json reads what underflows as 0 and refuses what overflows.
  if (negativeExponent) return floatNew(negative ? -0.0 : 0.0);
  return failAfter("number out of range");
}

/** Reads a string at `at` (on its opening quote): its bytes at `strPtr`/`strLength`. */
let strPtr: usize = 0;
let strLength: i32 = 0;

function readString(): bool {
  at++;
  const start = at;
  // Fast path: no escape, the bytes are the value.
  at += plainRun(src + <usize>at, end - at);
  while (at < end) {
    const c = load<u8>(src + <usize>at);
    if (c == 0x22) { strPtr = src + <usize>start; strLength = at - start; at++; return true; }
    if (c == 0x5c) break;
    if (c < 0x20) { at++; failAfter("control character (\\u0000-\\u001F) found while parsing a string"); return false; }
    at++;
  }
  if (at >= end) { failAfter("EOF while parsing a string"); return false; }
  decoded.reset();
  decoded.bytes(src + <usize>start, at - start);
  while (at < end) {
    const c = load<u8>(src + <usize>at);
    if (c == 0x22) { strPtr = decoded.ptr; strLength = decoded.len; at++; return true; }
    if (c < 0x20) { at++; failAfter("control character (\\u0000-\\u001F) found while parsing a string"); return false; }
    at++;
    if (c != 0x5c) { decoded.byte(c); continue; }
    if (at >= end) { failAfter("EOF while parsing a string"); return false; }
    const e = load<u8>(src + <usize>at);
    at++;
    if (e == 0x22 || e == 0x5c || e == 0x2f) decoded.byte(e);
    else if (e == 0x62) decoded.byte(8);
    else if (e == 0x66) decoded.byte(12);
    else if (e == 0x6e) decoded.byte(10);
    else if (e == 0x72) decoded.byte(13);
    else if (e == 0x74) decoded.byte(9);
    else if (e == 0x75) { if (!readUnicodeEscape()) return false; }
    else { failAfter("invalid escape"); return false; }
  }
  failAfter("EOF while parsing a string");
  return false;
}

/** Four hex digits after "\u"; -1 (failed) when they are not. */
function hex4(): i32 {
  if (at + 4 > end) { at = end; failAfter("EOF while parsing a string"); return -1; }
  let v = 0;
  for (let i = 0; i < 4; i++) {
    const c = <i32>load<u8>(src + <usize>at);
    at++;
    let d: i32;
    if (c >= 0x30 && c <= 0x39) d = c - 0x30;
    else if (c >= 0x61 && c <= 0x66) d = c - 0x61 + 10;
    else if (c >= 0x41 && c <= 0x46) d = c - 0x41 + 10;
    else { failAfter("invalid escape"); return -1; }
    v = (v << 4) | d;
  }
  return v;
}

function readUnicodeEscape(): bool {
  let cp = hex4();
  if (cp < 0) return false;
  if (cp >= 0xdc00 && cp <= 0xdfff) { failAfter("lone leading surrogate in hex escape"); return false; }
  if (cp >= 0xd800 && cp <= 0xdbff) {
    if (at + 2 > end || load<u8>(src + <usize>at) != 0x5c || load<u8>(src + <usize>at + 1) != 0x75) {
      if (at < end) at++;
      failAfter("unexpected end of hex escape");
      return false;
    }
    at += 2;
    const low = hex4();
    if (low < 0) return false;
    if (low < 0xdc00 || low > 0xdfff) { failAfter("lone leading surrogate in hex escape"); return false; }
    cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
  }
  if (cp < 0x80) decoded.byte(cp);
  else if (cp < 0x800) { decoded.byte(0xc0 | (cp >> 6)); decoded.byte(0x80 | (cp & 63)); }
  else if (cp < 0x10000) { decoded.byte(0xe0 | (cp >> 12)); decoded.byte(0x80 | ((cp >> 6) & 63)); decoded.byte(0x80 | (cp & 63)); }
  else {
    decoded.byte(0xf0 | (cp >> 18));
    decoded.byte(0x80 | ((cp >> 12) & 63));
    decoded.byte(0x80 | ((cp >> 6) & 63));
    decoded.byte(0x80 | (cp & 63));
  }
  return true;
}

function parseString(): usize {
  if (!readString()) return 0;
  return strNew(strPtr, strLength);
}

function enter(): bool {
  depth++;
  if (depth >= MAX_DEPTH) { failAt("recursion limit exceeded"); return false; }
  at++;
  return true;
}

function parseArray(): usize {
  if (!enter()) return 0;
  const a = arrNew();
  skipSpace();
  if (peek() == 0x5d) { at++; depth--; return a; }
  while (true) {
    const v = parseValue();
    if (v == 0) { nodeFree(a); return 0; }
    arrPush(a, v);
    skipSpace();
    const c = peek();
    if (c == 0x2c) {
      at++;
      skipSpace();
      if (peek() == 0x5d) { nodeFree(a); return failAt("trailing comma"); }
      continue;
    }
    if (c == 0x5d) { at++; depth--; return a; }
    nodeFree(a);
    return c < 0 ? failAt("EOF while parsing a list") : failAt("expected `,` or `]`");
  }
}

/** Object keys are copied out of `decoded` before their value is parsed (which reuses it). */
const keyCopy = new ByteBuilder();

function parseObject(): usize {
  if (!enter()) return 0;
  const o = objNew();
  skipSpace();
  if (peek() == 0x7d) { at++; depth--; return o; }
  while (true) {
    skipSpace();
    let c = peek();
    if (c != 0x22) {
      nodeFree(o);
      return c < 0 ? failAt("EOF while parsing an object") : failAt("key must be a string");
    }
    if (!readString()) { nodeFree(o); return 0; }
    const keyStart = keyCopy.len;
    keyCopy.bytes(strPtr, strLength);
    skipSpace();
    c = peek();
    if (c != 0x3a) {
      keyCopy.truncate(keyStart);
      nodeFree(o);
      return c < 0 ? failAt("EOF while parsing an object") : failAt("expected `:`");
    }
    at++;
    const v = parseValue();
    if (v == 0) { keyCopy.truncate(keyStart); nodeFree(o); return 0; }
    objPut(o, keyCopy.ptr + <usize>keyStart, keyCopy.len - keyStart, v);
    keyCopy.truncate(keyStart);
    skipSpace();
    c = peek();
    if (c == 0x2c) {
      at++;
      skipSpace();
      if (peek() == 0x7d) { nodeFree(o); return failAt("trailing comma"); }
      continue;
    }
    if (c == 0x7d) { at++; depth--; return o; }
    nodeFree(o);
    return c < 0 ? failAt("EOF while parsing an object") : failAt("expected `,` or `}`");
  }
}

/** Rust's str::from_utf8: shortest forms only, no surrogates, nothing above U+10FFFF. */
export function validUtf8(ptr: usize, len: i32): bool {
  let i = 0;
  while (i < len) {
    const c = <u32>load<u8>(ptr + <usize>i);
    if (c < 0x80) { i++; continue; }
    let need = 0;
    let lo: u32 = 0x80, hi: u32 = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c == 0xe0) { need = 2; lo = 0xa0; }
    else if (c == 0xed) { need = 2; hi = 0x9f; }
    else if (c >= 0xe1 && c <= 0xef) need = 2;
    else if (c == 0xf0) { need = 3; lo = 0x90; }
    else if (c >= 0xf1 && c <= 0xf3) need = 3;
    else if (c == 0xf4) { need = 3; hi = 0x8f; }
    else return false;
    for (let j = 1; j <= need; j++) {
      if (i + j >= len) return false;
      const b = <u32>load<u8>(ptr + <usize>(i + j));
      if (j == 1 ? b < lo || b > hi : b < 0x80 || b > 0xbf) return false;
    }
    i += need + 1;
  }
  return true;
}
