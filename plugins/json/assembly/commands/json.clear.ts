// JSON.CLEAR key [path]: empties the containers and zeroes the numbers at path; how many changed.
import { replyInt, FIND_WRITE } from "ferrite-sdk";
import { docSettle } from "../document";
import { JSON_CLEAR } from "../events";
import { liveBytes } from "../node";
import { doc, openExisting } from "../query";
import { MODE_CLEAR, writeMatches } from "../update";

export function run(argc: i32, argv: usize): void {
  if (!openExisting(argc, argv, 2, FIND_WRITE)) return;
  const mark = liveBytes;
  const cleared = writeMatches(doc, MODE_CLEAR, 0);
  docSettle(doc, mark);
  if (cleared > 0) JSON_CLEAR.emitArg(argv, 1);
  replyInt(cleared);
}
