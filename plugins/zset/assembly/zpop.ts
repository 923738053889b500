// ZPOPMIN and ZPOPMAX key [count]
import { argLen, argPtr, parseI64, parsedI64, replyError, ERR_NOT_POSITIVE, ERR_SYNTAX } from "ferrite-sdk";
import { pop, SHAPE_COUNTED, SHAPE_FLAT } from "./pop";

export function zpop(argc: i32, argv: usize, fromMax: bool): void {
  if (argc > 3) { replyError(ERR_SYNTAX); return; }
  if (argc == 2) {
    pop(argv, 1, 1, 1, fromMax, SHAPE_FLAT);
    return;
  }
  if (!parseI64(argPtr(argv, 2), argLen(argv, 2)) || parsedI64 < 0) { replyError(ERR_NOT_POSITIVE); return; }
  pop(argv, 1, 1, parsedI64, fromMax, SHAPE_COUNTED);
}
