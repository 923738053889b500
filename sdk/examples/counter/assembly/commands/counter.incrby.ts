// COUNTER.INCRBY key increment
import {
  argLen, argPtr, keyFind, keySet, parseI64, parsedI64, replyError, replyInt, replyWrongType,
  ERR_NOT_INTEGER, ERR_OVERFLOW, FIND_WRITE, MISSING, WRONGTYPE,
} from "ferrite-sdk";
import { counterCreate, counterGet, counterSet, COUNTER_TYPE } from "../counter";

export function run(_argc: i32, argv: usize): void {
  if (!parseI64(argPtr(argv, 2), argLen(argv, 2))) { replyError(ERR_NOT_INTEGER); return; }
  const delta = parsedI64;
  const key = argPtr(argv, 1), keyLen = argLen(argv, 1);
  const h = keyFind(key, keyLen, COUNTER_TYPE, FIND_WRITE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING) {
    keySet(key, keyLen, COUNTER_TYPE, <f64>counterCreate(delta));
    replyInt(delta);
    return;
  }
  const c = <usize>h;
  const value = counterGet(c);
  if ((delta > 0 && value > i64.MAX_VALUE - delta) || (delta < 0 && value < i64.MIN_VALUE - delta)) { replyError(ERR_OVERFLOW); return; }
  counterSet(c, value + delta); // in place: the key already holds this handle
  replyInt(value + delta);
}
