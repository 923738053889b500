// JSON.ARRTRIM key path start stop: keeps only [start, stop] (inclusive, LTRIM's rules: negative from
// the end, out-of-range clamped, an empty range empties) of each array at path; the new lengths.
import { parseIntArg, parsedI64, FIND_WRITE } from "ferrite-sdk";
import { replyNewLengths } from "../array-values";
import { docSettle } from "../document";
import { JSON_ARRTRIM } from "../events";
import { arrRemoveRange, count, K_ARRAY, kind, liveBytes } from "../node";
import { matchCount, matchNode } from "../path";
import { doc, openExisting } from "../query";

function trim(a: usize, start: i64, stop: i64): void {
  const len = <i64>count(a);
  if (start < 0) start = max<i64>(0, start + len);
  if (stop < 0) stop += len;
  if (stop >= len) stop = len - 1;
  const empty = start > stop || start >= len;
  arrRemoveRange(a, empty ? 0 : <i32>stop + 1, <i32>len); // the tail first: the head's removal then moves less
  arrRemoveRange(a, 0, empty ? 0 : <i32>start);
}

export function run(argc: i32, argv: usize): void {
  if (!parseIntArg(argv, 3)) return;
  const start = parsedI64;
  if (!parseIntArg(argv, 4)) return;
  const stop = parsedI64;
  if (!openExisting(argc, argv, 2, FIND_WRITE)) return;
  const mark = liveBytes;
  let arrays = 0;
  let last: i64 = 0;
  for (let i = 0; i < matchCount; i++) {
    if (kind(matchNode(i)) != K_ARRAY) continue;
    trim(matchNode(i), start, stop);
    last = count(matchNode(i));
    arrays++;
  }
  docSettle(doc, mark);
  if (arrays > 0) JSON_ARRTRIM.emitArg(argv, 1);
  replyNewLengths(arrays, last);
}
