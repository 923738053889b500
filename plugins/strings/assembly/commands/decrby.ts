// DECRBY key decrement
import { parsedI64, parseIntArg, replyError } from "ferrite-sdk";
import { incrBy } from "../incr-by";

export function run(_argc: i32, argv: usize): void {
  if (!parseIntArg(argv, 2)) return;
  // Negating i64's minimum overflows before any addition happens.
  if (parsedI64 == i64.MIN_VALUE) { replyError("ERR decrement would overflow"); return; }
  incrBy(argv, -parsedI64);
}
