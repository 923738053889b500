// The write side of the bit commands (SETBIT, BITFIELD, BITOP), on top of value.ts: like Redis, a value
// a bit command wrote is a plain byte string, so OBJECT ENCODING reports raw afterwards.

import { keyFindArg, keySetArg, FIND_WRITE, MISSING, SET_KEEPTTL, WRONGTYPE } from "ferrite-sdk";
import { storeString } from "../string-key";
import { MAX_STRING_LEN, STRING_TYPE, strCreateZeroed, strData, strLen, strMarkRaw, strReserve } from "../value";

/**
 * The string at the key in argument `i`, created or grown with zero bytes so that bit `maxBit` exists,
 * and bound to the key (keeping its TTL). Returns the value's handle, or WRONGTYPE (not yet replied).
 */
export function openForBitWrite(argv: usize, i: i32, maxBit: u64): f64 {
  const found = keyFindArg(argv, i, STRING_TYPE, FIND_WRITE);
  if (found == WRONGTYPE) return WRONGTYPE;
  const needed = <i32>(maxBit >> 3) + 1;
  let v: usize;
  if (found == MISSING) {
    v = strCreateZeroed(needed);
    storeString(argv, i, v);
  } else {
    v = <usize>found;
    if (strLen(v) < needed) v = grow(v, needed);
    if (v != <usize>found) keySetArg(argv, i, STRING_TYPE, <f64>v, SET_KEEPTTL);
  }
  strMarkRaw(v);
  return <f64>v;
}

/**
 * A BITFIELD field that starts below the 2^32 bit offset limit may end up to 8 bytes past 512 MiB, which
 * Redis allows. strReserve caps its capacity at MAX_STRING_LEN, so that one case gets an exact copy.
 */
function grow(v: usize, needed: i32): usize {
  if (<i64>needed <= MAX_STRING_LEN) return strReserve(v, needed);
  const grown = strCreateZeroed(needed);
  memory.copy(strData(grown), strData(v), <usize>strLen(v));
  return grown;
}

/** A new unbound zero-filled string of `len` bytes, for results built before they are stored. */
export function createRawString(len: i32): usize {
  const v = strCreateZeroed(len);
  strMarkRaw(v);
  return v;
}
