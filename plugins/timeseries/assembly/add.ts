// Adding one sample to a series, the step TS.ADD, TS.MADD, TS.INCRBY and TS.DECRBY share
// (RedisTimeSeries's internalAdd): the retention check, then an append, or an upsert under the
// duplicate policy for a timestamp at or before the newest; compaction rules follow either.
import { configValue, replyError, replyInt } from "ferrite-sdk";
import { CONFIG_DUP_POLICY } from "./create-args";
import { ERR_BLOCKED, ERR_TOO_OLD } from "./errors";
import { seriesUpsert } from "./rewrite";
import { rulesOnAppend } from "./rules";
import { rulesOnRewrite } from "./rules-rewrite";
import { DP_LAST, DP_NONE, Series, seriesAppend } from "./series";

/** The duplicate policy that applies: the command's policyOverride, the series's, or the config's. */
function effectivePolicy(s: Series, policyOverride: i32): i32 {
  if (policyOverride != DP_NONE) return policyOverride;
  return s.dupPolicy != DP_NONE ? s.dupPolicy : <i32>configValue(CONFIG_DUP_POLICY);
}

/** IGNORE: a sample close enough to the newest in time and value is dropped (policy LAST only). */
export function ignored(s: Series, ts: i64, v: f64, policyOverride: i32): bool {
  if (s.totalSamples == 0 || ts < s.lastTs || effectivePolicy(s, policyOverride) != DP_LAST) return false;
  if (s.ignoreMaxTimeDiff == 0 && s.ignoreMaxValDiff == 0) return false;
  return ts - s.lastTs <= s.ignoreMaxTimeDiff && Math.abs(v - s.lastValue) <= s.ignoreMaxValDiff;
}

/** Adds the sample and replies its timestamp, or the error (one reply either way). */
export function addAndReply(s: Series, ts: i64, v: f64, policyOverride: i32): bool {
  if (s.retention > 0 && s.totalSamples > 0 && ts < s.lastTs && s.retention < s.lastTs - ts) {
    replyError(ERR_TOO_OLD);
    return false;
  }
  if (s.totalSamples > 0 && ts <= s.lastTs) {
    if (!seriesUpsert(s, ts, v, effectivePolicy(s, policyOverride))) {
      replyError(ERR_BLOCKED);
      return false;
    }
    if (s.rules) rulesOnRewrite(s, ts, ts);
  } else {
    seriesAppend(s, ts, v);
    if (s.rules) rulesOnAppend(s, ts, v);
  }
  replyInt(ts);
  return true;
}
