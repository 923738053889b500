// XTRIM key MAXLEN|MINID [=|~] threshold [LIMIT count]
import { argLen, argPtr, replyInt, replyWrongType, signalKeyReady, FIND_WRITE } from "ferrite-sdk";
import { asStream, findStream, MISSING, WRONGTYPE } from "../stream-key";
import { streamTrim } from "../trim";
import { parseTrimArgs } from "../trim-args";

import { XTRIM } from "../events";
export function run(argc: i32, argv: usize): void {
  if (parseTrimArgs(argc, argv, false) < 0) return;
  const h = findStream(argv, 1, FIND_WRITE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING) { replyInt(0); return; }
  const removed = streamTrim(asStream(h));
  if (removed) {
    signalKeyReady(argPtr(argv, 1), argLen(argv, 1));
    XTRIM.emitArg(argv, 1);
  }
  replyInt(removed);
}
