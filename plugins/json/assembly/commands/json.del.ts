// JSON.DEL key [path]: how many values were deleted; the root path deletes the key.
import { keyDeleteArg, replyInt, FIND_WRITE } from "ferrite-sdk";
import { docSettle, rootSlot } from "../document";
import { JSON_DEL } from "../events";
import { liveBytes } from "../node";
import { matchCount, matchSlot } from "../path";
import { doc, OPEN_FAILED, OPEN_MISSING, openPath } from "../query";
import { MODE_DELETE, writeMatches } from "../update";

export function run(argc: i32, argv: usize): void {
  const status = openPath(argc, argv, 2, FIND_WRITE);
  if (status == OPEN_FAILED) return;
  if (status == OPEN_MISSING) { replyInt(0); return; }
  for (let i = 0; i < matchCount; i++) {
    if (matchSlot(i) != rootSlot(doc)) continue;
    JSON_DEL.emitArg(argv, 1);
    keyDeleteArg(argv, 1);
    replyInt(1);
    return;
  }
  const mark = liveBytes;
  const deleted = writeMatches(doc, MODE_DELETE, 0);
  docSettle(doc, mark);
  if (deleted > 0) JSON_DEL.emitArg(argv, 1);
  replyInt(deleted);
}
