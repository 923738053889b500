// ZREMRANGEBYRANK, ZREMRANGEBYSCORE and ZREMRANGEBYLEX key min max.
import {
  argLen, argPtr, parseI64, parsedI64, replyError, replyInt, replyWrongType, ERR_NOT_INTEGER, FIND_WRITE,
  MISSING, WRONGTYPE,
} from "ferrite-sdk";
import { locateRange, parseRangeArgs, rangeSize, rangeStart } from "./count";
import { ranksCount, ranksFirst, selectRanks } from "./rank-range";
import { deleteIfEmpty, findZset } from "./zset-key";
import { ZREMRANGEBYLEX, ZREMRANGEBYRANK, ZREMRANGEBYSCORE } from "./events";
import { zsCard, zsDeleteRange } from "./zset";

export const REM_BY_RANK: i32 = 0;
export const REM_BY_SCORE: i32 = 1;
export const REM_BY_LEX: i32 = 2;

export function zremrange(argv: usize, by: i32): void {
  let start: i64 = 0, end: i64 = 0;
  if (by == REM_BY_RANK) {
    if (!parseI64(argPtr(argv, 2), argLen(argv, 2))) { replyError(ERR_NOT_INTEGER); return; }
    start = parsedI64;
    if (!parseI64(argPtr(argv, 3), argLen(argv, 3))) { replyError(ERR_NOT_INTEGER); return; }
    end = parsedI64;
  } else if (!parseRangeArgs(argv, by == REM_BY_LEX)) {
    return;
  }
  const h = findZset(argv, 1, FIND_WRITE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING) { replyInt(0); return; }
  const z = <usize>h;
  let first: i32 = 0, count: i32 = 0;
  if (by == REM_BY_RANK) {
    selectRanks(zsCard(z), start, end);
    first = ranksFirst;
    count = ranksCount;
  } else {
    locateRange(z, by == REM_BY_LEX);
    first = rangeStart;
    count = rangeSize;
  }
  zsDeleteRange(z, first, count);
  if (count > 0) (by == REM_BY_RANK ? ZREMRANGEBYRANK : by == REM_BY_SCORE ? ZREMRANGEBYSCORE : ZREMRANGEBYLEX).emitArg(argv, 1);
  deleteIfEmpty(argv, 1, z);
  replyInt(count);
}
