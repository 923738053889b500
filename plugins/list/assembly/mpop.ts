// LMPOP numkeys key [key ...] LEFT|RIGHT [COUNT count], and BLMPOP, the same after its timeout.

import {
  argIs, argLen, argPtr, blockOnKeys, keyFindWaited, parsedI64, parsedTimeoutMs, parseTimeoutArg, replyError,
  replyNullArray, replyWrongType, ERR_SYNTAX, FIND_WRITE, MISSING, WRONGTYPE,
} from "ferrite-sdk";
import { LIST_TYPE, parseCountArg, parseWhere } from "./list-key";
import { popAndReply, POP_KEYED } from "./pop";

/** `numkeysArg` is 1 for LMPOP; BLMPOP's timeout is argument 1, so 2 and `blocking`. */
export function mpopCommand(argc: i32, argv: usize, numkeysArg: i32, blocking: bool): void {
  if (!parseCountArg(argv, numkeysArg, 1, "ERR numkeys should be greater than 0")) return;
  const numkeys = parsedI64;
  // numkeys may be anything up to LONG_MAX: compare without adding to it.
  if (numkeys >= <i64>(argc - numkeysArg - 1)) { replyError(ERR_SYNTAX); return; }
  const whereAt = numkeysArg + 1 + <i32>numkeys;
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
  // Like Redis, BLMPOP reads its timeout once the rest is parsed.
  if (blocking && !parseTimeoutArg(argv, 1)) return;
  for (let i = numkeysArg + 1; i < whereAt; i++) {
    const h = keyFindWaited(argPtr(argv, i), argLen(argv, i), LIST_TYPE, FIND_WRITE);
    if (h == WRONGTYPE) { replyWrongType(); return; }
    if (h == MISSING) continue;
    popAndReply(argPtr(argv, i), argLen(argv, i), <usize>h, where, count == -1 ? 1 : count, POP_KEYED);
    return;
  }
  if (!blocking || !blockOnKeys(numkeysArg + 1, whereAt - 1, 1, parsedTimeoutMs)) replyNullArray();
}
