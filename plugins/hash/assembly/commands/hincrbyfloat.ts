// HINCRBYFLOAT key field increment: the new value as INCRBYFLOAT formats it; a missing field counts as 0.
import {
  argLen, argPtr, formatF64Human, parseF64, parsedF64, replyBulk, replyError, replyWrongType,
  ERR_NAN_OR_INF, ERR_NOT_FLOAT, FIND_WRITE, MISSING, WRONGTYPE,
} from "ferrite-sdk";
import { findHash } from "../hash-key";
import { NUMBER_SCRATCH, storeNumber } from "../set-number";
import { foundLen, foundPtr, hashGet } from "../value";
import { HINCRBYFLOAT } from "../events";

export function run(_argc: i32, argv: usize): void {
  if (!parseF64(argPtr(argv, 3), argLen(argv, 3))) { replyError(ERR_NOT_FLOAT); return; }
  const delta = parsedF64;
  if (!isFinite(delta)) { replyError("ERR value is NaN or Infinity"); return; }
  const found = findHash(argv, 1, FIND_WRITE);
  if (found == WRONGTYPE) { replyWrongType(); return; }
  let value: f64 = 0;
  if (found != MISSING && hashGet(<usize>found, argPtr(argv, 2), argLen(argv, 2))) {
    if (!parseF64(foundPtr, foundLen)) { replyError("ERR hash value is not a float"); return; }
    value = parsedF64;
  }
  value += delta;
  if (!isFinite(value)) { replyError(ERR_NAN_OR_INF); return; }
  const len = formatF64Human(value, NUMBER_SCRATCH);
  storeNumber(argv, found, len);
  HINCRBYFLOAT.emitArg(argv, 1);
  replyBulk(NUMBER_SCRATCH, len);
}
