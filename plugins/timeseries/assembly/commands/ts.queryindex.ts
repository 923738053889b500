// TS.QUERYINDEX filter...: the keys whose labels match, sorted (a set in RESP3).
import { protocol, replyArray, replyBulk, replySet } from "ferrite-sdk";
import { parseFilters } from "../filter";
import { matchCount, matchKey, matchKeyLen, runQuery } from "../query";

export function run(argc: i32, argv: usize): void {
  if (!parseFilters(argv, 1, argc)) return;
  runQuery();
  if (protocol() == 3) replySet(matchCount); else replyArray(matchCount);
  for (let i = 0; i < matchCount; i++) replyBulk(matchKey(i), matchKeyLen(i));
}
