// A series that TS.ADD, TS.INCRBY or TS.DECRBY creates gets the compaction rules ts-compaction-policy
// names (RedisTimeSeries's SeriesCreateRulesFromGlobalConfig; TS.CREATE and TS.MADD do not apply it): per
// rule a destination `<key>_<AGG>_<bucket>[_<align>]` with the source's labels plus `aggregation` and
// `time_bucket`, the rule's retention, the configured chunk size and encoding. A destination name that
// is taken is skipped (RedisTimeSeries logs it). No keyspace event for them, as in RedisTimeSeries; the
// AOF gets what happened instead of the command (replicateCreated), so a replay under another policy
// rebuilds the same keys.
import {
  ByteBuilder, DOUBLE_MAX_CHARS, FIND_WRITE, MISSING, argLen, argPtr, callArg, callArgI64, callArgCopy, callArgLiteral, callBegin,
  callReplicate, configValue, currentDb, formatDouble, keyFind, keySet, log,
} from "ferrite-sdk";
import { aggUpper } from "./aggregate";
import { ENC_UNCOMPRESSED } from "./chunk";
import { CONFIG_CHUNK_SIZE, CONFIG_ENCODING } from "./create-args";
import { policyAgg, policyAlign, policyBucket, policyRetention, policyRules } from "./compaction-policy";
import { indexSet } from "./label-index";
import { firstLabel, labelCount, labelsSize, nameLen, namePtr, nextLabel, valueLen, valuePtr } from "./labels";
import { Rule, addRule, ruleDest, ruleNew } from "./rules";
import { DP_NONE, Series, TS_TYPE, replaceBlock, seriesNew } from "./series";
import { replaceLabels } from "./series-key";

const DP_NAMES: StaticArray<string> = ["BLOCK", "FIRST", "LAST", "MIN", "MAX", "SUM"];
const name = new ByteBuilder();
const labels = new ByteBuilder();
const warning = new ByteBuilder();
const number: usize = memory.data(DOUBLE_MAX_CHARS);

/** The rules the policy gives `src`, just created at argument 1; returns how many it got. */
export function applyCompactionPolicy(argv: usize, src: Series): i32 {
  const n = policyRules();
  let made = 0;
  for (let i = 0; i < n; i++) {
    const agg = aggUpper(policyAgg(i)), bucket = policyBucket(i), align = policyAlign(i);
    name.reset();
    name.bytes(argPtr(argv, 1), argLen(argv, 1));
    name.byte(0x5f);
    name.ascii(agg);
    name.byte(0x5f);
    name.i64(bucket);
    if (align != 0) {
      name.byte(0x5f);
      name.i64(align);
    }
    if (keyFind(name.ptr, name.len, -1, FIND_WRITE) != MISSING) {
      warning.reset();
      warning.ascii("Cannot create compacted key, key '");
      warning.bytes(name.ptr, name.len);
      warning.ascii("' already exists");
      log(3, <i32>warning.ptr, warning.len);
      continue;
    }
    const encoding = configValue(CONFIG_ENCODING) == 1 ? ENC_UNCOMPRESSED : 0;
    const dest = seriesNew(policyRetention(i), <i32>configValue(CONFIG_CHUNK_SIZE), encoding, DP_NONE);
    compactedLabels(src.labels, agg, bucket);
    const block = heap.alloc(<usize>labels.len);
    memory.copy(block, labels.ptr, <usize>labels.len);
    replaceLabels(dest, block, labels.len);
    dest.srcKey = replaceBlock(dest, 0, 0, argPtr(argv, 1), argLen(argv, 1));
    dest.srcKeyLen = argLen(argv, 1);
    keySet(name.ptr, name.len, TS_TYPE, <f64>changetype<usize>(dest));
    indexSet(currentDb(), name.ptr, name.len, dest.labels, dest.labelsLen);
    addRule(src, ruleNew(name.ptr, name.len, policyAgg(i), bucket, align));
    made++;
  }
  return made;
}

/** The source's labels, then `aggregation` and `time_bucket`, as one labels block in `labels`. */
function compactedLabels(srcLabels: usize, agg: string, bucket: i64): void {
  labels.reset();
  labels.u32(<u32>labelCount(srcLabels) + 2);
  if (srcLabels) labels.bytes(firstLabel(srcLabels), labelsSize(srcLabels) - 4);
  labelText("aggregation");
  labelText(agg);
  labelText("time_bucket");
  const at = labels.len;
  labels.u32(0);
  labels.i64(bucket);
  store<u32>(labels.ptr + <usize>at, <u32>(labels.len - at - 4));
}

function labelText(text: string): void {
  labels.u32(<u32>text.length);
  labels.ascii(text);
}

/**
 * The AOF lines for a series created with `rules` policy rules at argument 1: TS.CREATE of it with every
 * option resolved, then per rule TS.CREATE of the destination and TS.CREATERULE. The command itself
 * follows (its caller logs it): with the key in place it only adds.
 */
export function replicateCreated(argv: usize, src: Series): void {
  replicateCreate(argPtr(argv, 1), argLen(argv, 1), src);
  for (let r = src.rules; r; r = changetype<Rule>(r).next) {
    const rule = changetype<Rule>(r);
    const dest = changetype<Series>(<usize>keyFind(ruleDest(rule), rule.destLen, TS_TYPE, FIND_WRITE));
    replicateCreate(ruleDest(rule), rule.destLen, dest);
    callBegin();
    callArgLiteral("TS.CREATERULE");
    callArg(argPtr(argv, 1), argLen(argv, 1));
    callArg(ruleDest(rule), rule.destLen);
    callArgLiteral("AGGREGATION");
    callArgLiteral(aggUpper(rule.agg));
    callArgI64(rule.bucket);
    if (rule.align != 0) callArgI64(rule.align);
    callReplicate();
  }
}

function replicateCreate(key: usize, keyLen: i32, s: Series): void {
  callBegin();
  callArgLiteral("TS.CREATE");
  callArg(key, keyLen);
  callArgLiteral("RETENTION");
  callArgI64(s.retention);
  callArgLiteral("ENCODING");
  callArgLiteral(s.encoding == ENC_UNCOMPRESSED ? "UNCOMPRESSED" : "COMPRESSED");
  callArgLiteral("CHUNK_SIZE");
  callArgI64(s.chunkSize);
  if (s.dupPolicy != DP_NONE) {
    callArgLiteral("DUPLICATE_POLICY");
    callArgLiteral(DP_NAMES[s.dupPolicy]);
  }
  if (s.ignoreMaxTimeDiff != 0 || s.ignoreMaxValDiff != 0) {
    callArgLiteral("IGNORE");
    callArgI64(s.ignoreMaxTimeDiff);
    callArgCopy(number, formatDouble(s.ignoreMaxValDiff, number));
  }
  const n = labelCount(s.labels);
  if (n > 0) {
    callArgLiteral("LABELS");
    let at = firstLabel(s.labels);
    for (let i = 0; i < n; i++, at = nextLabel(at)) {
      callArg(namePtr(at), nameLen(at));
      callArg(valuePtr(at), valueLen(at));
    }
  }
  callReplicate();
}
