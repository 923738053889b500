// TS.CREATERULE sourceKey destKey AGGREGATION aggregator bucketDuration [alignTimestamp]
import { argIs, argLen, argPtr, bytesEqual, parseI64, parsedI64, replyArityError, replyError, replyOk } from "ferrite-sdk";
import { AGG_NONE, parseAggName } from "../aggregate";
import { ERR_AGGREGATION, ERR_AGG_TYPE, ERR_ALIGN_TS, ERR_BUCKET, ERR_DST_HAS_RULES, ERR_DST_HAS_SRC, ERR_SAME_KEY, ERR_SRC_HAS_SRC } from "../errors";
import { TS_CREATERULE_DEST, TS_CREATERULE_SRC } from "../events";
import { addRule, ruleNew } from "../rules";
import { replaceBlock } from "../series";
import { seriesArg } from "../series-key";

export function run(argc: i32, argv: usize): void {
  if (argc > 7 || !argIs(argv, 3, "AGGREGATION")) { replyArityError(argv); return; }
  const agg = parseAggName(argv, 4, false);
  if (agg == AGG_NONE) { replyError(ERR_AGG_TYPE); return; }
  if (!parseI64(argPtr(argv, 5), argLen(argv, 5))) { replyError(ERR_AGGREGATION); return; }
  const bucket = parsedI64;
  if (bucket <= 0) { replyError(ERR_BUCKET); return; }
  let align: i64 = 0;
  if (argc == 7) {
    if (!parseI64(argPtr(argv, 6), argLen(argv, 6)) || parsedI64 < 0) { replyError(ERR_ALIGN_TS); return; }
    align = parsedI64;
  }
  if (bytesEqual(argPtr(argv, 1), argLen(argv, 1), argPtr(argv, 2), argLen(argv, 2))) { replyError(ERR_SAME_KEY); return; }
  const src = seriesArg(argv, 1, true);
  if (!src) return;
  if (src.srcKey) { replyError(ERR_SRC_HAS_SRC); return; }
  const dest = seriesArg(argv, 2, true);
  if (!dest) return;
  if (dest.rules) { replyError(ERR_DST_HAS_RULES); return; }
  if (dest.srcKey) { replyError(ERR_DST_HAS_SRC); return; }
  dest.srcKey = replaceBlock(dest, 0, 0, argPtr(argv, 1), argLen(argv, 1));
  dest.srcKeyLen = argLen(argv, 1);
  addRule(src, ruleNew(argPtr(argv, 2), argLen(argv, 2), agg, bucket, align));
  replyOk();
  TS_CREATERULE_SRC.emitArg(argv, 1);
  TS_CREATERULE_DEST.emitArg(argv, 2);
}
