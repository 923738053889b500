// The options TS.CREATE, TS.ALTER and the auto-creating writes (TS.ADD, TS.INCRBY, TS.DECRBY) share,
// checked in RedisTimeSeries's order, each defaulting to its config. LABELS takes every argument after it.
import { argIs, argLen, argPtr, configFloat, configValue, parseF64, parsedF64, parsedI64, replyError } from "ferrite-sdk";
import { ENC_COMPRESSED, ENC_UNCOMPRESSED } from "./chunk";
import {
  ERR_CHUNK_SIZE, ERR_CHUNK_SIZE_PARSE, ERR_DUP_POLICY, ERR_DUP_POLICY_PARSE, ERR_ENCODING, ERR_IGNORE, ERR_IGNORE_NEGATIVE, ERR_LABELS, ERR_RETENTION, ERR_RETENTION_NEGATIVE,
} from "./errors";
import { argIndex, intAfter } from "./keywords";
import { labelsBlock, labelsBlockLen, labelsFromArgs } from "./labels";
import { DP_BLOCK, DP_FIRST, DP_LAST, DP_MAX, DP_MIN, DP_NONE, DP_SUM } from "./series";

export const CONFIG_RETENTION = 0;
export const CONFIG_CHUNK_SIZE = 1;
export const CONFIG_DUP_POLICY = 2;
export const CONFIG_ENCODING = 3;
export const CONFIG_IGNORE_TIME = 4;
export const CONFIG_IGNORE_VAL = 5; // a float config (host API 1.7)
// 6 (ts-num-threads) is accepted and not read (ADR 0048); 7 is compaction-policy.ts's.

/** The parsed options (module state, as the SDK's parsers keep theirs). `has*`: given explicitly. */
export let optRetention: i64 = 0;
export let optChunkSize: i32 = 0;
export let optEncoding: i32 = 0;
export let optDupPolicy: i32 = DP_NONE;
export let optIgnoreTime: i64 = 0;
export let optIgnoreVal: f64 = 0;
export let optLabels: usize = 0; // a new block the caller takes over (or frees)
export let optLabelsLen: i32 = 0;
export let hasRetention = false;
export let hasChunkSize = false;
export let hasDupPolicy = false;
export let hasIgnore = false;
export let hasLabels = false;

/** BLOCK..SUM by name, or DP_NONE. */
export function parsePolicyName(argv: usize, i: i32): i32 {
  if (argIs(argv, i, "BLOCK")) return DP_BLOCK;
  if (argIs(argv, i, "FIRST")) return DP_FIRST;
  if (argIs(argv, i, "LAST")) return DP_LAST;
  if (argIs(argv, i, "MIN")) return DP_MIN;
  if (argIs(argv, i, "MAX")) return DP_MAX;
  if (argIs(argv, i, "SUM")) return DP_SUM;
  return DP_NONE;
}

/**
 * Reads the options in arguments [from, argc) with `policyKeyword` naming the duplicate policy
 * (DUPLICATE_POLICY; TS.ADD also reads ON_DUPLICATE, separately). Replies the error and returns false.
 */
export function parseCreateArgs(argc: i32, argv: usize, from: i32): bool {
  const labelsAt = argIndex(argv, from, argc, "LABELS");
  const end = labelsAt < 0 ? argc : labelsAt; // keywords are looked for before LABELS only
  optLabels = 0;
  optLabelsLen = 0;
  hasLabels = labelsAt >= 0;
  if (hasLabels) {
    if (!labelsFromArgs(argv, labelsAt + 1, argc)) { replyError(ERR_LABELS); return false; }
    optLabels = labelsBlock;
    optLabelsLen = labelsBlockLen;
  }
  optRetention = configValue(CONFIG_RETENTION);
  const retentionAt = argIndex(argv, from, end, "RETENTION");
  hasRetention = retentionAt >= 0;
  if (hasRetention) {
    if (!intAfter(argv, argc, retentionAt)) return fail(ERR_RETENTION);
    if (parsedI64 < 0) return fail(ERR_RETENTION_NEGATIVE);
    optRetention = parsedI64;
  }
  optChunkSize = <i32>configValue(CONFIG_CHUNK_SIZE);
  const sizeAt = argIndex(argv, from, end, "CHUNK_SIZE");
  hasChunkSize = sizeAt >= 0;
  if (hasChunkSize) {
    if (!intAfter(argv, argc, sizeAt)) return fail(ERR_CHUNK_SIZE_PARSE);
    if (parsedI64 < 48 || parsedI64 > 1048576 || parsedI64 % 8 != 0) return fail(ERR_CHUNK_SIZE);
    optChunkSize = <i32>parsedI64;
  }
  optEncoding = <i32>configValue(CONFIG_ENCODING) == 1 ? ENC_UNCOMPRESSED : ENC_COMPRESSED;
  const encodingAt = argIndex(argv, from, end, "ENCODING");
  if (encodingAt >= 0) {
    if (encodingAt + 1 >= argc) return fail(ERR_ENCODING);
    if (argIs(argv, encodingAt + 1, "COMPRESSED")) optEncoding = ENC_COMPRESSED;
    else if (argIs(argv, encodingAt + 1, "UNCOMPRESSED")) optEncoding = ENC_UNCOMPRESSED;
    else return fail(ERR_ENCODING);
  } else if (argIndex(argv, from, end, "UNCOMPRESSED") >= 0) {
    optEncoding = ENC_UNCOMPRESSED; // the old spelling, still accepted
  }
  optDupPolicy = DP_NONE;
  const policyAt = argIndex(argv, from, end, "DUPLICATE_POLICY");
  hasDupPolicy = policyAt >= 0;
  if (hasDupPolicy) {
    if (policyAt + 1 >= argc) return fail(ERR_DUP_POLICY_PARSE);
    optDupPolicy = parsePolicyName(argv, policyAt + 1);
    if (optDupPolicy == DP_NONE) return fail(ERR_DUP_POLICY);
  }
  optIgnoreTime = configValue(CONFIG_IGNORE_TIME);
  optIgnoreVal = configFloat(CONFIG_IGNORE_VAL);
  const ignoreAt = argIndex(argv, from, end, "IGNORE");
  hasIgnore = ignoreAt >= 0;
  if (hasIgnore) {
    if (!intAfter(argv, argc, ignoreAt) || ignoreAt + 2 >= argc) return fail(ERR_IGNORE);
    optIgnoreTime = parsedI64;
    if (!parseF64(argPtr(argv, ignoreAt + 2), argLen(argv, ignoreAt + 2)) || !isFinite(parsedF64)) return fail(ERR_IGNORE);
    optIgnoreVal = parsedF64;
    if (optIgnoreTime < 0 || optIgnoreVal < 0) return fail(ERR_IGNORE_NEGATIVE);
  }
  return true;
}

function fail(text: string): bool {
  if (optLabels) heap.free(optLabels);
  optLabels = 0;
  replyError(text);
  return false;
}
