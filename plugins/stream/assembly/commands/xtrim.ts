// XTRIM key MAXLEN|MINID [=|~] threshold [LIMIT count]
import { argLen, argPtr, keyFindArg, replyInt, replyWrongType, signalKeyReady, FIND_WRITE } from "ferrite-sdk";
import { asStream, MISSING, WRONGTYPE } from "../stream-key";
import { streamTrim } from "../trim";
import { parseTrimArgs } from "../trim-args";

import { XTRIM } from "../events";
import { STREAM_TYPE } from "../stream";
export function run(argc: i32, argv: usize): void {
  if (parseTrimArgs(argc, argv, false) < 0) return;
  const h = keyFindArg(argv, 1, STREAM_TYPE, FIND_WRITE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING) { replyInt(0); return; }
  const removed = streamTrim(asStream(h));
  if (removed) {
    signalKeyReady(argPtr(argv, 1), argLen(argv, 1));
    XTRIM.emitArg(argv, 1);
  }
  replyInt(removed);
}
