// ZMPOP numkeys key [key ...] <MIN | MAX> [COUNT count]
import { argIs, argLen, argPtr, parseI64, parsedI64, replyError, ERR_SYNTAX } from "ferrite-sdk";
import { pop, SHAPE_KEYED } from "../pop";

export function run(argc: i32, argv: usize): void {
  if (!parseI64(argPtr(argv, 1), argLen(argv, 1)) || parsedI64 < 1) {
    replyError("ERR numkeys should be greater than 0");
    return;
  }
  const numkeys = parsedI64;
  if (numkeys >= <i64>argc - 2) { replyError(ERR_SYNTAX); return; }
  const whereArg = 2 + <i32>numkeys;
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
  pop(argv, 2, whereArg - 1, count == -1 ? 1 : count, fromMax, SHAPE_KEYED);
}
