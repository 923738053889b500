// The set value. Its handle is a fixed 8-byte block [u32 encoding][u32 payload] so that the handle the
// keyspace holds never changes while the payload is reallocated or converted in place. Encodings follow
// Redis 7.2 and its configs (plugin.json, defaults in brackets):
//   intset     only integers, at most set-max-intset-entries (512)
//   listpack   at most set-max-listpack-entries (128) members of at most set-max-listpack-value (64,
//              capped at 255: a packed item's length is one byte) bytes
//   hashtable  anything else (the SDK's byte map, with empty values)
// and, as in Redis, a set only ever converts towards hashtable as it grows, never back as it shrinks.
import {
  bmAdd, bmCopy, bmCount, bmCreate, bmDelete, bmFind, bmFree, bmMemory, bmSet, configValue, formatI64, heapFootprint,
  I64_MAX_CHARS, PACKED_MAX_ITEM, packedBytes, packedItemLimit, packedLen, packedSkip, parseI64, parsedI64,
} from "ferrite-sdk";
import { isAdd, isCopy, isCount, isCreate, isGet, isHas, isMemory, isRemove } from "./intset";
import { lpAppend, lpCopy, lpCount, lpCreate, lpFirst, lpHas, lpMemory, lpRemove } from "./listpack";

/** Index of `set` in plugin.json's types. */
export const SET_TYPE: i32 = 0;

/** Indexes into plugin.json's encodings. */
export const ENC_HASHTABLE: u32 = 0;
export const ENC_INTSET: u32 = 1;
export const ENC_LISTPACK: u32 = 2;

/** The configs, by their index in plugin.json's "configs". */
// @ts-ignore: decorator
@inline function maxIntsetEntries(): i64 { return configValue(0); }
// @ts-ignore: decorator
@inline function maxListpackEntries(): i64 { return configValue(1); }
// @ts-ignore: decorator
@inline function maxListpackValue(): i32 { return packedItemLimit(configValue(2)); }
const HEADER: usize = 8;

/** Where conversions format integers: apart from the member buffers commands are iterating with. */
const convertDigits = memory.data(I64_MAX_CHARS);

// @ts-ignore: decorator
@inline export function setEncoding(s: usize): u32 { return load<u32>(s); }
// @ts-ignore: decorator
@inline export function setPayload(s: usize): usize { return <usize>load<u32>(s, 4); }

function assign(s: usize, encoding: u32, payload: usize): void {
  store<u32>(s, encoding);
  store<u32>(s, <u32>payload, 4);
}

function wrap(encoding: u32, payload: usize): usize {
  const s = heap.alloc(HEADER);
  assign(s, encoding, payload);
  return s;
}

/** An empty set that will take whatever encoding its members call for (STORE results, loading). */
export function setEmpty(): usize { return wrap(ENC_INTSET, isCreate()); }

/** A new, empty set sized for `hint` members, the first being `first` (Redis's setTypeCreate). */
export function setCreate(first: usize, firstLen: i32, hint: i32): usize {
  if (<i64>hint <= maxIntsetEntries() && parseI64(first, firstLen)) return setEmpty();
  if (<i64>hint <= maxListpackEntries()) return wrap(ENC_LISTPACK, lpCreate());
  return wrap(ENC_HASHTABLE, bmCreate(hint));
}

/** An empty payload of the given encoding, for loading a saved set as it was. */
export function setOfEncoding(encoding: u32, hint: i32): usize {
  if (encoding == ENC_INTSET) return setEmpty();
  return encoding == ENC_LISTPACK ? wrap(ENC_LISTPACK, lpCreate()) : wrap(ENC_HASHTABLE, bmCreate(hint));
}

export function setFree(s: usize): void {
  const p = setPayload(s);
  if (setEncoding(s) == ENC_HASHTABLE) bmFree(p);
  else heap.free(p);
  heap.free(s);
}

export function setCopy(s: usize): usize {
  const e = setEncoding(s), p = setPayload(s);
  return wrap(e, e == ENC_HASHTABLE ? bmCopy(p) : e == ENC_INTSET ? isCopy(p) : lpCopy(p));
}

export function setMemory(s: usize): usize {
  const e = setEncoding(s), p = setPayload(s);
  return heapFootprint(HEADER) + (e == ENC_HASHTABLE ? bmMemory(p) : e == ENC_INTSET ? isMemory(p) : lpMemory(p));
}

export function setSize(s: usize): i32 {
  const e = setEncoding(s), p = setPayload(s);
  return e == ENC_HASHTABLE ? bmCount(p) : e == ENC_INTSET ? isCount(p) : lpCount(p);
}

export function setHas(s: usize, ptr: usize, len: i32): bool {
  const e = setEncoding(s), p = setPayload(s);
  if (e == ENC_HASHTABLE) return bmFind(p, ptr, len) != 0;
  if (e == ENC_LISTPACK) return lpHas(p, ptr, len);
  return parseI64(ptr, len) && isHas(p, parsedI64);
}

/** Adds a member; true when it was new. Converts the encoding when the member or the size calls for it. */
export function setAdd(s: usize, ptr: usize, len: i32): bool {
  const e = setEncoding(s), p = setPayload(s);
  if (e == ENC_HASHTABLE) return bmSet(p, ptr, len, 0, 0);
  if (e == ENC_INTSET) {
    if (parseI64(ptr, len)) {
      const grown = isAdd(p, parsedI64);
      if (grown == 0) return false;
      assign(s, ENC_INTSET, grown);
      if (<i64>isCount(grown) > maxIntsetEntries()) toHashtable(s, 0);
      return true;
    }
    // Integers are at most 20 characters, so a listpack takes them all if it takes this member.
    if (<i64>isCount(p) < maxListpackEntries() && len <= maxListpackValue()) toListpack(s);
    else toHashtable(s, isCount(p) + 1);
    return setAdd(s, ptr, len);
  }
  if (lpHas(p, ptr, len)) return false;
  if (<i64>lpCount(p) < maxListpackEntries() && len <= maxListpackValue()) {
    assign(s, ENC_LISTPACK, lpAppend(p, ptr, len));
    return true;
  }
  toHashtable(s, lpCount(p) + 1);
  return bmSet(setPayload(s), ptr, len, 0, 0);
}

/**
 * Adds a member to a set being loaded, keeping its saved encoding; false when the member is a duplicate
 * or cannot be in that encoding (a corrupt payload).
 */
export function setAddAsSaved(s: usize, ptr: usize, len: i32): bool {
  const e = setEncoding(s), p = setPayload(s);
  if (e == ENC_HASHTABLE) return bmSet(p, ptr, len, 0, 0);
  if (e == ENC_INTSET) {
    if (!parseI64(ptr, len)) return false;
    const grown = isAdd(p, parsedI64);
    if (grown != 0) assign(s, ENC_INTSET, grown);
    return grown != 0;
  }
  // The encoding was chosen under the configs of its time: only what a packed item can hold is corrupt.
  if (len > PACKED_MAX_ITEM || lpHas(p, ptr, len)) return false;
  assign(s, ENC_LISTPACK, lpAppend(p, ptr, len));
  return true;
}

/** Removes a member; true when it was there. The caller deletes the key of an emptied set. */
export function setRemove(s: usize, ptr: usize, len: i32): bool {
  const e = setEncoding(s), p = setPayload(s);
  if (e == ENC_HASHTABLE) return bmDelete(p, ptr, len);
  const shrunk = e == ENC_LISTPACK ? lpRemove(p, ptr, len) : parseI64(ptr, len) ? isRemove(p, parsedI64) : 0;
  if (shrunk == 0) return false;
  assign(s, e, shrunk);
  return true;
}

/** Before adding `hint` members at once: straight to hashtable when they would not fit (setTypeMaybeConvert). */
export function setMaybeConvert(s: usize, hint: i32): void {
  const e = setEncoding(s);
  if ((e == ENC_LISTPACK && <i64>hint > maxListpackEntries()) || (e == ENC_INTSET && <i64>hint > maxIntsetEntries())) toHashtable(s, hint);
}

function toListpack(s: usize): void {
  const ints = setPayload(s);
  let lp = lpCreate();
  for (let i = 0, n = isCount(ints); i < n; i++) lp = lpAppend(lp, convertDigits, formatI64(isGet(ints, i), convertDigits));
  heap.free(ints);
  assign(s, ENC_LISTPACK, lp);
}

function toHashtable(s: usize, hint: i32): void {
  const old = setPayload(s);
  const map = bmCreate(max(hint, setSize(s)));
  if (setEncoding(s) == ENC_INTSET) {
    for (let i = 0, n = isCount(old); i < n; i++) bmAdd(map, convertDigits, formatI64(isGet(old, i), convertDigits), 0, 0);
  } else {
    for (let e = lpFirst(old), i = 0, n = lpCount(old); i < n; i++, e = packedSkip(e)) bmAdd(map, packedBytes(e), packedLen(e), 0, 0);
  }
  heap.free(old);
  assign(s, ENC_HASHTABLE, map);
}
