// TDIGEST.TRIMMED_MEAN key low_cut_quantile high_cut_quantile
import { argLen, argPtr, parseF64, parsedF64, replyDouble, replyError } from "ferrite-sdk";
import { tdTrimmedMean } from "../tdigest/query";
import { compressedView, viewDone } from "../tdigest/view";

function fail(d: usize, text: string): void {
  replyError(text);
  viewDone(d);
}

export function run(_argc: i32, argv: usize): void {
  const d = compressedView(argv);
  if (d == 0) return;
  if (!parseF64(argPtr(argv, 2), argLen(argv, 2))) { fail(d, "ERR T-Digest: error parsing low_cut_percentile"); return; }
  const low = parsedF64;
  if (!parseF64(argPtr(argv, 3), argLen(argv, 3))) { fail(d, "ERR T-Digest: error parsing high_cut_percentile"); return; }
  const high = parsedF64;
  if (low < 0 || low > 1 || high < 0 || high > 1) { fail(d, "ERR T-Digest: low_cut_percentile and high_cut_percentile should be in [0,1]"); return; }
  if (low >= high) { fail(d, "ERR T-Digest: low_cut_percentile should be lower than high_cut_percentile"); return; }
  replyDouble(tdTrimmedMean(d, low, high));
  viewDone(d);
}
