// SREM key member [member ...]: how many members were removed; an emptied set deletes its key.
import { argLen, argPtr, keyDropArgIfEmpty, keyFindArg, replyInt, replyWrongType, FIND_WRITE, MISSING, WRONGTYPE } from "ferrite-sdk";
import { SET_TYPE, setRemove, setSize } from "../set";
import { SREM } from "../events";

export function run(argc: i32, argv: usize): void {
  const h = keyFindArg(argv, 1, SET_TYPE, FIND_WRITE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING) { replyInt(0); return; }
  const s = <usize>h;
  let removed = 0;
  for (let i = 2; i < argc; i++) if (setRemove(s, argPtr(argv, i), argLen(argv, i))) removed++;
  if (removed > 0) SREM.emitArg(argv, 1);
  keyDropArgIfEmpty(argv, 1, setSize(s));
  replyInt(removed);
}
