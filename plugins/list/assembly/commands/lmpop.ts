// LMPOP numkeys key [key ...] LEFT|RIGHT [COUNT count]
import { argIs, argLen, argPtr, parsedI64, replyError, replyNullArray, replyWrongType, ERR_SYNTAX, FIND_WRITE, MISSING, WRONGTYPE } from "ferrite-sdk";
import { findList, parseCountArg, parseWhere } from "../list-key";
import { popAndReply, POP_KEYED } from "../pop";

export function run(argc: i32, argv: usize): void {
  if (!parseCountArg(argv, 1, 1, "ERR numkeys should be greater than 0")) return;
  const numkeys = parsedI64;
  // numkeys may be anything up to LONG_MAX: compare without adding to it.
  if (numkeys >= <i64>argc - 2) { replyError(ERR_SYNTAX); return; }
  const whereAt = 2 + <i32>numkeys;
  const where = parseWhere(argv, whereAt);
  if (where < 0) return;
  let count: i64 = -1;
  for (let i = whereAt + 1; i < argc; i++) {
    if (count == -1 && i + 1 < argc && argIs(argv, i, "COUNT")) {
      if (!parseCountArg(argv, ++i, 1, "ERR count should be greater than 0")) return;
      count = parsedI64;
    } else {
      replyError(ERR_SYNTAX);
      return;
    }
  }
  for (let i = 2; i < whereAt; i++) {
    const h = findList(argv, i, FIND_WRITE);
    if (h == WRONGTYPE) { replyWrongType(); return; }
    if (h == MISSING) continue;
    popAndReply(argPtr(argv, i), argLen(argv, i), <usize>h, where, count == -1 ? 1 : count, POP_KEYED);
    return;
  }
  replyNullArray();
}
