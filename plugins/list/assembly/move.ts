// LMOVE / RPOPLPUSH's move of one element between lists (the same list rotates). BLMOVE's wake-up
// will call it too once the host can block clients on keys.

import { argLen, argPtr, replyBulk, replyNull, replyWrongType, FIND_WRITE, MISSING, WRONGTYPE } from "ferrite-sdk";
import { elemLen, elemPtr, entryRead, entrySize } from "./entry";
import { listLen, listNew } from "./header";
import { curEntry, curNode, curOff, deleteAt, growEncoding, LEFT, listPushEntry, seek } from "./list";
import { afterRemoval, findList, storeList } from "./list-key";

/** Most elements are small: their entry travels through this buffer instead of a heap block. */
const SCRATCH_SIZE: i32 = 256;
const scratch = memory.data(SCRATCH_SIZE);

/**
 * Moves the element at the `from` end of list src (non-empty) to the `to` end of the list `dst` (a
 * handle, or MISSING to create it at the destination key) and replies with it.
 */
export function moveAndReply(srcPtr: usize, srcLen: i32, src: usize, dstPtr: usize, dstLen: i32, dst: f64, from: i32, to: i32): void {
  seek(src, from == LEFT ? 0 : listLen(src) - 1);
  const size = entrySize(curEntry());
  // The entry must leave src before it enters dst, which may be src itself.
  const entry = size <= SCRATCH_SIZE ? scratch : heap.alloc(<usize>size);
  memory.copy(entry, curEntry(), <usize>size);
  deleteAt(src, curNode, curOff);
  const d = dst == MISSING ? listNew() : <usize>dst;
  entryRead(entry);
  growEncoding(d, elemLen);
  listPushEntry(d, to, entry, size);
  if (dst == MISSING) storeList(dstPtr, dstLen, d);
  entryRead(entry);
  replyBulk(elemPtr, elemLen);
  if (entry != scratch) heap.free(entry);
  afterRemoval(srcPtr, srcLen, src);
}

/** LMOVE / RPOPLPUSH source destination, once the ends are parsed. */
export function moveCommand(argv: usize, from: i32, to: i32): void {
  const src = findList(argv, 1, FIND_WRITE);
  if (src == WRONGTYPE) { replyWrongType(); return; }
  if (src == MISSING) { replyNull(); return; }
  const dst = findList(argv, 2, FIND_WRITE);
  if (dst == WRONGTYPE) { replyWrongType(); return; }
  moveAndReply(argPtr(argv, 1), argLen(argv, 1), <usize>src, argPtr(argv, 2), argLen(argv, 2), dst, from, to);
}
