// LRANGE key start stop
import { keyFindArg, parsedStart, parsedStop, parseStartStop, replyArray, replyBulk, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import { elemLen, elemPtr, entryRead } from "../entry";
import { listLen } from "../header";
import { curEntry, curNext, seek } from "../list";
import { clipRange, rangeCount, rangeStart } from "../range";
import { LIST_TYPE } from "../list-key";

export function run(_argc: i32, argv: usize): void {
  if (!parseStartStop(argv, 2)) return;
  const start = parsedStart;
  const stop = parsedStop;
  const h = keyFindArg(argv, 1, LIST_TYPE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING) { replyArray(0); return; }
  const l = <usize>h;
  clipRange(start, stop, listLen(l));
  replyArray(rangeCount);
  if (rangeCount == 0) return;
  seek(l, rangeStart);
  for (let k = 0; k < rangeCount; k++) {
    entryRead(curEntry());
    replyBulk(elemPtr, elemLen);
    curNext();
  }
}
