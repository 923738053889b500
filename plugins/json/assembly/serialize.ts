// A node tree → JSON text, as RedisJSON (serde_json) prints it: compact by default, or with JSON.GET's
// INDENT / NEWLINE / SPACE strings (RedisJSON's formatter: a newline and the indent before each item
// and before the closing bracket of a non-empty container, the space after each colon). Strings escape
// only what JSON requires (quote, backslash, control characters); other UTF-8 stays as it is.
import { ByteBuilder, DOUBLE_MAX_CHARS, formatDoubleJson, formatI64 } from "ferrite-sdk";
import {
  arrGet, count, floatValue, intValue, K_ARRAY, K_FALSE, K_FLOAT, K_INT, K_NULL, K_OBJECT, K_STRING, K_TRUE, K_UINT,
  isPacked, keyBytes, keyLen, kind, objKey, objVal, strBytes, strLen,
} from "./node";
import { matchCount, matchNode } from "./path";
import { copyBytes, plainRun } from "./swar";

/** The optional layout strings (pointers into the command's arguments; length -1 = not given). */
export class Layout {
  indentPtr: usize = 0;
  indentLen: i32 = -1;
  newlinePtr: usize = 0;
  newlineLen: i32 = -1;
  spacePtr: usize = 0;
  spaceLen: i32 = -1;

  reset(): void { this.indentLen = -1; this.newlineLen = -1; this.spaceLen = -1; }
  get pretty(): bool { return this.indentLen >= 0 || this.newlineLen >= 0 || this.spaceLen >= 0; }
}

/** Compact output. */
export const COMPACT = new Layout();

/** `n` as JSON; `level` is how deep it sits in what is being written (for the indentation). */
export function writeNode(out: ByteBuilder, n: usize, layout: Layout, level: i32 = 0): void {
  if (layout.pretty) writePretty(out, n, layout, level);
  else writeCompact(out, n);
}

function writeScalar(out: ByteBuilder, n: usize): void {
  out.len = <i32>(scalarAt(out, n, startAt(out)) - out.ptr);
}

// The compact writer writes through a local pointer `o` into `out`'s block, not a ByteBuilder call per
// bracket, comma and quote: before each piece it checks the room left against `roomEnd` (one compare),
// and only when that is short does `out` grow (moving its bytes: `o` is rebased). No bound is reserved
// ahead for a whole value: a large document or string needs no more room than its text.
let roomEnd: usize = 0;

/** Where `out`'s next byte goes, with `roomEnd` set for it. */
function startAt(out: ByteBuilder): usize {
  roomEnd = out.ptr + <usize>out.cap;
  return out.ptr + <usize>out.len;
}

/** `o` with room for `need` more bytes after it. */
// @ts-ignore: decorator
@inline function roomFor(out: ByteBuilder, o: usize, need: i32): usize {
  return o + <usize>need <= roomEnd ? o : grown(out, o, need);
}

function grown(out: ByteBuilder, o: usize, need: i32): usize {
  out.len = <i32>(o - out.ptr);
  out.reserve(need);
  return startAt(out);
}

/** A scalar's text at `o`; returns where it ends. */
// @ts-ignore: decorator
@inline function scalarAt(out: ByteBuilder, n: usize, o: usize): usize {
  const k = kind(n);
  if (k == K_STRING) return stringAt(out, strBytes(n), strLen(n), o);
  o = roomFor(out, o, DOUBLE_MAX_CHARS);
  if (k == K_NULL) { store<u32>(o, 0x6c6c756e); return o + 4; } // "null"
  if (k == K_TRUE) { store<u32>(o, 0x65757274); return o + 4; } // "true"
  if (k == K_FALSE) { store<u32>(o, 0x736c6166); store<u8>(o + 4, 0x65); return o + 5; } // "false"
  if (k == K_INT) return o + <usize>formatI64(intValue(n), o);
  if (k == K_UINT) return u64At(load<u64>(n + 1), o);
  return o + <usize>formatDoubleJson(floatValue(n), o);
}

function u64At(v: u64, o: usize): usize {
  let digits = 1;
  for (let t = v; t >= 10; t /= 10) digits++;
  for (let i = digits - 1; i >= 0; i--) { store<u8>(o + <usize>i, <u8>(0x30 + v % 10)); v /= 10; }
  return o + <usize>digits;
}

function writeCompact(out: ByteBuilder, n: usize): void {
  if (isPacked(n)) {
    out.len = <i32>(packedAt(out, n, startAt(out)) - out.ptr);
    return;
  }
  const k = kind(n);
  if (k == K_ARRAY) {
    out.byte(0x5b);
    const c = count(n);
    for (let i = 0; i < c; i++) {
      if (i > 0) out.byte(0x2c);
      writeCompact(out, arrGet(n, i));
    }
    out.byte(0x5d);
  } else if (k == K_OBJECT) {
    out.byte(0x7b);
    const c = count(n);
    for (let i = 0; i < c; i++) {
      if (i > 0) out.byte(0x2c);
      const key = objKey(n, i);
      writeString(out, keyBytes(key), keyLen(key));
      out.byte(0x3a);
      writeCompact(out, objVal(n, i));
    }
    out.byte(0x7d);
  } else {
    writeScalar(out, n);
  }
}

/**
 * A packed container, compact, at `o`; returns where it ends. Its offset table read once, items in
 * order: a JSON.GET of a whole document is this loop.
 */
function packedAt(out: ByteBuilder, n: usize, o: usize): usize {
  const object = kind(n) == K_OBJECT;
  const c = count(n);
  o = roomFor(out, o, 1);
  store<u8>(o++, object ? 0x7b : 0x5b);
  for (let i = 0; i < c; i++) {
    let item = arrGet(n, i); // a packed object's i-th item is its key, the value right after
    if (object) {
      const len = keyLen(item), bytes = keyBytes(item);
      if (i > 0) { o = roomFor(out, o, 1); store<u8>(o++, 0x2c); }
      o = stringAt(out, bytes, len, o);
      o = roomFor(out, o, 1);
      store<u8>(o++, 0x3a);
      item = bytes + <usize>len;
    } else if (i > 0) {
      o = roomFor(out, o, 1);
      store<u8>(o++, 0x2c);
    }
    o = isPacked(item) ? packedAt(out, item, o) : scalarAt(out, item, o);
  }
  o = roomFor(out, o, 1);
  store<u8>(o++, object ? 0x7d : 0x5d);
  return o;
}

/** RedisJSON's formatter's line break: the NEWLINE string, then INDENT `level` times. */
export function newLine(out: ByteBuilder, layout: Layout, level: i32): void {
  if (layout.newlineLen > 0) out.bytes(layout.newlinePtr, layout.newlineLen);
  if (layout.indentLen > 0) for (let i = 0; i < level; i++) out.bytes(layout.indentPtr, layout.indentLen);
}

function writePretty(out: ByteBuilder, n: usize, layout: Layout, level: i32): void {
  const k = kind(n);
  if (k != K_ARRAY && k != K_OBJECT) { writeScalar(out, n); return; }
  const c = count(n);
  out.byte(k == K_ARRAY ? 0x5b : 0x7b);
  for (let i = 0; i < c; i++) {
    if (i > 0) out.byte(0x2c);
    newLine(out, layout, level + 1);
    if (k == K_ARRAY) {
      writePretty(out, arrGet(n, i), layout, level + 1);
    } else {
      const key = objKey(n, i);
      writeString(out, keyBytes(key), keyLen(key));
      out.byte(0x3a);
      if (layout.spaceLen > 0) out.bytes(layout.spacePtr, layout.spaceLen);
      writePretty(out, objVal(n, i), layout, level + 1);
    }
  }
  if (c > 0) newLine(out, layout, level);
  out.byte(k == K_ARRAY ? 0x5d : 0x7d);
}

const HEX = memory.data<u8>([48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102]);

/** A JSON string literal: serde_json's escapes (\" \\ \b \f \n \r \t, \u00XX for other controls). */
export function writeString(out: ByteBuilder, ptr: usize, len: i32): void {
  out.len = <i32>(stringAt(out, ptr, len, startAt(out)) - out.ptr);
}

/** A string literal at `o`; returns where it ends. */
function stringAt(out: ByteBuilder, ptr: usize, len: i32, o: usize): usize {
  // Most strings (and keys) need no escape: one check, then one copy.
  let i = plainRun(ptr, len);
  while (i < len && !needsEscape(<u32>load<u8>(ptr + <usize>i))) i++;
  if (i < len) return escapedAt(out, ptr, len, o);
  o = roomFor(out, o, len + 2);
  store<u8>(o, 0x22);
  copyBytes(o + 1, ptr, len);
  store<u8>(o + 1 + <usize>len, 0x22);
  return o + 2 + <usize>len;
}

// @ts-ignore: decorator
@inline function needsEscape(c: u32): bool { return c < 0x20 || c == 0x22 || c == 0x5c; }

/** A string literal with escapes at `o`; returns where it ends. */
function escapedAt(out: ByteBuilder, ptr: usize, len: i32, o: usize): usize {
  o = roomFor(out, o, 1);
  store<u8>(o++, 0x22);
  let run = 0; // bytes copied as they are, pending
  for (let i = 0; i < len; i++) {
    const skip = plainRun(ptr + <usize>i, len - i);
    if (skip > 0) { run += skip; i += skip; if (i >= len) break; }
    const c = <u32>load<u8>(ptr + <usize>i);
    if (c >= 0x20 && c != 0x22 && c != 0x5c) { run++; continue; }
    o = roomFor(out, o, run + 6); // the run, and the longest escape
    if (run > 0) { memory.copy(o, ptr + <usize>(i - run), <usize>run); o += <usize>run; }
    run = 0;
    store<u8>(o++, 0x5c);
    if (c == 0x22 || c == 0x5c) store<u8>(o++, <u8>c);
    else if (c == 8) store<u8>(o++, 0x62);
    else if (c == 12) store<u8>(o++, 0x66);
    else if (c == 10) store<u8>(o++, 0x6e);
    else if (c == 13) store<u8>(o++, 0x72);
    else if (c == 9) store<u8>(o++, 0x74);
    else {
      store<u8>(o, 0x75); // u00XX
      store<u16>(o + 1, 0x3030);
      store<u8>(o + 3, load<u8>(HEX + (c >> 4)));
      store<u8>(o + 4, load<u8>(HEX + (c & 15)));
      o += 5;
    }
  }
  o = roomFor(out, o, run + 1);
  if (run > 0) { memory.copy(o, ptr + <usize>(len - run), <usize>run); o += <usize>run; }
  store<u8>(o, 0x22);
  return o + 1;
}

/** RedisJSON's type names (JSON.TYPE). */
export function typeName(n: usize): string {
  const k = kind(n);
  if (k == K_NULL) return "null";
  if (k == K_TRUE || k == K_FALSE) return "boolean";
  if (k == K_INT || k == K_UINT) return "integer";
  if (k == K_FLOAT) return "number";
  if (k == K_STRING) return "string";
  if (k == K_ARRAY) return "array";
  return "object";
}


/** The last path's matches as one JSON array (JSONPath's answer), laid out like any array. */
export function writeMatchArray(out: ByteBuilder, layout: Layout): void {
  const pretty = layout.pretty;
  out.byte(0x5b);
  for (let i = 0; i < matchCount; i++) {
    if (i > 0) out.byte(0x2c);
    if (pretty) newLine(out, layout, 1);
    writeNode(out, matchNode(i), layout, 1);
  }
  if (pretty && matchCount > 0) newLine(out, layout, 0);
  out.byte(0x5d);
}
