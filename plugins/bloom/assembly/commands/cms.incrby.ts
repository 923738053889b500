// CMS.INCRBY key item increment [item increment ...]: each item's estimate after the increment.
import { argLen, argPtr, parseI64, parsedI64, replyArityError, replyArray, replyError, replyInt, FIND_WRITE } from "ferrite-sdk";
import { ERR_CMS_NOT_FOUND } from "../cms/errors";
import { CELL_MAX, sketchIncrBy } from "../cms/sketch";
import { findValue } from "../find-value";
import { CMS_TYPE } from "../type-ids";

export function run(argc: i32, argv: usize): void {
  if ((argc & 1) == 1) { replyArityError(argv); return; }
  const s = findValue(argv, 1, CMS_TYPE, ERR_CMS_NOT_FOUND, FIND_WRITE);
  if (s == 0) return;
  // Every increment is read before any is applied: a bad one changes nothing.
  for (let i = 3; i < argc; i += 2) {
    if (!parseI64(argPtr(argv, i), argLen(argv, i))) { replyError("CMS: Cannot parse number"); return; }
    if (parsedI64 < 0) { replyError("CMS: Number cannot be negative"); return; }
  }
  replyArray((argc - 2) >> 1);
  for (let i = 2; i < argc; i += 2) {
    parseI64(argPtr(argv, i + 1), argLen(argv, i + 1));
    const count = sketchIncrBy(s, argPtr(argv, i), argLen(argv, i), <u64>parsedI64);
    if (count == CELL_MAX) replyError("CMS: INCRBY overflow");
    else replyInt(<i64>count);
  }
}
