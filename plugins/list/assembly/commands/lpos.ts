// LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len]
import {
  argIs, argLen, argPtr, keyFindArg, parseCount, parsedI64, parseIntArg, replyArray, replyError, replyInt, replyNull,
  replyWrongType, ERR_SYNTAX, MISSING, WRONGTYPE,
} from "ferrite-sdk";
import { entryEquals } from "../entry";
import { listLen } from "../header";
import { curEntry, curNext, curNode, curPrev, seek } from "../list";
import { LIST_TYPE } from "../list-key";

/** Indexes found when COUNT is given; the reply is written once they are all known. */
let matchCount: i32 = 0;
let rank: i64 = 1;
/** -1: no COUNT option (reply an integer or null). */
let count: i64 = -1;
let maxlen: i64 = 0;

export function run(argc: i32, argv: usize): void {
  if (!parseOptions(argc, argv)) return;
  const h = keyFindArg(argv, 1, LIST_TYPE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING) {
    if (count == -1) replyNull(); else replyArray(0);
    return;
  }
  const l = <usize>h;
  const element = argPtr(argv, 2), elementLen = argLen(argv, 2);
  const len = listLen(l);
  const backwards = rank < 0;
  const skip = backwards ? -rank - 1 : rank - 1;
  // Two passes when COUNT is given: the array header comes before the indexes.
  matchCount = 0;
  scan(l, element, elementLen, backwards, skip, len, false);
  if (count == -1) { if (matchCount == 0) replyNull(); return; }
  replyArray(matchCount);
  scan(l, element, elementLen, backwards, skip, len, true);
}

/** Walks the list counting matches past the first `skip`; the first pass only counts (or, without COUNT, replies the first). */
function scan(l: usize, element: usize, elementLen: i32, backwards: bool, skip: i64, len: i32, emit: bool): void {
  let matches: i64 = 0, found: i64 = 0;
  const wanted = count <= 0 ? i64.MAX_VALUE : count;
  seek(l, backwards ? len - 1 : 0);
  for (let scanned: i64 = 0; curNode && (maxlen == 0 || scanned < maxlen); scanned++) {
    if (entryEquals(curEntry(), element, elementLen) && matches++ >= skip) {
      const index = backwards ? <i64>len - 1 - scanned : scanned;
      if (count == -1) { replyInt(index); matchCount = 1; return; }
      if (emit) replyInt(index); else matchCount++;
      if (++found >= wanted) return;
    }
    if (backwards) curPrev(); else curNext();
  }
}

function parseOptions(argc: i32, argv: usize): bool {
  rank = 1; count = -1; maxlen = 0;
  for (let i = 3; i < argc; i++) {
    const more = i + 1 < argc;
    if (more && argIs(argv, i, "RANK")) {
      i++;
      if (!parseIntArg(argv, i)) return false;
      rank = parsedI64;
      // Redis 7.2 bounds RANK to ±LONG_MAX so that negating it cannot overflow.
      if (rank == i64.MIN_VALUE) {
        replyError("ERR value is out of range, must be between -9223372036854775807 and 9223372036854775807");
        return false;
      }
      if (rank == 0) {
        replyError("ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list");
        return false;
      }
    } else if (more && argIs(argv, i, "COUNT")) {
      if (!parseCount(argv, ++i, 0, "ERR COUNT can't be negative")) return false;
      count = parsedI64;
    } else if (more && argIs(argv, i, "MAXLEN")) {
      if (!parseCount(argv, ++i, 0, "ERR MAXLEN can't be negative")) return false;
      maxlen = parsedI64;
    } else {
      replyError(ERR_SYNTAX);
      return false;
    }
  }
  return true;
}
