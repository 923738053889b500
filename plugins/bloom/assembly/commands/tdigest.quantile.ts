// TDIGEST.QUANTILE key quantile [quantile ...]: each ascending run of quantiles is answered in one walk
// over the centroids, as td_quantiles does.
import { argLen, argPtr, parseF64, parsedF64, replyArray, replyDouble, replyError } from "ferrite-sdk";
import { quantileWalk, tdQuantile } from "../tdigest/query";
import { compressedView, viewDone } from "../tdigest/view";

export function run(argc: i32, argv: usize): void {
  const d = compressedView(argv);
  if (d == 0) return;
  for (let i = 2; i < argc; i++) {
    if (!parseF64(argPtr(argv, i), argLen(argv, i))) { replyError("ERR T-Digest: error parsing quantile"); viewDone(d); return; }
    if (parsedF64 < 0 || parsedF64 > 1) { replyError("ERR T-Digest: quantile should be in [0,1]"); viewDone(d); return; }
  }
  replyArray(argc - 2);
  let previous = Infinity;
  for (let i = 2; i < argc; i++) {
    parseF64(argPtr(argv, i), argLen(argv, i));
    if (parsedF64 < previous) quantileWalk(d);
    previous = parsedF64;
    replyDouble(tdQuantile(d, parsedF64));
  }
  viewDone(d);
}
