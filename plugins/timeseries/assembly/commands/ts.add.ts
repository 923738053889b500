// TS.ADD key timestamp value [RETENTION ms] [ENCODING e] [CHUNK_SIZE n] [DUPLICATE_POLICY p] [ON_DUPLICATE p] [IGNORE t v] [LABELS l v ...]
// The create options apply only when the key is new; ON_DUPLICATE overrides the policy for this sample.
import { nowMs, replyError, replyInt } from "ferrite-sdk";
import { addAndReply, ignored } from "../add";
import { parsePolicyName } from "../create-args";
import { ERR_BAD_TIMESTAMP, ERR_BAD_VALUE, ERR_DUP_POLICY, ERR_DUP_POLICY_PARSE, ERR_NEGATIVE_TIMESTAMP, ERR_NOT_TSDB } from "../errors";
import { TS_ADD } from "../events";
import { TS_NEGATIVE, TS_OK, argIndex, parseTimestampArg, parseValueArg, parsedTs, parsedValue } from "../keywords";
import { DP_NONE } from "../series";
import { replicateCreated } from "../policy-rules";
import { createdRules, findOrCreateArg } from "../series-key";
import { isStar, replicateResolved } from "../replicate";

export function run(argc: i32, argv: usize): void {
  if (!parseValueArg(argv, 3)) { replyError(ERR_BAD_VALUE); return; }
  const v = parsedValue;
  const tsStatus = parseTimestampArg(argv, 2, nowMs());
  if (tsStatus != TS_OK) { replyError(tsStatus == TS_NEGATIVE ? ERR_NEGATIVE_TIMESTAMP : ERR_BAD_TIMESTAMP); return; }
  const ts = parsedTs;
  const labelsAt = argIndex(argv, 4, argc, "LABELS");
  const onDupAt = argIndex(argv, 4, labelsAt < 0 ? argc : labelsAt, "ON_DUPLICATE");
  let policyOverride = DP_NONE;
  if (onDupAt >= 0) {
    if (onDupAt + 1 >= argc) { replyError(ERR_DUP_POLICY_PARSE); return; }
    policyOverride = parsePolicyName(argv, onDupAt + 1);
    if (policyOverride == DP_NONE) { replyError(ERR_DUP_POLICY); return; }
  }
  const s = findOrCreateArg(argc, argv, 4, ERR_NOT_TSDB);
  if (!s) return;
  if (createdRules) replicateCreated(argv, s);
  if (isStar(argv, 2) || createdRules) replicateResolved(argc, argv, 2, argc, ts);
  if (ignored(s, ts, v, policyOverride)) { replyInt(s.lastTs); return; }
  if (addAndReply(s, ts, v, policyOverride)) TS_ADD.emitArg(argv, 1);
}
