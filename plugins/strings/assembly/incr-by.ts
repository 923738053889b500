// INCR, DECR, INCRBY, DECRBY: the stored string must be an integer by Redis's rules; the TTL is kept.

import { formatI64, keyFindArg, parsedI64, parseI64, replyError, replyInt, replyWrongType, ERR_NOT_INTEGER, ERR_OVERFLOW, FIND_WRITE, MISSING, SET_KEEPTTL, WRONGTYPE } from "ferrite-sdk";
import { NUMBER_SCRATCH } from "./scratch";
import { INCRBY } from "./events";
import { storeString } from "./string-key";
import { STRING_TYPE, strAssign, strCreate, strData, strLen } from "./value";

export function incrBy(argv: usize, delta: i64): void {
  const h = keyFindArg(argv, 1, STRING_TYPE, FIND_WRITE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  let value: i64 = 0;
  if (h != MISSING) {
    if (!parseI64(strData(<usize>h), strLen(<usize>h))) { replyError(ERR_NOT_INTEGER); return; }
    value = parsedI64;
  }
  if ((delta < 0 && value < 0 && delta < i64.MIN_VALUE - value) || (delta > 0 && value > 0 && delta > i64.MAX_VALUE - value)) {
    replyError(ERR_OVERFLOW);
    return;
  }
  value += delta;
  const len = formatI64(value, NUMBER_SCRATCH);
  if (h == MISSING) {
    storeString(argv, 1, strCreate(NUMBER_SCRATCH, len));
  } else {
    const v = strAssign(<usize>h, NUMBER_SCRATCH, len);
    if (v != <usize>h) storeString(argv, 1, v, SET_KEEPTTL);
  }
  INCRBY.emitArg(argv, 1);
  replyInt(value);
}
