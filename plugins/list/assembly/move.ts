// LMOVE / RPOPLPUSH's move of one element between lists (the same list rotates), and BLMOVE /
// BRPOPLPUSH, which block while the source is empty.

import {
  argLen, argPtr, blockOnKeys, keyFindArg, keyFindWaited, keySet, parsedTimeoutMs, parseTimeoutArg, replyBulk,
  replyNull, replyWrongType, signalKeyReady, FIND_WRITE, MISSING, WRONGTYPE,
} from "ferrite-sdk";
import { elemLen, elemPtr, entryRead, entrySize } from "./entry";
import { listLen, listNew } from "./header";
import { curEntry, curNode, curOff, deleteAt, growEncoding, LEFT, listPushEntry, seek } from "./list";
import { afterRemoval, LIST_TYPE } from "./list-key";
import { popEvent, pushEvent } from "./events";

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
  growEncoding(d, elemLen, 1);
  listPushEntry(d, to, entry, size);
  if (dst == MISSING) keySet(dstPtr, dstLen, LIST_TYPE, <f64>d);
  else signalKeyReady(dstPtr, dstLen); // keySet signals a new list itself
  // Redis's order: the push on the destination, then the pop from the source.
  pushEvent(to).emit(dstPtr, dstLen);
  popEvent(from).emit(srcPtr, srcLen);
  entryRead(entry);
  replyBulk(elemPtr, elemLen);
  if (entry != scratch) heap.free(entry);
  afterRemoval(srcPtr, srcLen, src);
}

/** LMOVE / RPOPLPUSH source destination, once the ends are parsed. */
export function moveCommand(argv: usize, from: i32, to: i32): void {
  const src = keyFindArg(argv, 1, LIST_TYPE, FIND_WRITE);
  if (src == WRONGTYPE) { replyWrongType(); return; }
  if (src == MISSING) { replyNull(); return; }
  moveFrom(argv, <usize>src, from, to);
}

/** BLMOVE / BRPOPLPUSH: the timeout in argument `timeoutArg`, then LMOVE's move or a block on the source. */
export function blockingMoveCommand(argv: usize, from: i32, to: i32, timeoutArg: i32): void {
  if (!parseTimeoutArg(argv, timeoutArg)) return;
  const src = keyFindWaited(argPtr(argv, 1), argLen(argv, 1), LIST_TYPE, FIND_WRITE);
  if (src == WRONGTYPE) { replyWrongType(); return; }
  // Like Redis, the destination's type is checked only once there is something to move.
  if (src != MISSING) moveFrom(argv, <usize>src, from, to);
  // Redis 7.0 times out with a null array (not a null bulk) but answers LMOVE's null when it cannot block.
  else if (!blockOnKeys(1, 1, 1, parsedTimeoutMs)) replyNull();
}

function moveFrom(argv: usize, src: usize, from: i32, to: i32): void {
  const dst = keyFindArg(argv, 2, LIST_TYPE, FIND_WRITE);
  if (dst == WRONGTYPE) { replyWrongType(); return; }
  moveAndReply(argPtr(argv, 1), argLen(argv, 1), src, argPtr(argv, 2), argLen(argv, 2), dst, from, to);
}
