// FT.SEARCH index query [NOCONTENT] [VERBATIM] [WITHSCORES] [FILTER …] [GEOFILTER …] [INKEYS …]
// [INFIELDS …] [RETURN …] [SORTBY f [ASC|DESC]] [LIMIT offset num] [SCORER s] [PARAMS n …] [DIALECT d] …
import { argLen, argPtr } from "ferrite-sdk";
import { errSend, replyErrorAround } from "../errors";
import { findIndex } from "../registry";
import { scanIfNeeded } from "../scan";
import { scratchReset } from "../scratch";
import { searchPrepare, searchReply } from "../search/search-command";

export function run(argc: i32, argv: usize): void {
  scratchReset();
  const x = findIndex(argPtr(argv, 1), argLen(argv, 1));
  if (x == null) { replyErrorAround("", argPtr(argv, 1), argLen(argv, 1), ": no such index"); return; }
  scanIfNeeded(x);
  if (!searchPrepare(x, argc, argv, 2)) { errSend(); return; }
  searchReply(x, argv);
}
