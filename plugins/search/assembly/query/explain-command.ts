// What FT.EXPLAIN and FT.EXPLAINCLI share: find the index, parse the query, lay out its text
// (explain.ts's `explained`). False after replying the error.
import { argLen, argPtr, replyError } from "ferrite-sdk";
import { ERR_UNKNOWN_INDEX, errSend } from "../errors";
import { findIndex } from "../registry";
import { scratchReset } from "../scratch";
import { dialect, parseSearchOptions, verbatim } from "../search/options";
import { explain } from "./explain";
import { parseQuery } from "./parse";

export function explainCommand(argc: i32, argv: usize): bool {
  scratchReset();
  const x = findIndex(argPtr(argv, 1), argLen(argv, 1));
  if (x == null) { replyError(ERR_UNKNOWN_INDEX); return false; }
  if (!parseSearchOptions(argc, argv, 3, 1)) { errSend(); return false; }
  const root = parseQuery(x, argPtr(argv, 2), argLen(argv, 2), dialect, verbatim);
  if (root == null) { errSend(); return false; }
  explain(x, root);
  return true;
}
