// JSON.ARRPOP key [path [index]]: removes and returns (as JSON text) the item at index (default -1, the
// last; clamped into the array) of each array at path; nil for an empty array or a match that is no array.
import { parseIntArg, parsedI64, replyArray, replyError, replyNull, ERR_SYNTAX, FIND_WRITE } from "ferrite-sdk";
import { docSettle } from "../document";
import { JSON_ARRPOP } from "../events";
import { arrRemove, count, K_ARRAY, kind, liveBytes, nodeFree } from "../node";
import { legacy, matchCount, matchNode } from "../path";
import { doc, openExisting, pathLen, pathPtr } from "../query";
import { out, replyOut, replyPathMissing, replyWrongPathType } from "../replies";
import { COMPACT, writeNode } from "../serialize";

/** Pops from array `a` and replies the item (nil when empty); true when something was popped. */
function pop(a: usize, index: i64): bool {
  const len = <i64>count(a);
  if (len == 0) { replyNull(); return false; }
  let at = index < 0 ? index + len : index;
  if (at < 0) at = 0;
  if (at >= len) at = len - 1;
  const item = arrRemove(a, <i32>at);
  out.reset();
  writeNode(out, item, COMPACT);
  nodeFree(item);
  replyOut();
  return true;
}

export function run(argc: i32, argv: usize): void {
  if (argc > 4) { replyError(ERR_SYNTAX); return; }
  let index: i64 = -1;
  if (argc == 4) { if (!parseIntArg(argv, 3)) return; index = parsedI64; }
  if (!openExisting(argc, argv, 2, FIND_WRITE)) return;
  const mark = liveBytes;
  let popped = 0;
  if (legacy) {
    if (matchCount == 0) { replyPathMissing(pathPtr, pathLen); return; }
    // The legacy form pops from the first array only.
    const a = matchNode(0);
    if (kind(a) != K_ARRAY) { replyWrongPathType("array", a); return; }
    if (pop(a, index)) popped++;
  } else {
    replyArray(matchCount);
    for (let i = 0; i < matchCount; i++) {
      const a = matchNode(i);
      if (kind(a) != K_ARRAY) { replyNull(); continue; }
      if (pop(a, index)) popped++;
    }
  }
  docSettle(doc, mark);
  if (popped > 0) JSON_ARRPOP.emitArg(argv, 1);
}
