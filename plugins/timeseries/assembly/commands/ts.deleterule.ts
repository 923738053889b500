// TS.DELETERULE sourceKey destKey
import { argLen, argPtr, replyError, replyOk } from "ferrite-sdk";
import { ERR_NO_RULE } from "../errors";
import { TS_DELETERULE_DEST, TS_DELETERULE_SRC } from "../events";
import { removeRule } from "../rules";
import { replaceBlock } from "../series";
import { seriesArg } from "../series-key";

export function run(_argc: i32, argv: usize): void {
  const src = seriesArg(argv, 1, true);
  if (!src) return;
  if (!removeRule(src, argPtr(argv, 2), argLen(argv, 2))) { replyError(ERR_NO_RULE); return; }
  const dest = seriesArg(argv, 2, true);
  if (!dest) return;
  dest.srcKey = replaceBlock(dest, dest.srcKey, dest.srcKeyLen, 0, 0);
  dest.srcKeyLen = 0;
  replyOk();
  TS_DELETERULE_SRC.emitArg(argv, 1);
  TS_DELETERULE_DEST.emitArg(argv, 2);
}
