// FT.SEARCH's work between parsing and replying, shared by FT.SEARCH and FT.PROFILE … SEARCH: the query
// in argument `queryAt`, its options after it, evaluated and ordered into module state (one command at
// a time), then replied by searchReply. Times for FT.PROFILE are taken on the host's clock_us.
import { argLen, argPtr, clockUs } from "ferrite-sdk";
import { errAround } from "../errors";
import { Index, fieldByName } from "../index-spec";
import { ResultSet } from "../query/results";
import { Field } from "../schema";
import { vectorScoreIs, vectorScored } from "../vector-score";
import { orderResults } from "./order";
import { limit, offset, parseSearchOptions, sortByAt, sortDesc } from "./options";
import { replySearch } from "./reply";
import { runSearch } from "./run-search";

let found: ResultSet = changetype<ResultSet>(0);
let order: usize = 0;
let first: i32 = 0;
let count: i32 = 0;
/** FT.PROFILE's figures: µs spent evaluating the query and ordering its results. */
export let searchUs: f64 = 0;
export let orderUs: f64 = 0;
export let matched: i32 = 0;
export let returned: i32 = 0;

/** Parses, runs and orders the search; false with the error built. */
export function searchPrepare(x: Index, argc: i32, argv: usize, queryAt: i32): bool {
  if (!parseSearchOptions(argc, argv, queryAt + 1, 1)) return false;
  let sortField: Field | null = null;
  const t0 = clockUs();
  // SORTBY may name a KNN's distance (`AS dist`), known once the query ran: the query runs first.
  const r = runSearch(x, argc, argv, queryAt);
  const t1 = clockUs();
  if (sortByAt != 0) {
    sortField = fieldByName(x, argPtr(argv, sortByAt), argLen(argv, sortByAt));
    if (sortField == null && !(r != null && vectorScored() && vectorScoreIs(argPtr(argv, sortByAt), argLen(argv, sortByAt)))) {
      errAround("Property `", argPtr(argv, sortByAt), argLen(argv, sortByAt), "` not loaded nor in schema");
      return false;
    }
  }
  if (r == null) return false;
  found = changetype<ResultSet>(r);
  order = orderResults(found, sortField, sortDesc);
  matched = found.len;
  first = <i32>min(offset, <i64>matched);
  count = <i32>min(limit, <i64>(matched - first));
  returned = count;
  searchUs = t1 - t0;
  orderUs = clockUs() - t1;
  return true;
}

/** Replies what searchPrepare found. */
export function searchReply(x: Index, argv: usize): void {
  replySearch(x, argv, found, order, first, count, matched);
}
