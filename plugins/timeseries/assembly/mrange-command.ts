// TS.MRANGE and TS.MREVRANGE: from to [range options] [WITHLABELS | SELECTED_LABELS l...] FILTER f...
// [GROUPBY label REDUCE reducer]. Each matching series's range as [key, labels, samples] (RESP3: a map of
// key → [labels, {aggregators}, samples]), or one reduced series per value of the GROUPBY label.
import { protocol, replyArray, replyMap, replySimple } from "ferrite-sdk";
import { AGG_NONE, aggLower } from "./aggregate";
import { parseFilters } from "./filter";
import { reduceGroups, replyGroups } from "./group";
import { filterFrom, filterTo, groupByArg, parseMultiArgs } from "./multi-args";
import { matchCount, matchKey, matchKeyLen, matchSeries, runQuery } from "./query";
import { rangeCollect, replySamples } from "./range";
import { parseRangeArgs, rAgg } from "./range-args";
import { replyEntryHead } from "./reply-labels";
import { rangeScratch } from "./scratch";

export function runMRange(argc: i32, argv: usize, reverse: bool): void {
  if (!parseMultiArgs(argc, argv, 3)) return;
  if (!parseRangeArgs(argv, 1, argc)) return;
  if (!parseFilters(argv, filterFrom, filterTo)) return;
  runQuery();
  if (groupByArg >= 0) {
    reduceGroups(argv);
    replyGroups(argv, reverse);
    return;
  }
  const resp3 = protocol() == 3;
  if (resp3) replyMap(matchCount); else replyArray(matchCount);
  for (let i = 0; i < matchCount; i++) {
    const s = matchSeries(i);
    replyEntryHead(matchKey(i), matchKeyLen(i), s.labels, argv, 3, 3);
    if (resp3) replyAggregators();
    rangeCollect(s, matchKey(i), matchKeyLen(i), rangeScratch);
    replySamples(rangeScratch, reverse);
  }
}

/** RESP3's {aggregators: [...]} part of an entry. */
function replyAggregators(): void {
  replyMap(1);
  replySimple("aggregators");
  if (rAgg == AGG_NONE) { replyArray(0); return; }
  replyArray(1);
  replySimple(aggLower(rAgg));
}
