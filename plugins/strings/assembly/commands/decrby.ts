// DECRBY key decrement
import { argLen, argPtr, parseI64, parsedI64, replyError, ERR_NOT_INTEGER } from "ferrite-sdk";
import { incrBy } from "../incr-by";

export function run(_argc: i32, argv: usize): void {
  if (!parseI64(argPtr(argv, 2), argLen(argv, 2))) { replyError(ERR_NOT_INTEGER); return; }
  // Negating i64's minimum overflows before any addition happens.
  if (parsedI64 == i64.MIN_VALUE) { replyError("ERR decrement would overflow"); return; }
  incrBy(argv, -parsedI64);
}
