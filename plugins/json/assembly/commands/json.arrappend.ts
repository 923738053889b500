// JSON.ARRAPPEND key path value [value ...]: appends to each array at path; the new lengths (JSONPath:
// nil for a match that is no array; legacy: the last array's).
import { FIND_WRITE } from "ferrite-sdk";
import { freeValues, insertValues, parseValues, replyNewLengths, valuesTooDeep } from "../array-values";
import { docSettle, thawedBytes } from "../document";
import { JSON_ARRAPPEND } from "../events";
import { count, K_ARRAY, kind, liveBytes } from "../node";
import { matchCount, matchNode } from "../path";
import { doc, openExisting } from "../query";

export function run(argc: i32, argv: usize): void {
  let mark = liveBytes;
  if (!parseValues(argc, argv, 3)) return;
  if (!openExisting(argc, argv, 2, FIND_WRITE)) { freeValues(); return; }
  mark += thawedBytes; // the thaw settled what it added
  if (valuesTooDeep(doc)) return;
  let arrays = 0;
  let last: i64 = 0;
  for (let i = 0; i < matchCount; i++) {
    const a = matchNode(i);
    if (kind(a) != K_ARRAY) continue;
    insertValues(a, count(a));
    last = count(a);
    arrays++;
  }
  freeValues();
  docSettle(doc, mark);
  if (arrays > 0) JSON_ARRAPPEND.emitArg(argv, 1);
  replyNewLengths(arrays, last);
}
