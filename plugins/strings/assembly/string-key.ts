// Looking up, replying and binding string values by argument index: the steps every command repeats.

import { argLen, argPtr, keyFind, keySet, replyBulk, replyNull, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import { STRING_TYPE, strData, strFree, strLen } from "./value";

/** The string at the key in argument i: a handle, MISSING or WRONGTYPE. */
export function findString(argv: usize, i: i32, flags: i32 = 0): f64 {
  return keyFind(argPtr(argv, i), argLen(argv, i), STRING_TYPE, flags);
}

export function replyString(v: usize): void { replyBulk(strData(v), strLen(v)); }

/** GET's reply for a lookup result; false when it was WRONGTYPE (already replied). */
export function replyFound(h: f64): bool {
  if (h == WRONGTYPE) { replyWrongType(); return false; }
  if (h == MISSING) replyNull();
  else replyString(<usize>h);
  return true;
}

/** Binds value v to the key in argument i; when NX/XX refuse it, frees v and returns false. */
export function storeString(argv: usize, i: i32, v: usize, setFlags: i32 = 0): bool {
  if (keySet(argPtr(argv, i), argLen(argv, i), STRING_TYPE, <f64>v, setFlags)) return true;
  strFree(v);
  return false;
}
