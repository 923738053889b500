// INCRBY key increment
import { argLen, argPtr, parseI64, parsedI64, replyError, ERR_NOT_INTEGER } from "ferrite-sdk";
import { incrBy } from "../incr-by";

export function run(_argc: i32, argv: usize): void {
  if (!parseI64(argPtr(argv, 2), argLen(argv, 2))) { replyError(ERR_NOT_INTEGER); return; }
  incrBy(argv, parsedI64);
}
