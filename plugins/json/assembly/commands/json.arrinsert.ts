// JSON.ARRINSERT key path index value [value ...]: inserts before index (negative: from the end) in each
// array at path; the new lengths. An index outside an array is refused before anything changes.
import { parseIntArg, parsedI64, replyError, FIND_WRITE } from "ferrite-sdk";
import { freeValues, insertValues, parseValues, replyNewLengths, valuesTooDeep } from "../array-values";
import { docSettle, thawedBytes } from "../document";
import { JSON_ARRINSERT } from "../events";
import { count, K_ARRAY, kind, liveBytes } from "../node";
import { matchCount, matchNode } from "../path";
import { doc, openExisting } from "../query";

/** The insertion point in an array of `len` items, or -1 when out of bounds. */
function position(index: i64, len: i32): i32 {
  const at = index < 0 ? index + len : index;
  return at < 0 || at > <i64>len ? -1 : <i32>at;
}

export function run(argc: i32, argv: usize): void {
  if (!parseIntArg(argv, 3)) return;
  const index = parsedI64;
  let mark = liveBytes;
  if (!parseValues(argc, argv, 4)) return;
  if (!openExisting(argc, argv, 2, FIND_WRITE)) { freeValues(); return; }
  mark += thawedBytes; // the thaw settled what it added
  if (valuesTooDeep(doc)) return;
  let arrays = 0;
  for (let i = 0; i < matchCount; i++) {
    const a = matchNode(i);
    if (kind(a) != K_ARRAY) continue;
    if (position(index, count(a)) < 0) { freeValues(); replyError("ERR index out of bounds"); return; }
    arrays++;
  }
  let last: i64 = 0;
  for (let i = 0; i < matchCount; i++) {
    const a = matchNode(i);
    if (kind(a) != K_ARRAY) continue;
    insertValues(a, position(index, count(a)));
    last = count(a);
  }
  freeValues();
  docSettle(doc, mark);
  if (arrays > 0) JSON_ARRINSERT.emitArg(argv, 1);
  replyNewLengths(arrays, last);
}
