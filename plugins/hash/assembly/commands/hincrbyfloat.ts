// HINCRBYFLOAT key field increment: in long double as INCRBYFLOAT (the SDK's exact x87 emulation); a
// missing field counts as 0.
import {
  addLongDouble, argLen, argPtr, formatLongDoubleHuman, keyFindArg, longDoubleIncrement, longDoubleText,
  longDoubleValue, parseLongDouble, replyBulk, replyError, replyWrongType, setLongDoubleZero, ERR_NAN_OR_INF,
  ERR_NOT_FLOAT, FIND_WRITE, MISSING, WRONGTYPE,
} from "ferrite-sdk";
import { storeNumber } from "../set-number";
import { HASH_TYPE, foundLen, foundPtr, hashGet } from "../value";
import { HINCRBYFLOAT } from "../events";

export function run(_argc: i32, argv: usize): void {
  const delta = longDoubleIncrement;
  if (!parseLongDouble(argPtr(argv, 3), argLen(argv, 3), delta)) { replyError(ERR_NOT_FLOAT); return; }
  if (!delta.finite) { replyError("ERR value is NaN or Infinity"); return; }
  const found = keyFindArg(argv, 1, HASH_TYPE, FIND_WRITE);
  if (found == WRONGTYPE) { replyWrongType(); return; }
  const value = longDoubleValue;
  setLongDoubleZero(value);
  if (found != MISSING && hashGet(<usize>found, argPtr(argv, 2), argLen(argv, 2))) {
    if (!parseLongDouble(foundPtr, foundLen, value)) { replyError("ERR hash value is not a float"); return; }
  }
  addLongDouble(value, delta);
  if (!value.finite) { replyError(ERR_NAN_OR_INF); return; }
  const len = formatLongDoubleHuman(value, longDoubleText);
  storeNumber(argv, found, longDoubleText, len);
  HINCRBYFLOAT.emitArg(argv, 1);
  replyBulk(longDoubleText, len);
}
