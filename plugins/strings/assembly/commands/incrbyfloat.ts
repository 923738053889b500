// INCRBYFLOAT key increment
import {
  argLen, argPtr, formatF64Human, parseF64, parsedF64, replyBulk, replyError, replyWrongType,
  ERR_NAN_OR_INF, ERR_NOT_FLOAT, FIND_WRITE, MISSING, SET_KEEPTTL, WRONGTYPE,
} from "ferrite-sdk";
import { NUMBER_SCRATCH } from "../scratch";
import { INCRBYFLOAT } from "../events";
import { findString, storeString } from "../string-key";
import { strAssign, strCreate, strData, strLen, strMarkNotInt } from "../value";

export function run(_argc: i32, argv: usize): void {
  const h = findString(argv, 1, FIND_WRITE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  let value: f64 = 0;
  if (h != MISSING) {
    if (!parseF64(strData(<usize>h), strLen(<usize>h))) { replyError(ERR_NOT_FLOAT); return; }
    value = parsedF64;
  }
  if (!parseF64(argPtr(argv, 2), argLen(argv, 2))) { replyError(ERR_NOT_FLOAT); return; }
  value += parsedF64;
  if (!isFinite(value)) { replyError(ERR_NAN_OR_INF); return; }
  const len = formatF64Human(value, NUMBER_SCRATCH);
  let v: usize;
  if (h == MISSING) {
    v = strCreate(NUMBER_SCRATCH, len);
    storeString(argv, 1, v);
  } else {
    v = strAssign(<usize>h, NUMBER_SCRATCH, len);
    if (v != <usize>h) storeString(argv, 1, v, SET_KEEPTTL);
  }
  // Redis stores the result as a plain string object: OBJECT ENCODING says embstr, never int.
  strMarkNotInt(v);
  INCRBYFLOAT.emitArg(argv, 1);
  replyBulk(NUMBER_SCRATCH, len);
}
