// APPEND key value
import { argLen, argPtr, keyFindArg, replyError, replyInt, replyWrongType, ERR_STRING_TOO_LONG, FIND_WRITE, MISSING, SET_KEEPTTL, WRONGTYPE } from "ferrite-sdk";
import { storeString } from "../string-key";
import { APPEND } from "../events";
import { MAX_STRING_LEN, STRING_TYPE, strCreate, strData, strLen, strMarkRaw, strReserve } from "../value";

export function run(_argc: i32, argv: usize): void {
  const add = argPtr(argv, 2);
  const addLen = argLen(argv, 2);
  const h = keyFindArg(argv, 1, STRING_TYPE, FIND_WRITE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING) {
    storeString(argv, 1, strCreate(add, addLen));
    APPEND.emitArg(argv, 1);
    replyInt(addLen);
    return;
  }
  const old = <usize>h;
  const oldLen = strLen(old);
  if (<i64>oldLen + addLen > MAX_STRING_LEN) { replyError(ERR_STRING_TOO_LONG); return; }
  const v = strReserve(old, oldLen + addLen);
  memory.copy(strData(v) + oldLen, add, <usize>addLen);
  strMarkRaw(v);
  if (v != old) storeString(argv, 1, v, SET_KEEPTTL);
  APPEND.emitArg(argv, 1);
  replyInt(oldLen + addLen);
}
