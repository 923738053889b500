// VECTOR fields of JSON documents, read as RediSearch reads them (its json.c): the path's match is an
// array of `DIM` numbers, encoded here as a blob of the field's TYPE (the same bytes a hash field would
// hold), or, for a field whose path may match several values (`$.vs[*]`, vector-multi.ts), several such
// arrays: one per match, or an array of them in a single match. Nulls are skipped; anything else (a
// string, a number, an array of the wrong length or with a non-number) fails the document, as in
// RediSearch. The JSON plugin's `read` is called without EXPAND, so each match comes whole, as its
// compact JSON text (kind 7): the array boundaries that EXPAND would flatten are kept.
import { ByteBuilder, NO_ITEM, PluginFunction, calledLen, calledOutput, itemLen, itemNext, itemPtr, parseF64, parsedF64 } from "ferrite-sdk";
import { elementSize, storeElement } from "ferrite-sdk/vector";
import { strLen, strPtr } from "./bytes";
import { Index, fieldAt } from "./index-spec";
import { VECTOR } from "./schema";
import { U32List, listPush } from "./u32-list";
import { VectorParams } from "./vector-field";

const READ = new PluginFunction("json", "read");
const K_NULL: u8 = 0;
const K_ARRAY: u8 = 7;
const input = new ByteBuilder();
/** The blobs of the document being read (kept, so reading allocates nothing once grown). */
const blobs = new ByteBuilder();
// Per vector field read: [field position][first blob offset][blob count], or a count of FAILED.
const found = new ByteBuilder();
const FAILED: u32 = 0xffffffff;

/** Whether the index has VECTOR fields (read by readJsonVectors, not by the expanding read). */
export function hasVectorFields(x: Index): bool {
  for (let i = 0; i < x.fields.len; i++) if (fieldAt(x, i).type == VECTOR) return true;
  return false;
}

/**
 * Reads the index's VECTOR fields of the JSON document at `key` and appends their (path, blob) pairs to
 * `pairs` (a failed field: one pair with an empty blob, which the indexer refuses). False when the key
 * holds no JSON document.
 */
export function readJsonVectors(x: Index, key: usize, keyLen: i32, pairs: U32List): bool {
  input.reset();
  input.byte(0);
  input.item(key, keyLen);
  for (let i = 0; i < x.fields.len; i++) {
    const f = fieldAt(x, i);
    if (f.type == VECTOR) input.item(strPtr(f.path), strLen(f.path));
  }
  if (READ.call(input.ptr, input.len) < 0) return false;
  blobs.reset();
  found.reset();
  let at = calledOutput();
  const end = at + <usize>calledLen;
  for (let i = 0; i < x.fields.len && at + 4 <= end; i++) {
    const f = fieldAt(x, i);
    if (f.type != VECTOR) continue;
    const records = <i32>load<u32>(at);
    at += 4;
    if (records == NO_ITEM) continue;
    const p = changetype<VectorParams>(f.vector);
    const first = blobs.len;
    let ok = true;
    for (let r = 0; r < records; r++) {
      const kind = load<u8>(at);
      const value = at + 1;
      at = itemNext(value);
      if (kind == K_NULL) continue;
      // Several matches each hold one vector; a single match may hold an array of them.
      if (kind != K_ARRAY || !encodeArray(p, itemPtr(value), itemLen(value), records == 1 && p.multi)) ok = false;
    }
    const bytes = p.dim * elementSize(p.type);
    found.u32(<u32>i);
    found.u32(<u32>first);
    found.u32(ok ? <u32>((blobs.len - first) / bytes) : FAILED);
    if (!ok) blobs.truncate(first);
  }
  // The blobs are complete (their block no longer moves): pair each with its field's path.
  for (let at = 0; at < found.len; at += 12) {
    const f = fieldAt(x, <i32>load<u32>(found.ptr + <usize>at));
    const p = changetype<VectorParams>(f.vector);
    const bytes = p.dim * elementSize(p.type);
    const offset = load<u32>(found.ptr + <usize>at, 4), count = load<u32>(found.ptr + <usize>at, 8);
    const n: u32 = count == FAILED ? 1 : count;
    for (let v: u32 = 0; v < n; v++) {
      listPush(pairs, <u32>strPtr(f.path));
      listPush(pairs, <u32>strLen(f.path));
      listPush(pairs, <u32>(blobs.ptr + <usize>offset + <usize>(v * <u32>bytes)));
      listPush(pairs, count == FAILED ? 0 : <u32>bytes);
    }
  }
  return true;
}

/**
 * Encodes the compact JSON array at `ptr` into `blobs`: an array of DIM numbers, or (when `nested`)
 * an array whose elements are such arrays or nulls. False when it is neither.
 */
function encodeArray(p: VectorParams, ptr: usize, len: i32, nested: bool): bool {
  if (len < 2 || load<u8>(ptr) != 91) return false; // '['
  if (load<u8>(ptr + 1) != 91 && load<u8>(ptr + 1) != 110) return encodeNumbers(p, ptr, len) == len;
  if (!nested) return false;
  let at = 1;
  while (at < len) {
    const c = load<u8>(ptr + <usize>at);
    if (c == 110) at += 4; // null
    else {
      const used = encodeNumbers(p, ptr + <usize>at, len - at);
      if (used < 0) return false;
      at += used;
    }
    const sep = at < len ? load<u8>(ptr + <usize>at) : 0;
    at++;
    if (sep == 93) return at == len; // ']'
    if (sep != 44) return false; // ','
  }
  return false;
}

/** Encodes `[n,n,…]` (DIM numbers) at the start of `ptr`; returns the bytes it spans, or -1. */
function encodeNumbers(p: VectorParams, ptr: usize, len: i32): i32 {
  if (len < 2 || load<u8>(ptr) != 91) return -1;
  const size = elementSize(p.type);
  const start = blobs.len;
  let count = 0, at = 1, from = 1;
  while (at < len) {
    const c = load<u8>(ptr + <usize>at);
    if (c != 44 && c != 93) { at++; continue; }
    if (count == p.dim || !parseF64(ptr + <usize>from, at - from)) break;
    storeElement(p.type, blobs.reserve(size), parsedF64);
    blobs.len += size;
    count++;
    if (c == 93) return count == p.dim ? at + 1 : fail(start);
    from = ++at;
  }
  return fail(start);
}

function fail(start: i32): i32 {
  blobs.truncate(start);
  return -1;
}

/**
 * Whether a JSONPath names at most one value (RedisJSON's pathIsSingle, which decides a RediSearch
 * vector field's multi-value mode): a legacy path, or a `$` path without wildcards, recursive descent,
 * filters, slices or unions (outside quoted names).
 */
export function singlePath(path: usize): bool {
  const ptr = strPtr(path), len = strLen(path);
  if (len == 0 || load<u8>(ptr) != 36) return true; // not '$': a legacy path
  let quote: u32 = 0;
  for (let i = 1; i < len; i++) {
    const c = <u32>load<u8>(ptr + <usize>i);
    if (quote != 0) {
      if (c == 92) i++; // a backslash escapes the next byte
      else if (c == quote) quote = 0;
      continue;
    }
    if (c == 34 || c == 39) quote = c;
    else if (c == 42 || c == 63 || c == 58 || c == 44) return false; // * ? : ,
    else if (c == 46 && i + 1 < len && load<u8>(ptr + <usize>(i + 1)) == 46) return false; // ..
  }
  return true;
}
