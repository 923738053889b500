// Popping with the reply shapes of LPOP/RPOP, LMPOP and their blocking forms (blocking.ts): it only
// needs the key and its list.

import {
  argLen, argPtr, blockOnKeys, keyFindArg, keyFindWaited, parseCount, parsedI64, parsedTimeoutMs, parseTimeoutArg,
  replyArray, replyBulk, replyNull, replyNullArray, replyWrongType, ERR_NOT_POSITIVE, FIND_WRITE, MISSING, WRONGTYPE,
} from "ferrite-sdk";
import { elemLen, elemPtr, entryRead } from "./entry";
import { listLen } from "./header";
import { curEntry, curNext, curPrev, deleteRange, LEFT, seek } from "./list";
import { afterRemoval, LIST_TYPE } from "./list-key";
import { popEvent } from "./events";

/** One element as a bulk string (LPOP key). */
export const POP_ONE: i32 = 0;
/** An array of elements (LPOP key count). */
export const POP_ARRAY: i32 = 1;
/** [key, [elements]] (LMPOP, BLMPOP). */
export const POP_KEYED: i32 = 2;
/** [key, element] (BLPOP, BRPOP). */
export const POP_KEYED_ONE: i32 = 3;

/** Pops up to `count` elements from the `where` end of list l at the key and replies with them. */
export function popAndReply(keyPtr: usize, keyLen: i32, l: usize, where: i32, count: i64, shape: i32): void {
  const len = listLen(l);
  const n = <i32>min<i64>(count, len);
  if (shape >= POP_KEYED) {
    replyArray(2);
    replyBulk(keyPtr, keyLen);
  }
  if (shape == POP_ARRAY || shape == POP_KEYED) replyArray(n);
  if (n == 0) return;
  seek(l, where == LEFT ? 0 : len - 1);
  for (let k = 0; k < n; k++) {
    entryRead(curEntry());
    replyBulk(elemPtr, elemLen);
    if (where == LEFT) curNext(); else curPrev();
  }
  deleteRange(l, where == LEFT ? 0 : len - n, n);
  popEvent(where).emit(keyPtr, keyLen);
  afterRemoval(keyPtr, keyLen, l);
}

/** LPOP / RPOP key [count] (argc <= 3). */
export function popCommand(argc: i32, argv: usize, where: i32): void {
  const withCount = argc == 3;
  if (withCount && !parseCount(argv, 2, 0, ERR_NOT_POSITIVE)) return;
  const count = withCount ? parsedI64 : 1;
  const h = keyFindArg(argv, 1, LIST_TYPE, FIND_WRITE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING) {
    if (withCount) replyNullArray(); else replyNull();
    return;
  }
  popAndReply(argPtr(argv, 1), argLen(argv, 1), <usize>h, where, count, withCount ? POP_ARRAY : POP_ONE);
}

/** BLPOP / BRPOP key [key ...] timeout: one element from the first non-empty list, or a block on them all. */
export function blockingPopCommand(argc: i32, argv: usize, where: i32): void {
  if (!parseTimeoutArg(argv, argc - 1)) return;
  for (let i = 1; i < argc - 1; i++) {
    const h = keyFindWaited(argPtr(argv, i), argLen(argv, i), LIST_TYPE, FIND_WRITE);
    if (h == WRONGTYPE) { replyWrongType(); return; }
    if (h == MISSING) continue;
    popAndReply(argPtr(argv, i), argLen(argv, i), <usize>h, where, 1, POP_KEYED_ONE);
    return;
  }
  if (!blockOnKeys(1, -2, 1, parsedTimeoutMs)) replyNullArray();
}
