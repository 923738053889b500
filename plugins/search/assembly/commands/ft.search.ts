// FT.SEARCH index query [NOCONTENT] [VERBATIM] [WITHSCORES] [FILTER …] [GEOFILTER …] [INKEYS …]
// [INFIELDS …] [RETURN …] [SORTBY f [ASC|DESC]] [LIMIT offset num] [SCORER s] [PARAMS n …] [DIALECT d] …
import { argLen, argPtr } from "ferrite-sdk";
import { errSend, replyErrorAround } from "../errors";
import { fieldByName } from "../index-spec";
import { findIndex } from "../registry";
import { scanIfNeeded } from "../scan";
import { scratchReset } from "../scratch";
import { orderResults } from "../search/order";
import { limit, offset, parseSearchOptions, sortByAt, sortDesc } from "../search/options";
import { replySearch } from "../search/reply";
import { runSearch } from "../search/run-search";
import { Field } from "../schema";
import { vectorScoreIs, vectorScored } from "../vector-score";

export function run(argc: i32, argv: usize): void {
  scratchReset();
  const x = findIndex(argPtr(argv, 1), argLen(argv, 1));
  if (x == null) { replyErrorAround("", argPtr(argv, 1), argLen(argv, 1), ": no such index"); return; }
  scanIfNeeded(x);
  if (!parseSearchOptions(argc, argv, 3, 1)) { errSend(); return; }
  let sortField: Field | null = null;
  // SORTBY may name a KNN's distance (`AS dist`), known once the query ran: the query runs first.
  const found = runSearch(x, argc, argv, 2);
  if (sortByAt != 0) {
    sortField = fieldByName(x, argPtr(argv, sortByAt), argLen(argv, sortByAt));
    if (sortField == null && !(found != null && vectorScored() && vectorScoreIs(argPtr(argv, sortByAt), argLen(argv, sortByAt)))) {
      replyErrorAround("Property `", argPtr(argv, sortByAt), argLen(argv, sortByAt), "` not loaded nor in schema");
      return;
    }
  }
  if (found == null) { errSend(); return; }
  const order = orderResults(found, sortField, sortDesc);
  const total = found.len;
  const first = <i32>min(offset, <i64>total);
  const count = <i32>min(limit, <i64>(total - first));
  replySearch(x, argv, found, order, first, count, total);
}
