// The write side of the bit commands (SETBIT, BITFIELD, BITOP), on top of value.ts: like Redis, a value
// a bit command wrote is a plain byte string, so OBJECT ENCODING reports raw afterwards.

import { keyFindArg, keySetArg, FIND_WRITE, MISSING, SET_KEEPTTL, WRONGTYPE } from "ferrite-sdk";
import { storeString } from "../string-key";
import { MAX_STRING_LEN, STRING_TYPE, strCreateZeroed, strData, strGrowsInPlace, strLen, strMarkRaw, strReserve } from "../value";

/**
 * SETBIT and BITFIELD look their key up without write intent (keyPeekArg), then open it for writing
 * (openForBitWrite) only when they create it, grow it or change a bit: Redis counts a write (dirty,
 * the keyspace event, WATCH) only then. True when the string `found` already holds bit `maxBit`; it is
 * marked raw, as Redis's lookupStringForBitCommand unshares it even when nothing changes.
 */
export function holdsBit(found: f64, maxBit: u64): bool {
  if (found == MISSING || found == WRONGTYPE || <u64>strLen(<usize>found) <= maxBit >> 3) return false;
  strMarkRaw(<usize>found);
  return true;
}

/**
 * The string `found` (what keyPeekArg gave for the key in argument `i`, not WRONGTYPE), created or grown
 * with zero bytes so that bit `maxBit` exists, and bound to the key (keeping its TTL), counted as one
 * write: a grown copy is bound with keySetArg; a value changed in place is opened with write intent
 * first, so that a background save still sees it as it was.
 */
export function openForBitWrite(argv: usize, i: i32, maxBit: u64, found: f64): usize {
  const needed = <i32>(maxBit >> 3) + 1;
  let v: usize;
  if (found == MISSING) {
    v = strCreateZeroed(needed);
    storeString(argv, i, v);
  } else if (strLen(<usize>found) < needed && !strGrowsInPlace(<usize>found, needed)) {
    v = grow(<usize>found, needed);
    keySetArg(argv, i, STRING_TYPE, <f64>v, SET_KEEPTTL);
  } else {
    v = <usize>keyFindArg(argv, i, STRING_TYPE, FIND_WRITE);
    if (strLen(v) < needed) strReserve(v, needed);
  }
  strMarkRaw(v);
  return v;
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
