// LREM key count element
import { argLen, argPtr, keyFindArg, parsedI64, parseIntArg, replyInt, replyWrongType, FIND_WRITE, MISSING, WRONGTYPE } from "ferrite-sdk";
import { entryEquals } from "../entry";
import { listLen } from "../header";
import { curEntry, curNext, curNode, curOff, curPrev, deleteAt, deleteCurrent, fitNodes, seek } from "../list";
import { LIST_TYPE, afterRemoval } from "../list-key";

import { LREM } from "../events";

export function run(_argc: i32, argv: usize): void {
  if (!parseIntArg(argv, 2)) return;
  const count = parsedI64;
  const h = keyFindArg(argv, 1, LIST_TYPE, FIND_WRITE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING) { replyInt(0); return; }
  const l = <usize>h;
  const element = argPtr(argv, 3), elementLen = argLen(argv, 3);
  // 0 removes every match: a limit nothing reaches.
  const limit: u64 = count == 0 ? u64.MAX_VALUE : count < 0 ? <u64>0 - <u64>count : <u64>count;
  let removed: u64 = 0;
  if (count >= 0) {
    for (seek(l, 0); curNode && removed < limit;) {
      if (entryEquals(curEntry(), element, elementLen)) { deleteCurrent(l); removed++; }
      else curNext();
    }
  } else {
    for (seek(l, listLen(l) - 1); curNode && removed < limit;) {
      // Step back first: removing the entry leaves everything before it in place.
      const n = curNode, off = curOff;
      const match = entryEquals(curEntry(), element, elementLen);
      curPrev();
      if (match) { deleteAt(l, n, off); removed++; }
    }
  }
  if (removed > 0) {
    if (listLen(l) > 0) fitNodes(l);
    LREM.emitArg(argv, 1);
    afterRemoval(argPtr(argv, 1), argLen(argv, 1), l);
  }
  replyInt(removed);
}
