// ZREMRANGEBYRANK, ZREMRANGEBYSCORE and ZREMRANGEBYLEX key min max.
import {
  keyDropArgIfEmpty, keyFindArg, parsedStart, parsedStop, parseStartStop, replyInt, replyWrongType, FIND_WRITE,
  MISSING, WRONGTYPE,
} from "ferrite-sdk";
import { locateRange, parseRangeArgs, rangeSize, rangeStart } from "./count";
import { ranksCount, ranksFirst, selectRanks } from "./rank-range";
import { ZREMRANGEBYLEX, ZREMRANGEBYRANK, ZREMRANGEBYSCORE } from "./events";
import { zsCard, zsDeleteRange } from "./zset";
import { ZSET_TYPE } from "./zset-key";

export const REM_BY_RANK: i32 = 0;
export const REM_BY_SCORE: i32 = 1;
export const REM_BY_LEX: i32 = 2;

export function zremrange(argv: usize, by: i32): void {
  let start: i64 = 0, end: i64 = 0;
  if (by == REM_BY_RANK) {
    if (!parseStartStop(argv, 2)) return;
    start = parsedStart;
    end = parsedStop;
  } else if (!parseRangeArgs(argv, by == REM_BY_LEX)) {
    return;
  }
  const h = keyFindArg(argv, 1, ZSET_TYPE, FIND_WRITE);
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
  keyDropArgIfEmpty(argv, 1, zsCard(z));
  replyInt(count);
}
