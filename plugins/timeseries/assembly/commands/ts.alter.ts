// TS.ALTER key [RETENTION ms] [CHUNK_SIZE bytes] [DUPLICATE_POLICY p] [IGNORE t v] [LABELS l v ...]
// LABELS replaces the whole set (LABELS alone removes them all).
import { argLen, argPtr, currentDb, replyOk } from "ferrite-sdk";
import {
  hasChunkSize, hasDupPolicy, hasIgnore, hasLabels, hasRetention, optChunkSize, optDupPolicy, optIgnoreTime, optIgnoreVal, optLabels, optLabelsLen,
  optRetention, parseCreateArgs,
} from "../create-args";
import { TS_ALTER } from "../events";
import { indexSet } from "../label-index";
import { replaceLabels, seriesArg } from "../series-key";
import { trimRetention } from "../series";

export function run(argc: i32, argv: usize): void {
  if (!parseCreateArgs(argc, argv, 2)) return;
  const s = seriesArg(argv, 1, true);
  if (!s) {
    if (optLabels) heap.free(optLabels);
    return;
  }
  if (hasRetention) s.retention = optRetention;
  if (hasChunkSize) s.chunkSize = optChunkSize;
  if (hasDupPolicy) s.dupPolicy = optDupPolicy;
  if (hasIgnore) {
    s.ignoreMaxTimeDiff = optIgnoreTime;
    s.ignoreMaxValDiff = optIgnoreVal;
  }
  if (hasLabels) {
    replaceLabels(s, optLabels, optLabelsLen);
    indexSet(currentDb(), argPtr(argv, 1), argLen(argv, 1), s.labels, s.labelsLen);
  }
  trimRetention(s);
  replyOk();
  TS_ALTER.emitArg(argv, 1);
}
