// Looking up, creating and dropping hash keys by argument index: the steps every command repeats.

import { argLen, argPtr, keyDelete, keyFind, keySet, replyArray, replyMap, replyScanCursor, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import { HASH_TYPE, hashLen } from "./value";

/** The hash at the key in argument i: a handle, MISSING or WRONGTYPE. */
export function findHash(argv: usize, i: i32, flags: i32 = 0): f64 {
  return keyFind(argPtr(argv, i), argLen(argv, i), HASH_TYPE, flags);
}

/** For read commands: the hash, or 0 after replying WRONGTYPE or (for a missing key) `emptyReply`. */
export function hashOrReply(argv: usize, emptyReply: i32): usize {
  const h = findHash(argv, 1);
  if (h == WRONGTYPE) { replyWrongType(); return 0; }
  if (h == MISSING) { replyEmpty(emptyReply); return 0; }
  return <usize>h;
}

export const EMPTY_ARRAY: i32 = 0;
export const EMPTY_MAP: i32 = 1;
/** HSCAN's [0, []]. */
export const EMPTY_SCAN: i32 = 2;

function replyEmpty(kind: i32): void {
  if (kind == EMPTY_MAP) {
    replyMap(0);
  } else if (kind == EMPTY_SCAN) {
    replyArray(2);
    replyScanCursor(0);
    replyArray(0);
  } else {
    replyArray(0);
  }
}

/** Binds a new, non-empty hash to the key in argument 1. */
export function storeHash(argv: usize, h: usize): void {
  keySet(argPtr(argv, 1), argLen(argv, 1), HASH_TYPE, <f64>h, 0);
}

/** An emptied hash deletes its key, as in Redis. */
export function dropIfEmpty(argv: usize, h: usize): void {
  if (hashLen(h) == 0) keyDelete(argPtr(argv, 1), argLen(argv, 1));
}
