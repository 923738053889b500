// TDIGEST.CDF key value [value ...]: the estimated fraction of samples at or below each value.
import { argLen, argPtr, parseF64, parsedF64, replyArray, replyDouble, replyError } from "ferrite-sdk";
import { tdCdf } from "../tdigest/query";
import { compressedView, viewDone } from "../tdigest/view";

export function run(argc: i32, argv: usize): void {
  const d = compressedView(argv);
  if (d == 0) return;
  for (let i = 2; i < argc; i++) {
    if (!parseF64(argPtr(argv, i), argLen(argv, i))) { replyError("ERR T-Digest: error parsing cdf"); viewDone(d); return; }
  }
  replyArray(argc - 2);
  for (let i = 2; i < argc; i++) {
    parseF64(argPtr(argv, i), argLen(argv, i));
    replyDouble(tdCdf(d, parsedF64));
  }
  viewDone(d);
}
