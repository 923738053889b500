// TS.MGET [LATEST] [WITHLABELS | SELECTED_LABELS label...] FILTER filter...: the newest sample of every
// matching series, as [key, labels, sample] (RESP3: a map of key → [labels, sample]).
import { argIndex } from "../keywords";
import { protocol, replyArray, replyMap } from "ferrite-sdk";
import { parseFilters } from "../filter";
import { replyLast } from "../last-sample";
import { filterFrom, filterTo, parseMultiArgs } from "../multi-args";
import { matchCount, matchKey, matchKeyLen, matchSeries, runQuery } from "../query";
import { replyEntryHead } from "../reply-labels";

export function run(argc: i32, argv: usize): void {
  if (!parseMultiArgs(argc, argv, 1)) return;
  if (!parseFilters(argv, filterFrom, filterTo)) return;
  const latest = argIndex(argv, 1, filterFrom - 1, "LATEST") >= 0;
  runQuery();
  const resp3 = protocol() == 3;
  if (resp3) replyMap(matchCount); else replyArray(matchCount);
  for (let i = 0; i < matchCount; i++) {
    replyEntryHead(matchKey(i), matchKeyLen(i), matchSeries(i).labels, argv, 3, 2);
    replyLast(matchSeries(i), latest, matchKey(i), matchKeyLen(i));
  }
}
