// TS.INCRBY / TS.DECRBY key delta [TIMESTAMP ts] [create options]: a new sample (or the newest one
// rewritten) holding the newest value plus or minus delta. Arguments are checked before anything is created.
import { KeyEvent, nowMs, replyError } from "ferrite-sdk";
import { addAndReply } from "./add";
import { ERR_BAD_INCREMENT, ERR_BAD_TIMESTAMP, ERR_INCREMENT_NAN, ERR_NEGATIVE_TIMESTAMP, ERR_OLDER_THAN_MAX, ERR_WRONG_KIND } from "./errors";
import { TS_NEGATIVE, TS_OK, argIndex, parseTimestampArg, parseValueArg, parsedTs, parsedValue } from "./keywords";
import { DP_LAST } from "./series";
import { replicateCreated } from "./policy-rules";
import { createdRules, findOrCreateArg } from "./series-key";
import { replicateResolved, replicateWithTimestamp } from "./replicate";

export function runIncr(argc: i32, argv: usize, sign: f64, event: KeyEvent): void {
  if (!parseValueArg(argv, 2) || isNaN(parsedValue)) { replyError(ERR_BAD_INCREMENT); return; }
  const delta = parsedValue * sign;
  const labelsAt = argIndex(argv, 3, argc, "LABELS");
  const tsAt = argIndex(argv, 3, labelsAt < 0 ? argc : labelsAt, "TIMESTAMP");
  let ts = nowMs();
  if (tsAt >= 0) {
    const status = tsAt + 1 < argc ? parseTimestampArg(argv, tsAt + 1, ts) : 1;
    if (status != TS_OK) { replyError(status == TS_NEGATIVE ? ERR_NEGATIVE_TIMESTAMP : ERR_BAD_TIMESTAMP); return; }
    ts = parsedTs;
  }
  const s = findOrCreateArg(argc, argv, 3, ERR_WRONG_KIND);
  if (!s) return;
  if (createdRules) replicateCreated(argv, s);
  if (tsAt < 0) replicateWithTimestamp(argc, argv, 3, ts);
  else if (createdRules) replicateResolved(argc, argv, argc, 1, ts); // as received, after the lines above
  if (s.totalSamples > 0 && ts < s.lastTs) { replyError(ERR_OLDER_THAN_MAX); return; }
  const base = s.totalSamples > 0 ? s.lastValue : 0;
  if (isNaN(base)) { replyError(ERR_INCREMENT_NAN); return; } // no number to add to
  if (addAndReply(s, ts, base + delta, DP_LAST)) event.emitArg(argv, 1);
}

