// The string value: one heap block [u32 length][u32 capacity | encoding hint][bytes]. Its handle is the
// block's pointer. Everything that reads or writes string values (including bitmap and LCS commands)
// goes through these functions.
//
//   strCreate(src, len)         new value holding a copy of len bytes at src
//   strCreateZeroed(len)        new value of len zero bytes
//   strData(v) / strLen(v)      where the bytes are, and how many
//   strReserve(v, newLen)       grow to newLen bytes (new bytes zeroed), keeping the contents; returns
//                               v itself when its capacity suffices, else a NEW value (v untouched):
//                               bind the new one with keySet(..., SET_KEEPTTL) — the host then frees v.
//   strFree(v)                  release (done by the host through ferrite_type_free, or by storeString
//                               for the value keyPut hands back)
//   strAssign(v, src, len)      replace the contents (may return a new value, like strReserve)
//   strMarkRaw(v)/strMarkNotInt(v)  what OBJECT ENCODING should report after in-place edits / floats
//   handle <-> value: <usize>handle and <f64>v
//
// Look values up with keyFind(key, keyLen, STRING_TYPE, FIND_WRITE) before modifying them in place.

import { parseI64 } from "ferrite-sdk";

/** Index of `string` in plugin.json's types. */
export const STRING_TYPE: i32 = 0;

/**
 * Redis's proto-max-bulk-len default: no string grows past 512 MiB. A constant, not the config: host API
 * 1.x gives plugins no way to read a host config (docs/adr/0015-string-size-limit.md).
 */
export const MAX_STRING_LEN: i64 = 512 * 1024 * 1024;

const HEADER: usize = 8;
const CAPACITY_MASK: u32 = 0x3fffffff;
const HINT_SHIFT: u32 = 30;

/** OBJECT ENCODING as Redis derives it: SET picks int/embstr/raw; in-place edits make raw; floats never int. */
const HINT_AUTO: u32 = 0;
const HINT_RAW: u32 = 1;
const HINT_NOT_INT: u32 = 2;

/** Indexes into plugin.json's encodings. */
const ENCODING_RAW: i32 = 0;
const ENCODING_INT: i32 = 1;
const ENCODING_EMBSTR: i32 = 2;
const EMBSTR_MAX: i32 = 44;
const INT_MAX_CHARS: i32 = 20;

// @ts-ignore: decorator
@inline export function strLen(v: usize): i32 { return <i32>load<u32>(v); }
// @ts-ignore: decorator
@inline export function strData(v: usize): usize { return v + HEADER; }
// @ts-ignore: decorator
@inline function capacity(v: usize): i32 { return <i32>(load<u32>(v, 4) & CAPACITY_MASK); }
// @ts-ignore: decorator
@inline function hint(v: usize): u32 { return load<u32>(v, 4) >>> HINT_SHIFT; }

function allocate(len: i32, cap: i32, encodingHint: u32): usize {
  const v = heap.alloc(HEADER + <usize>cap);
  store<u32>(v, <u32>len);
  store<u32>(v, <u32>cap | (encodingHint << HINT_SHIFT), 4);
  return v;
}

export function strCreate(src: usize, len: i32): usize {
  const v = allocate(len, len, HINT_AUTO);
  memory.copy(v + HEADER, src, <usize>len);
  return v;
}

export function strCreateZeroed(len: i32): usize {
  const v = allocate(len, len, HINT_AUTO);
  memory.fill(v + HEADER, 0, <usize>len);
  return v;
}

export function strFree(v: usize): void { heap.free(v); }

/** Whether strReserve(v, newLen) keeps v (its capacity suffices) rather than returning a grown copy. */
export function strGrowsInPlace(v: usize, newLen: i32): bool { return newLen <= capacity(v); }

/** The new length must not exceed MAX_STRING_LEN (check it first, with Redis's error). */
export function strReserve(v: usize, newLen: i32): usize {
  const len = strLen(v);
  if (strGrowsInPlace(v, newLen)) {
    if (newLen > len) memory.fill(v + HEADER + len, 0, <usize>(newLen - len));
    store<u32>(v, <u32>newLen);
    return v;
  }
  // Same policy as Redis's sdsMakeRoomFor: double below 1 MiB, then grow by 1 MiB, so appends are amortized O(1).
  const MiB = 1024 * 1024;
  const cap = <i32>min<i64>(newLen < MiB ? <i64>newLen * 2 : <i64>newLen + MiB, MAX_STRING_LEN);
  const grown = allocate(newLen, cap, hint(v));
  memory.copy(grown + HEADER, v + HEADER, <usize>len);
  memory.fill(grown + HEADER + len, 0, <usize>(newLen - len));
  return grown;
}

/**
 * Replaces the contents with `len` bytes from `src` (a number's digits, say) and lets the encoding be
 * derived again. Returns v or, when it had to grow, a new value to bind as strReserve explains.
 */
export function strAssign(v: usize, src: usize, len: i32): usize {
  const target = strReserve(v, len);
  memory.copy(target + HEADER, src, <usize>len);
  setHint(target, HINT_AUTO);
  return target;
}

export function strMarkRaw(v: usize): void { setHint(v, HINT_RAW); }
export function strMarkNotInt(v: usize): void { setHint(v, HINT_NOT_INT); }

function setHint(v: usize, h: u32): void {
  store<u32>(v, (load<u32>(v, 4) & CAPACITY_MASK) | (h << HINT_SHIFT), 4);
}

/** Index into the type's encodings for OBJECT ENCODING. */
export function strEncoding(v: usize): i32 {
  const h = hint(v);
  const len = strLen(v);
  if (h == HINT_RAW) return ENCODING_RAW;
  if (h == HINT_AUTO && len <= INT_MAX_CHARS && parseI64(strData(v), len)) return ENCODING_INT;
  return len <= EMBSTR_MAX ? ENCODING_EMBSTR : ENCODING_RAW;
}

/** An independent value with the same bytes and encoding. */
export function strCopy(v: usize): usize {
  const len = strLen(v);
  const c = allocate(len, len, hint(v));
  memory.copy(c + HEADER, v + HEADER, <usize>len);
  return c;
}

/** Bytes of plugin memory the value holds. */
export function strMemory(v: usize): i32 { return <i32>HEADER + capacity(v); }
