// XDEL key id [id ...]
import { argLen, argPtr, keyFindArg, replyInt, replyWrongType, signalKeyReady, FIND_WRITE } from "ferrite-sdk";
import { compareIds, idMs, idSeq, parseIdArg } from "../id";
import { asStream, MISSING, WRONGTYPE } from "../stream-key";
import { STREAM_TYPE, deleteAtCursor, findEntry, refreshFirstId } from "../stream";

import { XDEL } from "../events";
export function run(argc: i32, argv: usize): void {
  const h = keyFindArg(argv, 1, STREAM_TYPE, FIND_WRITE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING) { replyInt(0); return; }
  // All IDs are checked before any is deleted, so a bad one leaves the stream untouched.
  for (let i = 2; i < argc; i++) if (!parseIdArg(argv, i, true)) return;
  const s = asStream(h);
  let deleted = 0;
  for (let i = 2; i < argc; i++) {
    parseIdArg(argv, i, true);
    if (!findEntry(s, idMs, idSeq)) continue;
    deleteAtCursor(s);
    if (compareIds(idMs, idSeq, s.maxDeletedMs, s.maxDeletedSeq) > 0) { s.maxDeletedMs = idMs; s.maxDeletedSeq = idSeq; }
    deleted++;
  }
  if (deleted) {
    refreshFirstId(s);
    signalKeyReady(argPtr(argv, 1), argLen(argv, 1));
    XDEL.emitArg(argv, 1);
  }
  replyInt(deleted);
}
