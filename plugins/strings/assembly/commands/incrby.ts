// INCRBY key increment
import { parsedI64, parseIntArg } from "ferrite-sdk";
import { incrBy } from "../incr-by";

export function run(_argc: i32, argv: usize): void {
  if (!parseIntArg(argv, 2)) return;
  incrBy(argv, parsedI64);
}
