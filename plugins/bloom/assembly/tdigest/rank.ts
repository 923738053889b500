// TDIGEST.RANK and TDIGEST.REVRANK: the estimated number of samples below (above) each value, plus half
// of those equal; -1 outside on the near side, the sample count on the far side, -2 for an empty digest.
import { argLen, argPtr, parseF64, parsedF64, replyArray, replyError, replyInt } from "ferrite-sdk";
import { tdMax, tdMergedWeight, tdMin } from "./digest";
import { tdCdf } from "./query";
import { compressedView, viewDone } from "./view";

/** RedisBloom's _halfRoundDown: rounds half towards zero. */
function halfRoundDown(f: f64): f64 {
  const whole = f < 0 ? Math.ceil(f) : Math.floor(f);
  if (Math.abs(f - whole) <= 0.5) return whole;
  return whole >= 0 ? whole + 1 : whole - 1;
}

export function replyRanks(argc: i32, argv: usize, reverse: bool): void {
  const d = compressedView(argv);
  if (d == 0) return;
  for (let i = 2; i < argc; i++) {
    if (!parseF64(argPtr(argv, i), argLen(argv, i))) { replyError("ERR T-Digest: error parsing value"); viewDone(d); return; }
  }
  const size = <f64>tdMergedWeight(d);
  replyArray(argc - 2);
  for (let i = 2; i < argc; i++) {
    parseF64(argPtr(argv, i), argLen(argv, i));
    const v = parsedF64;
    let rank: f64;
    if (size == 0) rank = -2;
    else if (v < tdMin(d)) rank = reverse ? size : -1;
    else if (v > tdMax(d)) rank = reverse ? -1 : size;
    else {
      const scaled = tdCdf(d, v) * size;
      rank = reverse ? Math.round(size - Math.round(scaled)) : halfRoundDown(scaled);
    }
    replyInt(<i64>rank);
  }
  viewDone(d);
}
