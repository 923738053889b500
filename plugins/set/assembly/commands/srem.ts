// SREM key member [member ...]: how many members were removed; an emptied set deletes its key.
import { argLen, argPtr, FIND_WRITE, MISSING, replyInt, replyWrongType, WRONGTYPE } from "ferrite-sdk";
import { dropIfEmpty, findSet } from "../set-key";
import { setRemove } from "../set";
import { SREM } from "../events";

export function run(argc: i32, argv: usize): void {
  const h = findSet(argv, 1, FIND_WRITE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING) { replyInt(0); return; }
  const s = <usize>h;
  let removed = 0;
  for (let i = 2; i < argc; i++) if (setRemove(s, argPtr(argv, i), argLen(argv, i))) removed++;
  if (removed > 0) SREM.emitArg(argv, 1);
  dropIfEmpty(argv, 1, s);
  replyInt(removed);
}
