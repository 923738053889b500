// Finding and creating series keys with RedisTimeSeries's replies for a missing or foreign key.
import { FIND_WRITE, MISSING, WRONGTYPE, argLen, argPtr, currentDb, heapFootprint, keyFindArg, keySetArg, replyError } from "ferrite-sdk";
import { optChunkSize, optDupPolicy, optEncoding, optIgnoreTime, optIgnoreVal, optLabels, optLabelsLen, optRetention, parseCreateArgs } from "./create-args";
import { ERR_KEY_MISSING, ERR_WRONG_KIND } from "./errors";
import { indexSet } from "./label-index";
import { applyCompactionPolicy } from "./policy-rules";
import { Series, TS_TYPE, seriesNew } from "./series";

/** The series at argument i, or 0 after replying the error (missing: TSDB's text; another type: ERR WRONGTYPE). */
export function seriesArg(argv: usize, i: i32, write: bool): Series {
  const h = keyFindArg(argv, i, TS_TYPE, write ? FIND_WRITE : 0);
  if (h == MISSING) { replyError(ERR_KEY_MISSING); return changetype<Series>(0); }
  if (h == WRONGTYPE) { replyError(ERR_WRONG_KIND); return changetype<Series>(0); }
  return changetype<Series>(<usize>h);
}

/** A new series from the parsed create options (taking over their labels block), bound to argument i and indexed. */
export function createSeriesArg(argv: usize, i: i32): Series {
  const s = seriesNew(optRetention, optChunkSize, optEncoding, optDupPolicy);
  s.ignoreMaxTimeDiff = optIgnoreTime;
  s.ignoreMaxValDiff = optIgnoreVal;
  replaceLabels(s, optLabels, optLabelsLen);
  keySetArg(argv, i, TS_TYPE, <f64>changetype<usize>(s));
  indexSet(currentDb(), argPtr(argv, i), argLen(argv, i), s.labels, s.labelsLen);
  return s;
}

/** Gives the series a new labels block (taking it over), keeping its memory figure right. */
export function replaceLabels(s: Series, labels: usize, len: i32): void {
  if (s.labels) {
    heap.free(s.labels);
    s.bytes -= <i64>heapFootprint(<usize>s.labelsLen);
  }
  s.labels = labels;
  s.labelsLen = len;
  if (labels) s.bytes += <i64>heapFootprint(<usize>len);
}

/**
 * The series at argument 1 for a write that creates it when missing (TS.ADD, TS.INCRBY, TS.DECRBY) from
 * the create options in arguments [createFrom, argc), with the rules ts-compaction-policy gives it; 0
 * after replying the error (`wrongType` for a key of another type).
 */
export function findOrCreateArg(argc: i32, argv: usize, createFrom: i32, wrongType: string): Series {
  createdRules = false;
  const h = keyFindArg(argv, 1, TS_TYPE, FIND_WRITE);
  if (h == WRONGTYPE) { replyError(wrongType); return changetype<Series>(0); }
  if (h != MISSING) return changetype<Series>(<usize>h);
  if (!parseCreateArgs(argc, argv, createFrom)) return changetype<Series>(0);
  const s = createSeriesArg(argv, 1);
  createdRules = applyCompactionPolicy(argv, s) > 0;
  return s;
}

/**
 * Whether the last findOrCreateArg created its series with ts-compaction-policy's rules: its command
 * then logs what was created (replicateCreated) and itself.
 */
export let createdRules = false;
