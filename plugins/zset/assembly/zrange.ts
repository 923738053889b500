// Redis's zrangeGenericCommand: every ZRANGE-like command (by rank, score or lex, forwards or reversed,
// with LIMIT and WITHSCORES, replying or storing) parses here and becomes a run of ranks.
import {
  argIs, argLen, argPtr, keyDeleteArg, keyFindArg, keySetArg, parsedI64, parseIntArg, replyArray, replyError,
  replyInt, replyWrongType, ERR_SYNTAX, MISSING, WRONGTYPE,
} from "ferrite-sdk";
import {
  BELOW_MIN_LEX, BELOW_MIN_SCORE, ERR_NOT_FLOAT_RANGE, ERR_NOT_LEX_RANGE, UP_TO_MAX_LEX, UP_TO_MAX_SCORE,
  parseLexRange, parseScoreRange,
} from "./range";
import { ranksCount, ranksFirst, selectRanks } from "./rank-range";
import { replyElements } from "./reply";
import { ZRANGESTORE } from "./events";
import {
  zsAtRank, zsCard, zsCountWhile, zsCreate, zsInsert, zsMember, zsMemberLen, zsNext, zsPrev, zsScore,
} from "./zset";
import { ZSET_TYPE } from "./zset-key";

export const BY_AUTO: i32 = 0;
export const BY_RANK: i32 = 1;
export const BY_SCORE: i32 = 2;
export const BY_LEX: i32 = 3;

export const DIR_AUTO: i32 = 0;
export const DIR_FORWARD: i32 = 1;
export const DIR_REVERSE: i32 = 2;

/** The run of elements a range selects: `rangeCount` from rank `rangeFirst`, walking backwards if reversed. */
let rangeFirst: i32 = 0;
let rangeCount: i32 = 0;

/** Z[REV]RANGE's start/stop, counted from the end when reversed. */
function selectByRank(card: i32, start: i64, end: i64, reverse: bool): void {
  selectRanks(card, start, end);
  rangeCount = ranksCount;
  rangeFirst = reverse ? card - 1 - ranksFirst : ranksFirst;
}

/** A score or lex range (already parsed) with LIMIT: a negative offset selects nothing, a negative count everything. */
function selectByRange(z: usize, lex: bool, reverse: bool, offset: i64, limit: i64): void {
  const below = zsCountWhile(z, lex ? BELOW_MIN_LEX : BELOW_MIN_SCORE);
  const upTo = zsCountWhile(z, lex ? UP_TO_MAX_LEX : UP_TO_MAX_SCORE);
  const inRange = <i64>max(upTo - below, 0);
  rangeCount = 0;
  if (offset < 0 || offset >= inRange) return;
  const available = inRange - offset;
  rangeCount = <i32>(limit < 0 || limit > available ? available : limit);
  rangeFirst = reverse ? upTo - 1 - <i32>offset : below + <i32>offset;
}

/** A new set holding the selected elements. */
function collect(z: usize, reverse: bool): usize {
  const dst = zsCreate();
  let c = zsAtRank(z, rangeFirst);
  for (let i = 0; i < rangeCount; i++) {
    zsInsert(dst, zsScore(z, c), zsMember(z, c), zsMemberLen(z, c));
    c = reverse ? zsPrev(z, c) : zsNext(z, c);
  }
  return dst;
}

/**
 * The source key is argument `src`, followed by min and max, then options. With `store`, the result
 * goes to the key in argument 1 (ZRANGESTORE) and the reply is its size.
 */
export function zrange(argc: i32, argv: usize, src: i32, store: bool, by: i32, dir: i32): void {
  let withScores = false;
  let offset: i64 = 0;
  let limit: i64 = -1;
  for (let j = src + 3; j < argc; j++) {
    if (!store && argIs(argv, j, "WITHSCORES")) {
      withScores = true;
    } else if (argIs(argv, j, "LIMIT") && argc - j - 1 >= 2) {
      if (!parseIntArg(argv, j + 1)) return;
      offset = parsedI64;
      if (!parseIntArg(argv, j + 2)) return;
      limit = parsedI64;
      j += 2;
    } else if (dir == DIR_AUTO && argIs(argv, j, "REV")) {
      dir = DIR_REVERSE;
    } else if (by == BY_AUTO && argIs(argv, j, "BYLEX")) {
      by = BY_LEX;
    } else if (by == BY_AUTO && argIs(argv, j, "BYSCORE")) {
      by = BY_SCORE;
    } else {
      replyError(ERR_SYNTAX);
      return;
    }
  }
  if (by == BY_AUTO) by = BY_RANK;
  const reverse = dir == DIR_REVERSE;
  // Redis only objects to a LIMIT that changes something: "LIMIT 0 -1" passes by rank.
  if (limit != -1 && by == BY_RANK) {
    replyError("ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX");
    return;
  }
  if (withScores && by == BY_LEX) {
    replyError("ERR syntax error, WITHSCORES not supported in combination with BYLEX");
    return;
  }
  // Reversed score and lex ranges are written max first.
  const minArg = reverse && by != BY_RANK ? src + 2 : src + 1;
  const maxArg = reverse && by != BY_RANK ? src + 1 : src + 2;
  let start: i64 = 0, end: i64 = 0;
  if (by == BY_RANK) {
    if (!parseIntArg(argv, minArg)) return;
    start = parsedI64;
    if (!parseIntArg(argv, maxArg)) return;
    end = parsedI64;
  } else if (by == BY_SCORE) {
    if (!parseScoreRange(argPtr(argv, minArg), argLen(argv, minArg), argPtr(argv, maxArg), argLen(argv, maxArg))) {
      replyError(ERR_NOT_FLOAT_RANGE);
      return;
    }
  } else if (!parseLexRange(argPtr(argv, minArg), argLen(argv, minArg), argPtr(argv, maxArg), argLen(argv, maxArg))) {
    replyError(ERR_NOT_LEX_RANGE);
    return;
  }
  const h = keyFindArg(argv, src, ZSET_TYPE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  rangeCount = 0;
  if (h != MISSING) {
    const z = <usize>h;
    if (by == BY_RANK) selectByRank(zsCard(z), start, end, reverse);
    else selectByRange(z, by == BY_LEX, reverse, offset, limit);
  }
  if (!store) {
    if (rangeCount == 0) replyArray(0);
    else replyElements(<usize>h, zsAtRank(<usize>h, rangeFirst), rangeCount, reverse, withScores);
    return;
  }
  if (rangeCount == 0) keyDeleteArg(argv, 1);
  else {
    keySetArg(argv, 1, ZSET_TYPE, <f64>collect(<usize>h, reverse));
    ZRANGESTORE.emitArg(argv, 1);
  }
  replyInt(rangeCount);
}
