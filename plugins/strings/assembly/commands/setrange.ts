// SETRANGE key offset value: overwrite from offset, zero-padding a shorter (or missing) string.
import {
  argLen, argPtr, keyFindArg, parsedI64, parseIntArg, replyError, replyInt, replyWrongType, ERR_STRING_TOO_LONG,
  FIND_WRITE, MISSING, SET_KEEPTTL, WRONGTYPE,
} from "ferrite-sdk";
import { storeString } from "../string-key";
import { SETRANGE } from "../events";
import { MAX_STRING_LEN, STRING_TYPE, strCreateZeroed, strData, strLen, strMarkRaw, strReserve } from "../value";

export function run(_argc: i32, argv: usize): void {
  if (!parseIntArg(argv, 2)) return;
  const offset = parsedI64;
  if (offset < 0) { replyError("ERR offset is out of range"); return; }
  const src = argPtr(argv, 3);
  const srcLen = argLen(argv, 3);
  const h = keyFindArg(argv, 1, STRING_TYPE, FIND_WRITE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (srcLen == 0) { replyInt(h == MISSING ? 0 : strLen(<usize>h)); return; }
  // Not `offset + srcLen > MAX`: an offset near 2^63 wraps the sum negative and would pass.
  if (offset > MAX_STRING_LEN - <i64>srcLen) { replyError(ERR_STRING_TOO_LONG); return; }
  const end = <i32>offset + srcLen;
  let v: usize;
  if (h == MISSING) {
    v = strCreateZeroed(end);
    storeString(argv, 1, v);
  } else {
    const old = <usize>h;
    v = end > strLen(old) ? strReserve(old, end) : old;
    if (v != old) storeString(argv, 1, v, SET_KEEPTTL);
  }
  memory.copy(strData(v) + <usize>offset, src, <usize>srcLen);
  strMarkRaw(v);
  SETRANGE.emitArg(argv, 1);
  replyInt(strLen(v));
}
