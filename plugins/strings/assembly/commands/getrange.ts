// GETRANGE key start end (inclusive offsets, negative from the end)
import { argLen, argPtr, parseI64, parsedI64, replyBulk, replyError, replyWrongType, ERR_NOT_INTEGER, MISSING, WRONGTYPE } from "ferrite-sdk";
import { findString } from "../string-key";
import { strData, strLen } from "../value";

export function run(_argc: i32, argv: usize): void {
  if (!parseI64(argPtr(argv, 2), argLen(argv, 2))) { replyError(ERR_NOT_INTEGER); return; }
  let start = parsedI64;
  if (!parseI64(argPtr(argv, 3), argLen(argv, 3))) { replyError(ERR_NOT_INTEGER); return; }
  let end = parsedI64;
  const h = findString(argv, 1);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING) { replyBulk(0, 0); return; }
  const v = <usize>h;
  const len = <i64>strLen(v);
  if (start < 0 && end < 0 && start > end) { replyBulk(0, 0); return; }
  if (start < 0) start += len;
  if (end < 0) end += len;
  if (start < 0) start = 0;
  if (end < 0) end = 0;
  if (end >= len) end = len - 1;
  if (start > end || len == 0) { replyBulk(0, 0); return; }
  replyBulk(strData(v) + <usize>start, <i32>(end - start + 1));
}
