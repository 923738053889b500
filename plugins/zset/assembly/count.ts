// ZCOUNT and ZLEXCOUNT key min max: the size of a score or lex range.
import { argLen, argPtr, keyFindArg, replyError, replyInt, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import {
  BELOW_MIN_LEX, BELOW_MIN_SCORE, ERR_NOT_FLOAT_RANGE, ERR_NOT_LEX_RANGE, UP_TO_MAX_LEX, UP_TO_MAX_SCORE,
  parseLexRange, parseScoreRange,
} from "./range";
import { zsCountWhile } from "./zset";
import { ZSET_TYPE } from "./zset-key";

/** Parses arguments 2 and 3 as a lex or score range; replies with the error and returns false if they are not one. */
export function parseRangeArgs(argv: usize, lex: bool): bool {
  const minPtr = argPtr(argv, 2), minLen = argLen(argv, 2), maxPtr = argPtr(argv, 3), maxLen = argLen(argv, 3);
  if (lex ? parseLexRange(minPtr, minLen, maxPtr, maxLen) : parseScoreRange(minPtr, minLen, maxPtr, maxLen)) return true;
  replyError(lex ? ERR_NOT_LEX_RANGE : ERR_NOT_FLOAT_RANGE);
  return false;
}

/** First rank in the parsed range, and how many elements it holds. */
export let rangeStart: i32 = 0;
export let rangeSize: i32 = 0;

export function locateRange(z: usize, lex: bool): void {
  rangeStart = zsCountWhile(z, lex ? BELOW_MIN_LEX : BELOW_MIN_SCORE);
  rangeSize = max(zsCountWhile(z, lex ? UP_TO_MAX_LEX : UP_TO_MAX_SCORE) - rangeStart, 0);
}

export function zcount(argv: usize, lex: bool): void {
  if (!parseRangeArgs(argv, lex)) return;
  const h = keyFindArg(argv, 1, ZSET_TYPE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING) { replyInt(0); return; }
  locateRange(<usize>h, lex);
  replyInt(rangeSize);
}
