// TS.RANGE and TS.REVRANGE: key fromTimestamp toTimestamp [options]. A series the host demoted is read
// through page access, only the chunks the range needs, and stays demoted (paged-range.ts).
import { argLen, argPtr } from "ferrite-sdk";
import { demotedSize, pagedSeries } from "./paged-range";
import { rangeCollect, replySamples } from "./range";
import { parseRangeArgs, rFrom, rTo } from "./range-args";
import { rangeScratch } from "./scratch";
import { seriesFree } from "./series";
import { seriesArg } from "./series-key";

export function runRange(argc: i32, argv: usize, reverse: bool): void {
  const key = argPtr(argv, 1), keyLen = argLen(argv, 1);
  const saved = demotedSize(key, keyLen);
  if (saved >= 0) { // a demoted series: the key exists and is one, so the arguments come first here
    if (!parseRangeArgs(argv, 2, argc)) return;
    const paged = pagedSeries(key, keyLen, saved, rFrom, rTo);
    if (paged) {
      rangeCollect(paged, key, keyLen, rangeScratch);
      seriesFree(paged);
      replySamples(rangeScratch, reverse);
      return;
    }
  }
  const s = seriesArg(argv, 1, false);
  if (!s) return;
  if (!parseRangeArgs(argv, 2, argc)) return;
  rangeCollect(s, key, keyLen, rangeScratch);
  replySamples(rangeScratch, reverse);
}
