// Redis's zunionInterDiffGenericCommand: ZUNION, ZINTER, ZDIFF (replying), their *STORE forms and
// ZINTERCARD. Sources are looked up first (WRONGTYPE wins over option errors, as in Redis), then
// WEIGHTS / AGGREGATE / WITHSCORES / LIMIT are read, and the result is built as a new set.
import {
  argIs, argLen, argPtr, keyDeleteArg, keyFindArg, keySetArg, parsedF64, parsedI64, parseF64, parseI64, parseIntArg,
  replyArray, replyError, replyInt, replyWrongType, ERR_SYNTAX, WRONGTYPE,
} from "ferrite-sdk";
import { replyElements } from "./reply";
import { setAsZset } from "./set-source";
import { ZDIFFSTORE, ZINTERSTORE, ZUNIONSTORE } from "./events";
import {
  zsCard, zsCreate, zsFind, zsFirst, zsFree, zsInsert, zsMember, zsMemberLen, zsNext, zsScore, zsSetScore,
} from "./zset";
import { ZSET_TYPE } from "./zset-key";

export const OP_UNION: i32 = 0;
export const OP_INTER: i32 = 1;
export const OP_DIFF: i32 = 2;

const AGGR_SUM: i32 = 0;
const AGGR_MIN: i32 = 1;
const AGGR_MAX: i32 = 2;

/** Per source, 16 bytes: f64 weight, u32 set (0 for a missing key), u32 1 when the set is a plain set's copy. */
const SOURCE_SIZE: usize = 16;
// @ts-ignore: decorator
@inline function weightOf(src: usize, i: i32): f64 { return load<f64>(src + <usize>i * SOURCE_SIZE); }
// @ts-ignore: decorator
@inline function setOf(src: usize, i: i32): usize { return <usize>load<u32>(src + <usize>i * SOURCE_SIZE, 8); }
// @ts-ignore: decorator
@inline function sizeOf(src: usize, i: i32): i32 { return setOf(src, i) == 0 ? 0 : zsCard(setOf(src, i)); }

/** Frees the sources' table and the sorted sets made from plain sets. */
function freeSources(src: usize, n: i32): void {
  for (let i = 0; i < n; i++) if (load<u32>(src + <usize>i * SOURCE_SIZE, 12)) zsFree(setOf(src, i));
  heap.free(src);
}

/** Redis's zunionInterAggregate: an inf - inf sum counts as 0. */
function aggregate(target: f64, value: f64, how: i32): f64 {
  if (how == AGGR_SUM) {
    const sum = target + value;
    return isNaN(sum) ? 0 : sum;
  }
  if (how == AGGR_MIN) return value < target ? value : target;
  return value > target ? value : target;
}

/** Sorts sources by size, smallest first (a stable insertion sort: there are few). */
const tmp = memory.data(<i32>SOURCE_SIZE);

function sortBySize(src: usize, n: i32): void {
  for (let i = 1; i < n; i++) {
    memory.copy(tmp, src + <usize>i * SOURCE_SIZE, SOURCE_SIZE);
    const size = setOf(tmp, 0) == 0 ? 0 : zsCard(setOf(tmp, 0));
    let j = i - 1;
    for (; j >= 0 && sizeOf(src, j) > size; j--) memory.copy(src + <usize>(j + 1) * SOURCE_SIZE, src + <usize>j * SOURCE_SIZE, SOURCE_SIZE);
    memory.copy(src + <usize>(j + 1) * SOURCE_SIZE, tmp, SOURCE_SIZE);
  }
}

/** The weighted score of the cursor's member in every other source, aggregated; NaN-free; false if one lacks it. */
let interScore: f64 = 0;

function inAllOthers(src: usize, n: i32, z: usize, c: usize, how: i32): bool {
  let score = weightOf(src, 0) * zsScore(z, c);
  if (isNaN(score)) score = 0;
  const m = zsMember(z, c), len = zsMemberLen(z, c);
  for (let j = 1; j < n; j++) {
    const other = setOf(src, j);
    const found = other == z ? c : zsFind(other, m, len);
    if (found == 0) return false;
    score = aggregate(score, zsScore(other, found) * weightOf(src, j), how);
  }
  interScore = score;
  return true;
}

function union(src: usize, n: i32, how: i32): usize {
  const dst = zsCreate();
  for (let i = 0; i < n; i++) {
    const z = setOf(src, i);
    if (z == 0) continue;
    for (let c = zsFirst(z); c != 0; c = zsNext(z, c)) {
      let score = weightOf(src, i) * zsScore(z, c);
      if (isNaN(score)) score = 0;
      const m = zsMember(z, c), len = zsMemberLen(z, c);
      const existing = zsFind(dst, m, len);
      if (existing == 0) zsInsert(dst, score, m, len);
      else zsSetScore(dst, existing, aggregate(zsScore(dst, existing), score, how));
    }
  }
  return dst;
}

function inter(src: usize, n: i32, how: i32): usize {
  const dst = zsCreate();
  const z = setOf(src, 0);
  if (z == 0) return dst;
  for (let c = zsFirst(z); c != 0; c = zsNext(z, c)) {
    if (inAllOthers(src, n, z, c, how)) zsInsert(dst, interScore, zsMember(z, c), zsMemberLen(z, c));
  }
  return dst;
}

function diff(src: usize, n: i32): usize {
  const dst = zsCreate();
  const z = setOf(src, 0);
  if (z == 0) return dst;
  for (let c = zsFirst(z); c != 0; c = zsNext(z, c)) {
    const m = zsMember(z, c), len = zsMemberLen(z, c);
    let elsewhere = false;
    for (let j = 1; j < n && !elsewhere; j++) elsewhere = setOf(src, j) != 0 && zsFind(setOf(src, j), m, len) != 0;
    if (!elsewhere) zsInsert(dst, zsScore(z, c), m, len);
  }
  return dst;
}

function interCard(src: usize, n: i32, limit: i64): i64 {
  const z = setOf(src, 0);
  let count: i64 = 0;
  if (z == 0) return 0;
  for (let c = zsFirst(z); c != 0 && (limit == 0 || count < limit); c = zsNext(z, c)) {
    if (inAllOthers(src, n, z, c, AGGR_SUM)) count++;
  }
  return count;
}

/**
 * numkeys is argument `numkeysArg`; `toKey` means argument 1 is the destination. `noKeysError` is
 * Redis's "at least 1 input key is needed for '<command>' command" with the command's name.
 */
export function setop(argc: i32, argv: usize, numkeysArg: i32, op: i32, toKey: bool, cardOnly: bool, noKeysError: string): void {
  if (!parseIntArg(argv, numkeysArg)) return;
  if (parsedI64 < 1) { replyError(noKeysError); return; }
  if (parsedI64 > <i64>(argc - numkeysArg - 1)) { replyError(ERR_SYNTAX); return; }
  const n = <i32>parsedI64;
  const src = heap.alloc(<usize>n * SOURCE_SIZE);
  memory.fill(src, 0, <usize>n * SOURCE_SIZE);
  for (let i = 0; i < n; i++) {
    const key = numkeysArg + 1 + i;
    const h = keyFindArg(argv, key, ZSET_TYPE);
    const entry = src + <usize>i * SOURCE_SIZE;
    store<f64>(entry, 1);
    if (h == WRONGTYPE) {
      const copy = setAsZset(argPtr(argv, key), argLen(argv, key));
      if (copy == 0) {
        freeSources(src, n);
        replyWrongType();
        return;
      }
      store<u32>(entry, <u32>copy, 8);
      store<u32>(entry, 1, 12);
    } else {
      store<u32>(entry, h < 0 ? 0 : <u32>h, 8);
    }
  }
  let how = AGGR_SUM;
  let withScores = false;
  let limit: i64 = 0;
  const weighted = op != OP_DIFF && !cardOnly;
  for (let j = numkeysArg + 1 + n; j < argc; j++) {
    const remaining = argc - j;
    if (weighted && remaining >= n + 1 && argIs(argv, j, "WEIGHTS")) {
      for (let i = 0; i < n; i++) {
        j++;
        if (!parseF64(argPtr(argv, j), argLen(argv, j))) {
          freeSources(src, n);
          replyError("ERR weight value is not a float");
          return;
        }
        store<f64>(src + <usize>i * SOURCE_SIZE, parsedF64);
      }
    } else if (weighted && remaining >= 2 && argIs(argv, j, "AGGREGATE")) {
      j++;
      if (argIs(argv, j, "SUM")) how = AGGR_SUM;
      else if (argIs(argv, j, "MIN")) how = AGGR_MIN;
      else if (argIs(argv, j, "MAX")) how = AGGR_MAX;
      else {
        freeSources(src, n);
        replyError(ERR_SYNTAX);
        return;
      }
    } else if (!toKey && !cardOnly && argIs(argv, j, "WITHSCORES")) {
      withScores = true;
    } else if (cardOnly && remaining >= 2 && argIs(argv, j, "LIMIT")) {
      j++;
      if (!parseI64(argPtr(argv, j), argLen(argv, j)) || parsedI64 < 0) {
        freeSources(src, n);
        replyError("ERR LIMIT can't be negative");
        return;
      }
      limit = parsedI64;
    } else {
      freeSources(src, n);
      replyError(ERR_SYNTAX);
      return;
    }
  }
  if (op != OP_DIFF) sortBySize(src, n);
  if (cardOnly) {
    replyInt(interCard(src, n, limit));
    freeSources(src, n);
    return;
  }
  const result = op == OP_UNION ? union(src, n, how) : op == OP_INTER ? inter(src, n, how) : diff(src, n);
  freeSources(src, n);
  const count = zsCard(result);
  if (!toKey) {
    if (count == 0) replyArray(0);
    else replyElements(result, zsFirst(result), count, false, withScores);
    zsFree(result);
    return;
  }
  if (count == 0) {
    zsFree(result);
    keyDeleteArg(argv, 1);
  } else {
    keySetArg(argv, 1, ZSET_TYPE, <f64>result);
    (op == OP_UNION ? ZUNIONSTORE : op == OP_INTER ? ZINTERSTORE : ZDIFFSTORE).emitArg(argv, 1);
  }
  replyInt(count);
}
