// LINSERT key BEFORE|AFTER pivot element
import {
  argIs, argLen, argPtr, keyFindArg, replyError, replyInt, replyWrongType, signalKeyReady, ERR_SYNTAX, FIND_WRITE,
  MISSING, WRONGTYPE,
} from "ferrite-sdk";
import { entryEquals, entrySize } from "../entry";
import { listLen } from "../header";
import { curEntry, curNext, curNode, curOff, growEncoding, listInsert, seek } from "../list";

import { LINSERT } from "../events";
import { LIST_TYPE } from "../list-key";

export function run(_argc: i32, argv: usize): void {
  const after = argIs(argv, 2, "AFTER");
  if (!after && !argIs(argv, 2, "BEFORE")) { replyError(ERR_SYNTAX); return; }
  const h = keyFindArg(argv, 1, LIST_TYPE, FIND_WRITE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING) { replyInt(0); return; }
  const l = <usize>h;
  const pivot = argPtr(argv, 3), pivotLen = argLen(argv, 3);
  const value = argPtr(argv, 4), valueLen = argLen(argv, 4);
  // Like Redis, assume the insert happens and convert first: no conversion while walking.
  growEncoding(l, valueLen, 1);
  for (seek(l, 0); curNode; curNext()) {
    if (!entryEquals(curEntry(), pivot, pivotLen)) continue;
    listInsert(l, curNode, after ? curOff + entrySize(curEntry()) : curOff, value, valueLen);
    signalKeyReady(argPtr(argv, 1), argLen(argv, 1));
    LINSERT.emitArg(argv, 1);
    replyInt(listLen(l));
    return;
  }
  replyInt(-1);
}
