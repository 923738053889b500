// Strict JSON (RFC 8259) text → a value (node.ts), with serde_json's rules and error texts, which
// RedisJSON replies with: "expected value at line 1 column 1", "EOF while parsing a string at line 1
// column 9"... Integers stay exact (i64, or u64 above i64's range); anything else, and integers beyond
// u64, become doubles. Containers may nest 127 deep: the 128th is refused ("recursion limit exceeded"),
// as serde_json's limit of 128 does. Input must be valid UTF-8 (RedisJSON reads arguments as Rust strings).
//
// The parser writes the packed layout (node.ts) into one scratch buffer, allocating nothing per value: a
// container's items go first, and on its closing bracket they move up behind the header and offset table
// it then knows the size of (a move per nesting level, the price of one pass). parsePacked copies the
// result into one block (JSON.SET of a whole document, loading); parseJson builds the tree from it (a value
// written below the root, which the tree's writes need).
import { ByteBuilder, exactDecimal, parseF64, parsedF64, utf8Sequence } from "ferrite-sdk";
import {
  afterLength, blockAlloc, K_ARRAY, K_FALSE, K_FLOAT, K_INT, K_NULL, K_OBJECT, K_STRING, K_TRUE, K_UINT, kind, lengthSize,
  nodeCopy, PACKED, readLength, ROOT, WIDE, writeLength,
} from "./node";
import { copyBytes, sameBytes, stringStops } from "./swar";

const MAX_DEPTH: i32 = 128;

let src: usize = 0;
let end: i32 = 0;
let at: i32 = 0;
let depth: i32 = 0;
/** The value being built, in the packed layout. */
const tape = new ByteBuilder();
/** The offsets of the open containers' items, from each container's first byte (u32 each). */
const offsets = new ByteBuilder();

/** The error of the last failed parse: message, and where (serde_json's line and column). */
export let errorText: string = "";
export let errorLine: i32 = 0;
export let errorColumn: i32 = 0;
/** Set when the input was not valid UTF-8 (the error is then RedisJSON's argument error, with no position). */
export let errorUtf8: bool = false;

/** serde_json's position of byte index `i`: 1-based line, column = bytes since the line start. */
function fail(text: string, i: i32): bool {
  errorText = text;
  let line = 1;
  let lineStart = 0;
  const stop = i < end ? i : end;
  for (let j = 0; j < stop; j++) if (load<u8>(src + <usize>j) == 10) { line++; lineStart = j + 1; }
  errorLine = line;
  errorColumn = stop - lineStart;
  return false;
}
/** serde_json's peek_error: the column of the byte being looked at. */
function failAt(text: string): bool { return fail(text, at + 1); }
/** serde_json's error: the column of the last byte consumed. */
function failAfter(text: string): bool { return fail(text, at); }

/** Parses `ptr[0..len)` into the tape: false when it is not JSON (then errorText… say why). */
function parseTape(ptr: usize, len: i32): bool {
  errorUtf8 = false;
  src = ptr;
  end = len;
  at = 0;
  depth = 0;
  tape.reset();
  offsets.reset();
  // Strings are checked as UTF-8 as they are read, and JSON outside them is ASCII: only a failed parse
  // checks the whole input, whose UTF-8 error RedisJSON gives before any other (it reads a Rust string).
  if (parseValue()) {
    skipSpace();
    if (at >= end) return true;
    failAt("trailing characters");
  }
  errorUtf8 = !validUtf8(ptr, len);
  return false;
}

/** The value `ptr[0..len)` holds as a tree (node.ts), or 0 (then errorText… say why). */
export function parseJson(ptr: usize, len: i32): usize {
  return parseTape(ptr, len) ? nodeCopy(tape.ptr) : 0;
}

/**
 * The value `ptr[0..len)` holds, in the parser's scratch (a container packed, not ROOT): valid until the
 * next parse, never freed. For a value only read (an operand), which then costs no allocation. 0 on error.
 */
export function parseScratch(ptr: usize, len: i32): usize {
  return parseTape(ptr, len) ? tape.ptr : 0;
}

/**
 * The value `ptr[0..len)` holds, a container packed in one block (a scalar as a tree node), or 0 (then
 * errorText… say why).
 */
export function parsePacked(ptr: usize, len: i32): usize {
  if (!parseTape(ptr, len)) return 0;
  const k = kind(tape.ptr);
  if (k != K_ARRAY && k != K_OBJECT) return nodeCopy(tape.ptr);
  return packedBlock(tape.ptr, tape.len);
}

/** One block holding a copy of the packed container at `root`, `size` bytes: its root node. */
export function packedBlock(root: usize, size: i32): usize {
  const block = blockAlloc(<usize>size + 4);
  store<u32>(block, <u32>(size + 4));
  memory.copy(block + 4, root, <usize>size);
  store<u8>(block + 4, load<u8>(block + 4) | ROOT);
  return block + 4;
}

// @ts-ignore: decorator
@inline function peek(): i32 { return at < end ? <i32>load<u8>(src + <usize>at) : -1; }

/** Skips whitespace; most calls find none, so the first byte is tested inline. */
// @ts-ignore: decorator
@inline function skipSpace(): void {
  if (at < end && load<u8>(src + <usize>at) > 0x20) return;
  skipSpaceRun();
}

function skipSpaceRun(): void {
  while (at < end) {
    const c = load<u8>(src + <usize>at);
    if (c != 32 && c != 10 && c != 9 && c != 13) return;
    at++;
  }
}

function parseValue(): bool {
  skipSpace();
  const c = peek();
  if (c < 0) return failAt("EOF while parsing a value");
  // The commonest first: strings and numbers are most of a document's values.
  if (c == 0x22) return parseString();
  if (c == 0x2d || isDigit(c)) return parseNumber();
  if (c == 0x7b) return parseObject();
  if (c == 0x5b) return parseArray();
  if (c == 0x74) return parseWord("true", 0x65757274, K_TRUE);
  if (c == 0x66) return parseWord("false", 0x65736c61, K_FALSE);
  if (c == 0x6e) return parseWord("null", 0x6c6c756e, K_NULL);
  return failAt("expected value");
}

/** `true`, `false` or `null` (`word`, also given as its last four bytes `tail`, little-endian). */
function parseWord(word: string, tail: u32, k: u8): bool {
  const last = at + word.length - 4;
  if (last + 4 <= end && load<u32>(src + <usize>last) == tail) {
    at += word.length;
    tape.byte(k);
    return true;
  }
  // Not the word: find where it differs, for the error's position.
  at++;
  for (let i = 1; i < word.length; i++) {
    if (at >= end) return failAfter("EOF while parsing a value");
    const c = <i32>load<u8>(src + <usize>at);
    at++;
    if (c != word.charCodeAt(i)) return failAfter("expected ident");
  }
  tape.byte(k);
  return true;
}

/** A number node: its kind and 8 bytes. */
function emitNumber(k: u8, bits: u64): bool {
  const p = tape.reserve(9);
  store<u8>(p, k);
  store<u64>(p + 1, bits);
  tape.len += 9;
  return true;
}

// @ts-ignore: decorator
@inline function isDigit(c: i32): bool { return c >= 0x30 && c <= 0x39; }

function parseNumber(): bool {
  const start = at;
  const negative = peek() == 0x2d;
  if (negative) at++;
  let c = peek();
  // The digits' value as they are scanned: the integer part exact up to 19 digits (wrapping beyond), and
  // with the fraction's digits while at most 19 significant ones have been read (`exp10` then scales it).
  let v: u64 = 0;
  if (c == 0x30) {
    at++;
    if (isDigit(peek())) return failAt("invalid number");
  } else if (isDigit(c)) {
    while (isDigit(c = peek())) { v = v * 10 + <u64>(c - 0x30); at++; }
  } else {
    if (c >= 0) at++;
    return failAfter("invalid number");
  }
  const first = start + (negative ? 1 : 0);
  let integral = true;
  // Whether `v` and `exp10` hold the number exactly (at most 19 significant digits).
  let exact = at - first <= 19;
  let exp10: i32 = 0;
  if (peek() == 0x2e) {
    integral = false;
    at++;
    if (!isDigit(peek())) return peek() < 0 ? failAt("EOF while parsing a value") : failAt("invalid number");
    while (isDigit(c = peek())) {
      if (v < 1000000000000000000) { v = v * 10 + <u64>(c - 0x30); exp10--; }
      else if (c != 0x30) exact = false; // a zero past them adds nothing
      at++;
    }
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
    let e = 0;
    while (isDigit(c = peek())) { if (e < 100000) e = e * 10 + (c - 0x30); at++; }
    exp10 += negativeExponent ? -e : e;
  }
  if (integral) {
    // Exact when it fits: i64 for negatives, u64 for the rest (serde_json's rule); otherwise a double.
    // Up to 19 digits it fits in u64; beyond, it is read again with the overflow checked.
    let fits = true;
    if (!exact) {
      v = 0;
      for (let i = first; i < at; i++) {
        const d = <u64>(load<u8>(src + <usize>i) - 0x30);
        if (v > (u64.MAX_VALUE - d) / 10) { fits = false; break; }
        v = v * 10 + d;
      }
    }
    if (fits && !negative) return emitNumber(v > <u64>i64.MAX_VALUE ? K_UINT : K_INT, v);
    if (fits && v <= <u64>i64.MAX_VALUE + 1) return emitNumber(K_INT, 0 - v);
  } else if (exact) {
    // Most decimals in documents (prices, measures) take Clinger's fast path without a second scan.
    const d = exactDecimal(v, exp10);
    if (!isNaN(d)) return emitNumber(K_FLOAT, reinterpret<u64>(negative ? -d : d));
  }
  if (parseF64(src + <usize>start, at - start)) return emitNumber(K_FLOAT, reinterpret<u64>(parsedF64));
  // Beyond a double's range: serde_json reads what underflows as 0 and refuses what overflows.
  if (negativeExponent) return emitNumber(K_FLOAT, reinterpret<u64>(negative ? -0.0 : 0.0));
  return failAfter("number out of range");
}

/** The string stringToTape read last: where its bytes are in the tape, and how many. */
let strOut: usize = 0;
let strLength: i32 = 0;

/**
 * Reads the string at `at` (its opening quote) into the tape as a length and its bytes (a key, or a
 * string after its kind byte), escapes decoded, in one pass: each word of eight plain bytes is copied as
 * it is checked (the tape has room for the rest of the input: decoded text is never longer than its
 * escapes), and multi-byte UTF-8 sequences are checked as Rust's str::from_utf8 checks them, so the
 * input needs no pass of its own on success (parseTape checks it whole only after a failure, to tell
 * RedisJSON's UTF-8 error from a syntax error). False on an error.
 */
function stringToTape(): bool {
  at++;
  const p = tape.reserve(end - at + 13); // + a 5-byte length and a word's overshoot
  const bytes = p + 1; // after a one-byte length; moved on below if the string is 255 bytes or longer
  let n = 0;
  while (true) {
    while (at + 8 <= end) {
      const w = load<u64>(src + <usize>at);
      store<u64>(bytes + <usize>n, w);
      const m = stringStops(w);
      if (m != 0) { const k = <i32>ctz(m) >> 3; at += k; n += k; break; }
      at += 8;
      n += 8;
    }
    if (at >= end) return failAfter("EOF while parsing a string");
    const c = <u32>load<u8>(src + <usize>at);
    if (c == 0x22) break;
    if (c == 0x5c) {
      at++;
      const written = escapeTo(bytes + <usize>n);
      if (written < 0) return false;
      n += written;
      continue;
    }
    if (c < 0x20) { at++; return failAfter("control character (\\u0000-\\u001F) found while parsing a string"); }
    if (c >= 0x80) {
      const l = utf8Sequence(src + <usize>at, end - at);
      if (l == 0) return failAfter("invalid UTF-8"); // parseTape replies RedisJSON's UTF-8 error instead
      copyBytes(bytes + <usize>n, src + <usize>at, l);
      at += l;
      n += l;
      continue;
    }
    store<u8>(bytes + <usize>n, <u8>c);
    at++;
    n++;
  }
  at++;
  if (n < 255) {
    store<u8>(p, <u8>n);
    strOut = bytes;
    tape.len += 1 + n;
  } else {
    memory.copy(p + 5, bytes, <usize>n);
    store<u8>(p, 255);
    store<u32>(p + 1, <u32>n);
    strOut = p + 5;
    tape.len += 5 + n;
  }
  strLength = n;
  return true;
}

/** The escape after a backslash (`at` past it), decoded at `dst`: the bytes written, or -1 (failed). */
function escapeTo(dst: usize): i32 {
  if (at >= end) { failAfter("EOF while parsing a string"); return -1; }
  const e = load<u8>(src + <usize>at);
  at++;
  let b: u8 = 0;
  if (e == 0x22 || e == 0x5c || e == 0x2f) b = e;
  else if (e == 0x62) b = 8;
  else if (e == 0x66) b = 12;
  else if (e == 0x6e) b = 10;
  else if (e == 0x72) b = 13;
  else if (e == 0x74) b = 9;
  else if (e == 0x75) return unicodeEscapeTo(dst);
  else { failAfter("invalid escape"); return -1; }
  store<u8>(dst, b);
  return 1;
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

/** A \uXXXX escape (a surrogate pair takes two) as UTF-8 at `dst`: the bytes written, or -1 (failed). */
function unicodeEscapeTo(dst: usize): i32 {
  let cp = hex4();
  if (cp < 0) return -1;
  if (cp >= 0xdc00 && cp <= 0xdfff) { failAfter("lone leading surrogate in hex escape"); return -1; }
  if (cp >= 0xd800 && cp <= 0xdbff) {
    if (at + 2 > end || load<u8>(src + <usize>at) != 0x5c || load<u8>(src + <usize>at + 1) != 0x75) {
      if (at < end) at++;
      failAfter("unexpected end of hex escape");
      return -1;
    }
    at += 2;
    const low = hex4();
    if (low < 0) return -1;
    if (low < 0xdc00 || low > 0xdfff) { failAfter("lone leading surrogate in hex escape"); return -1; }
    cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
  }
  if (cp < 0x80) { store<u8>(dst, <u8>cp); return 1; }
  if (cp < 0x800) {
    store<u8>(dst, <u8>(0xc0 | (cp >> 6)));
    store<u8>(dst + 1, <u8>(0x80 | (cp & 63)));
    return 2;
  }
  if (cp < 0x10000) {
    store<u8>(dst, <u8>(0xe0 | (cp >> 12)));
    store<u8>(dst + 1, <u8>(0x80 | ((cp >> 6) & 63)));
    store<u8>(dst + 2, <u8>(0x80 | (cp & 63)));
    return 3;
  }
  store<u8>(dst, <u8>(0xf0 | (cp >> 18)));
  store<u8>(dst + 1, <u8>(0x80 | ((cp >> 12) & 63)));
  store<u8>(dst + 2, <u8>(0x80 | ((cp >> 6) & 63)));
  store<u8>(dst + 3, <u8>(0x80 | (cp & 63)));
  return 4;
}

function parseString(): bool {
  tape.byte(K_STRING);
  return stringToTape();
}

function enter(): bool {
  depth++;
  if (depth >= MAX_DEPTH) return failAt("recursion limit exceeded");
  at++;
  return true;
}

/** Notes where the next item of the open container starts (from the container's first byte). */
// @ts-ignore: decorator
@inline function pushOffset(offset: i32): void {
  store<u32>(offsets.reserve(4), <u32>offset);
  offsets.len += 4;
}

function parseArray(): bool {
  if (!enter()) return false;
  const start = tape.len, base = offsets.len;
  skipSpace();
  if (peek() == 0x5d) { at++; depth--; closeContainer(K_ARRAY, start, base); return true; }
  while (true) {
    pushOffset(tape.len - start);
    if (!parseValue()) return false;
    skipSpace();
    const c = peek();
    if (c == 0x2c) {
      at++;
      skipSpace();
      if (peek() == 0x5d) return failAt("trailing comma");
      continue;
    }
    if (c == 0x5d) { at++; depth--; closeContainer(K_ARRAY, start, base); return true; }
    return c < 0 ? failAt("EOF while parsing a list") : failAt("expected `,` or `]`");
  }
}

function parseObject(): bool {
  if (!enter()) return false;
  const start = tape.len, base = offsets.len;
  let seen: u64 = 0; // the signature bits of the keys so far
  skipSpace();
  if (peek() == 0x7d) { at++; depth--; closeContainer(K_OBJECT, start, base); return true; }
  while (true) {
    skipSpace();
    let c = peek();
    if (c != 0x22) return c < 0 ? failAt("EOF while parsing an object") : failAt("key must be a string");
    const keyAt = tape.len - start;
    if (!stringToTape()) return false;
    // A duplicate key is rare: only a key whose signature bit is already set is looked for.
    const bit = keySignature(strOut, strLength);
    const earlier = (seen & bit) != 0 ? findKey(start, base, keyAt) : -1;
    seen |= bit;
    skipSpace();
    c = peek();
    if (c != 0x3a) return c < 0 ? failAt("EOF while parsing an object") : failAt("expected `:`");
    at++;
    if (!parseValue()) return false;
    // A duplicate key: the last value in the first place (serde_json's map); the earlier entry's bytes
    // stay in the block unreferenced.
    if (earlier >= 0) store<u32>(offsets.ptr + <usize>earlier, <u32>keyAt);
    else pushOffset(keyAt);
    skipSpace();
    c = peek();
    if (c == 0x2c) {
      at++;
      skipSpace();
      if (peek() == 0x7d) return failAt("trailing comma");
      continue;
    }
    if (c == 0x7d) { at++; depth--; closeContainer(K_OBJECT, start, base); return true; }
    return c < 0 ? failAt("EOF while parsing an object") : failAt("expected `,` or `}`");
  }
}

/** One of 64 bits for a key, from its length and its first and last bytes. */
// @ts-ignore: decorator
@inline function keySignature(ptr: usize, len: i32): u64 {
  if (len == 0) return 1;
  const h = <u32>len * 31 + <u32>load<u8>(ptr) * 7 + <u32>load<u8>(ptr + <usize>len - 1);
  return <u64>1 << <u64>(h & 63);
}

/** Where in `offsets` the open object (at `start`, entries from `base`) has the key written at `keyAt`, or -1. */
function findKey(start: i32, base: i32, keyAt: i32): i32 {
  const obj = tape.ptr + <usize>start;
  const key = obj + <usize>keyAt;
  const len = readLength(key);
  const bytes = afterLength(key);
  for (let e = base; e < offsets.len; e += 4) {
    const other = obj + <usize>load<u32>(offsets.ptr + <usize>e);
    if (readLength(other) == len && sameBytes(afterLength(other), bytes, len)) return e;
  }
  return -1;
}

/**
 * Closes the container whose items start at tape offset `start` (their offsets in `offsets` from
 * `base`): the items move up behind the kind byte, the count and the offset table, u16 when the whole
 * container stays under 64 KiB, else u32.
 */
function closeContainer(k: u8, start: i32, base: i32): void {
  const items = (offsets.len - base) >> 2;
  const itemsLen = tape.len - start;
  const wide = 3 + items * 2 + itemsLen > 0xffff;
  const header = wide ? 5 + items * 4 : 3 + items * 2;
  tape.reserve(header);
  const p = tape.ptr + <usize>start;
  memory.copy(p + <usize>header, p, <usize>itemsLen);
  tape.len += header;
  store<u8>(p, k | PACKED | (wide ? WIDE : 0));
  const from = offsets.ptr + <usize>base;
  if (wide) {
    store<u32>(p + 1, <u32>items);
    for (let i = 0; i < items; i++) store<u32>(p + 5 + (<usize>i << 2), load<u32>(from + (<usize>i << 2)) + <u32>header);
  } else {
    store<u16>(p + 1, <u16>items);
    for (let i = 0; i < items; i++) store<u16>(p + 3 + (<usize>i << 1), <u16>(load<u32>(from + (<usize>i << 2)) + <u32>header));
  }
  offsets.len = base;
}

/** Rust's str::from_utf8: shortest forms only, no surrogates, nothing above U+10FFFF. */
export function validUtf8(ptr: usize, len: i32): bool {
  let i = 0;
  while (i < len) {
    // ASCII eight bytes at a time.
    while (i + 8 <= len && (load<u64>(ptr + <usize>i) & 0x8080808080808080) == 0) i += 8;
    if (i >= len) break;
    if (load<u8>(ptr + <usize>i) < 0x80) { i++; continue; }
    const l = utf8Sequence(ptr + <usize>i, len - i);
    if (l == 0) return false;
    i += l;
  }
  return true;
}
