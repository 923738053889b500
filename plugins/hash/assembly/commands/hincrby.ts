// HINCRBY key field increment: the new value; a missing field counts as 0.
import {
  argLen, argPtr, formatI64, keyFindArg, parsedI64, parseI64, parseIntArg, replyError, replyInt, replyWrongType,
  ERR_OVERFLOW, FIND_WRITE, MISSING, WRONGTYPE,
} from "ferrite-sdk";
import { NUMBER_SCRATCH, storeNumber } from "../set-number";
import { HASH_TYPE, foundLen, foundPtr, hashGet } from "../value";
import { HINCRBY } from "../events";

export function run(_argc: i32, argv: usize): void {
  if (!parseIntArg(argv, 3)) return;
  const delta = parsedI64;
  const found = keyFindArg(argv, 1, HASH_TYPE, FIND_WRITE);
  if (found == WRONGTYPE) { replyWrongType(); return; }
  let value: i64 = 0;
  if (found != MISSING && hashGet(<usize>found, argPtr(argv, 2), argLen(argv, 2))) {
    if (!parseI64(foundPtr, foundLen)) { replyError("ERR hash value is not an integer"); return; }
    value = parsedI64;
  }
  if ((delta < 0 && value < 0 && delta < i64.MIN_VALUE - value) || (delta > 0 && value > 0 && delta > i64.MAX_VALUE - value)) {
    replyError(ERR_OVERFLOW);
    return;
  }
  value += delta;
  storeNumber(argv, found, NUMBER_SCRATCH, formatI64(value, NUMBER_SCRATCH));
  HINCRBY.emitArg(argv, 1);
  replyInt(value);
}
