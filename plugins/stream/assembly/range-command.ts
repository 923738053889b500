// XRANGE key start end [COUNT n] and XREVRANGE key end start [COUNT n], as Redis's xrangeGenericCommand.
import { argIs, keyFindArg, parsedI64, parseIntArg, replyArray, replyError, replyNullArray, replyWrongType, ERR_SYNTAX } from "ferrite-sdk";
import { idMs, idSeq, parseBound } from "./id";
import { replyRange } from "./reply-entry";
import { asStream, MISSING, WRONGTYPE } from "./stream-key";
import { STREAM_TYPE } from "./stream";

export function rangeCommand(argc: i32, argv: usize, rev: bool): void {
  if (!parseBound(argv, rev ? 3 : 2, true)) return;
  const startMs = idMs, startSeq = idSeq;
  if (!parseBound(argv, rev ? 2 : 3, false)) return;
  const endMs = idMs, endSeq = idSeq;
  let count: i64 = -1;
  for (let i = 4; i < argc; i++) {
    if (!argIs(argv, i, "COUNT") || i + 1 >= argc) { replyError(ERR_SYNTAX); return; }
    i++;
    if (!parseIntArg(argv, i)) return;
    count = parsedI64 < 0 ? 0 : parsedI64;
  }
  const h = keyFindArg(argv, 1, STREAM_TYPE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING) { replyArray(0); return; }
  if (count == 0) { replyNullArray(); return; }
  replyRange(asStream(h), startMs, startSeq, endMs, endSeq, count < 0 ? 0 : count, rev);
}
