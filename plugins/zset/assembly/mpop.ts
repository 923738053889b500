// ZMPOP numkeys key [key ...] MIN|MAX [COUNT count], and BZMPOP, the same after its timeout.
import {
  argIs, argLen, argPtr, blockOnKeys, parseI64, parsedI64, parsedTimeoutMs, parseTimeoutArg, replyError,
  replyNullArray, ERR_SYNTAX,
} from "ferrite-sdk";
import { pop, SHAPE_KEYED } from "./pop";

/** `numkeysArg` is 1 for ZMPOP; BZMPOP's timeout is argument 1, so 2 and `blocking`. */
export function mpopCommand(argc: i32, argv: usize, numkeysArg: i32, blocking: bool): void {
  if (!parseI64(argPtr(argv, numkeysArg), argLen(argv, numkeysArg)) || parsedI64 < 1) {
    replyError("ERR numkeys should be greater than 0");
    return;
  }
  const numkeys = parsedI64;
  if (numkeys >= <i64>(argc - numkeysArg - 1)) { replyError(ERR_SYNTAX); return; }
  const whereArg = numkeysArg + 1 + <i32>numkeys;
  const fromMax = argIs(argv, whereArg, "MAX");
  if (!fromMax && !argIs(argv, whereArg, "MIN")) { replyError(ERR_SYNTAX); return; }
  let count: i64 = -1;
  for (let j = whereArg + 1; j < argc; j++) {
    if (count == -1 && argIs(argv, j, "COUNT") && j + 1 < argc) {
      j++;
      if (!parseI64(argPtr(argv, j), argLen(argv, j)) || parsedI64 < 1) {
        replyError("ERR count should be greater than 0");
        return;
      }
      count = parsedI64;
    } else {
      replyError(ERR_SYNTAX);
      return;
    }
  }
  // Like Redis, BZMPOP reads its timeout once the rest is parsed.
  if (blocking && !parseTimeoutArg(argv, 1)) return;
  if (pop(argv, numkeysArg + 1, whereArg - 1, count == -1 ? 1 : count, fromMax, SHAPE_KEYED)) return;
  if (!blocking || !blockOnKeys(numkeysArg + 1, whereArg - 1, 1, parsedTimeoutMs)) replyNullArray();
}
