// TS.RANGE and TS.REVRANGE: key fromTimestamp toTimestamp [options].
import { argLen, argPtr } from "ferrite-sdk";
import { rangeCollect, replySamples } from "./range";
import { parseRangeArgs } from "./range-args";
import { rangeScratch } from "./scratch";
import { seriesArg } from "./series-key";

export function runRange(argc: i32, argv: usize, reverse: bool): void {
  const s = seriesArg(argv, 1, false);
  if (!s) return;
  if (!parseRangeArgs(argv, 2, argc)) return;
  rangeCollect(s, argPtr(argv, 1), argLen(argv, 1), rangeScratch);
  replySamples(rangeScratch, reverse);
}
