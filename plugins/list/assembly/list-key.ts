// Looking up, binding and releasing list keys, and the argument parsing several commands share.

import {
  argIs, argLen, argPtr, keyDelete, keyFind, keySet, parseI64, parsedI64, replyError, ERR_NOT_INTEGER, ERR_SYNTAX,
} from "ferrite-sdk";
import { listLen } from "./header";
import { LEFT, RIGHT, shrinkEncoding } from "./list";

/** Index of `list` in plugin.json's types. */
export const LIST_TYPE: i32 = 0;

/** The list at the key in argument i: a handle, MISSING or WRONGTYPE. */
export function findList(argv: usize, i: i32, flags: i32 = 0): f64 {
  return keyFind(argPtr(argv, i), argLen(argv, i), LIST_TYPE, flags);
}

/** Binds a list just created to the key in argument i. */
export function storeList(keyPtr: usize, keyLen: i32, l: usize): void {
  keySet(keyPtr, keyLen, LIST_TYPE, <f64>l);
}

/** After elements left a list: an emptied list deletes its key, a shrunk one may become a listpack. */
export function afterRemoval(keyPtr: usize, keyLen: i32, l: usize): void {
  if (listLen(l) == 0) keyDelete(keyPtr, keyLen);
  else shrinkEncoding(l);
}

/** LEFT or RIGHT in argument i, or -1 once the syntax error is replied. */
export function parseWhere(argv: usize, i: i32): i32 {
  if (argIs(argv, i, "LEFT")) return LEFT;
  if (argIs(argv, i, "RIGHT")) return RIGHT;
  replyError(ERR_SYNTAX);
  return -1;
}

/** An integer argument into parsedI64; false once Redis's error is replied. */
export function parseIntArg(argv: usize, i: i32): bool {
  if (parseI64(argPtr(argv, i), argLen(argv, i))) return true;
  replyError(ERR_NOT_INTEGER);
  return false;
}

/** A count that must be >= min (parsedI64), or false once `error` is replied (Redis uses it for junk too). */
export function parseCountArg(argv: usize, i: i32, min: i64, error: string): bool {
  if (parseI64(argPtr(argv, i), argLen(argv, i)) && parsedI64 >= min) return true;
  replyError(error);
  return false;
}
