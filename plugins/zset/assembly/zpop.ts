// ZPOPMIN and ZPOPMAX key [count], and BZPOPMIN / BZPOPMAX key [key ...] timeout.
import {
  argLen, argPtr, blockOnKeys, parseI64, parsedI64, parsedTimeoutMs, parseTimeoutArg, replyArray, replyError,
  replyNullArray, ERR_NOT_POSITIVE, ERR_SYNTAX,
} from "ferrite-sdk";
import { pop, SHAPE_COUNTED, SHAPE_FLAT, SHAPE_KEYED_ONE } from "./pop";

export function zpop(argc: i32, argv: usize, fromMax: bool): void {
  if (argc > 3) { replyError(ERR_SYNTAX); return; }
  let count: i64 = 1;
  if (argc == 3) {
    if (!parseI64(argPtr(argv, 2), argLen(argv, 2)) || parsedI64 < 0) { replyError(ERR_NOT_POSITIVE); return; }
    count = parsedI64;
  }
  if (!pop(argv, 1, 1, count, fromMax, argc == 3 ? SHAPE_COUNTED : SHAPE_FLAT)) replyArray(0);
}

export function blockingZpop(argc: i32, argv: usize, fromMax: bool): void {
  if (!parseTimeoutArg(argv, argc - 1)) return;
  if (!pop(argv, 1, argc - 2, 1, fromMax, SHAPE_KEYED_ONE) && !blockOnKeys(1, -2, 1, parsedTimeoutMs)) replyNullArray();
}
