// TDIGEST.BYRANK and TDIGEST.BYREVRANK: the estimated value at each rank; the minimum (maximum) at rank
// 0, inf (-inf) at or past the sample count, nan for an empty digest.
import { argLen, argPtr, parseI64, parsedI64, replyArray, replyDouble, replyError } from "ferrite-sdk";
import { tdMax, tdMergedWeight, tdMin } from "./digest";
import { tdQuantileAlone } from "./query";
import { compressedView, viewDone } from "./view";

export function replyByRanks(argc: i32, argv: usize, reverse: bool): void {
  const d = compressedView(argv);
  if (d == 0) return;
  for (let i = 2; i < argc; i++) {
    if (!parseI64(argPtr(argv, i), argLen(argv, i))) { replyError("ERR T-Digest: error parsing rank"); viewDone(d); return; }
    if (parsedI64 < 0) { replyError("ERR T-Digest: rank needs to be non negative"); viewDone(d); return; }
  }
  const size = <f64>tdMergedWeight(d);
  replyArray(argc - 2);
  for (let i = 2; i < argc; i++) {
    parseI64(argPtr(argv, i), argLen(argv, i));
    const rank = <f64>parsedI64;
    if (size == 0) replyDouble(NaN);
    else if (rank == 0) replyDouble(reverse ? tdMax(d) : tdMin(d));
    else if (rank >= size) replyDouble(reverse ? -Infinity : Infinity);
    else replyDouble(tdQuantileAlone(d, (reverse ? size - rank - 1 : rank) / size));
  }
  viewDone(d);
}
