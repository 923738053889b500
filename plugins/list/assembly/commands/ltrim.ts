// LTRIM key start stop
import { argLen, argPtr, keyFindArg, parsedStart, parsedStop, parseStartStop, replyOk, replyWrongType, FIND_WRITE, MISSING, WRONGTYPE } from "ferrite-sdk";
import { listLen } from "../header";
import { deleteRange } from "../list";
import { LIST_TYPE, afterRemoval } from "../list-key";
import { clipRange, rangeCount, rangeStart } from "../range";

import { LTRIM } from "../events";

export function run(_argc: i32, argv: usize): void {
  if (!parseStartStop(argv, 2)) return;
  const start = parsedStart;
  const stop = parsedStop;
  const h = keyFindArg(argv, 1, LIST_TYPE, FIND_WRITE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h != MISSING) {
    const l = <usize>h;
    const len = listLen(l);
    clipRange(start, stop, len);
    if (rangeCount == 0) {
      deleteRange(l, 0, len);
    } else {
      deleteRange(l, rangeStart + rangeCount, len - rangeStart - rangeCount);
      deleteRange(l, 0, rangeStart);
    }
    LTRIM.emitArg(argv, 1);
    afterRemoval(argPtr(argv, 1), argLen(argv, 1), l);
  }
  replyOk();
}
