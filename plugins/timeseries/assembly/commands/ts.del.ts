// TS.DEL key fromTimestamp toTimestamp: deletes the samples in the span; compactions over it are recomputed.
import { replyError, replyInt } from "ferrite-sdk";
import { bucketStartOf } from "../aggregate";
import { ERR_DEL_RETENTION } from "../errors";
import { TS_DEL } from "../events";
import { parseRangeArgs, rFrom, rTo } from "../range-args";
import { seriesDeleteRange } from "../rewrite";
import { Rule } from "../rules";
import { rulesOnRewrite } from "../rules-rewrite";
import { Series, minValidTs } from "../series";
import { seriesArg } from "../series-key";

export function run(argc: i32, argv: usize): void {
  if (!parseRangeArgs(argv, 2, argc)) return;
  const s = seriesArg(argv, 1, true);
  if (!s) return;
  if (s.rules && !deletable(s, rFrom)) { replyError(ERR_DEL_RETENTION); return; }
  const to = rTo < s.lastTs ? rTo : s.lastTs;
  const deleted = seriesDeleteRange(s, rFrom, rTo);
  if (deleted > 0 && s.rules) rulesOnRewrite(s, rFrom, to);
  replyInt(deleted);
  TS_DEL.emitArg(argv, 1);
}

/** A span of a series with rules may be deleted only when every bucket it touches is within retention. */
function deletable(s: Series, from: i64): bool {
  const min = minValidTs(s);
  if (min == 0) return true;
  if (from < min) return false;
  let r = s.rules;
  while (r) {
    const rule = changetype<Rule>(r);
    if (bucketStartOf(from, rule.bucket, rule.align) < min) return false;
    r = rule.next;
  }
  return true;
}
