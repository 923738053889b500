// INCRBYFLOAT key increment: in long double, as Redis computes it (the SDK's exact x87 emulation).
import {
  addLongDouble, argLen, argPtr, formatLongDoubleHuman, keyFindArg, longDoubleIncrement, longDoubleText,
  longDoubleValue, parseLongDouble, replyBulk, replyError, replyWrongType, setLongDoubleZero, ERR_NAN_OR_INF,
  ERR_NOT_FLOAT, FIND_WRITE, MISSING, SET_KEEPTTL, WRONGTYPE,
} from "ferrite-sdk";
import { INCRBYFLOAT } from "../events";
import { storeString } from "../string-key";
import { STRING_TYPE, strAssign, strCreate, strData, strLen, strMarkNotInt } from "../value";

export function run(_argc: i32, argv: usize): void {
  const h = keyFindArg(argv, 1, STRING_TYPE, FIND_WRITE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  const value = longDoubleValue;
  if (h == MISSING) setLongDoubleZero(value);
  else if (!parseLongDouble(strData(<usize>h), strLen(<usize>h), value)) { replyError(ERR_NOT_FLOAT); return; }
  if (!parseLongDouble(argPtr(argv, 2), argLen(argv, 2), longDoubleIncrement)) { replyError(ERR_NOT_FLOAT); return; }
  addLongDouble(value, longDoubleIncrement);
  if (!value.finite) { replyError(ERR_NAN_OR_INF); return; }
  const len = formatLongDoubleHuman(value, longDoubleText);
  let v: usize;
  if (h == MISSING) {
    v = strCreate(longDoubleText, len);
    storeString(argv, 1, v);
  } else {
    v = strAssign(<usize>h, longDoubleText, len);
    if (v != <usize>h) storeString(argv, 1, v, SET_KEEPTTL);
  }
  // Redis stores the result as a plain string object: OBJECT ENCODING says embstr, never int.
  strMarkNotInt(v);
  INCRBYFLOAT.emitArg(argv, 1);
  replyBulk(longDoubleText, len);
}
