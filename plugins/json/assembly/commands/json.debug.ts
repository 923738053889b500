// JSON.DEBUG MEMORY key [path] (the bytes of each value at path; 0 for a missing key) and JSON.DEBUG HELP.
import { argIs, replyArray, replyError, replyInt, replySimple } from "ferrite-sdk";
import { nodeMemory } from "../node";
import { legacy, matchCount, matchNode } from "../path";
import { OPEN_FAILED, OPEN_MISSING, openPath } from "../query";

export function run(argc: i32, argv: usize): void {
  if (argIs(argv, 1, "HELP") && argc == 2) {
    replyArray(2);
    replySimple("MEMORY <key> [path] - reports memory usage");
    replySimple("HELP                - this message");
    return;
  }
  if (!argIs(argv, 1, "MEMORY") || argc < 3 || argc > 4) {
    replyError("ERR unknown subcommand - try `JSON.DEBUG HELP`");
    return;
  }
  // MEMORY's key is argument 2: shift the view by one so openPath finds key and path where it looks.
  const status = openPath(argc - 1, argv + 8, 2, 0);
  if (status == OPEN_FAILED) return;
  if (status == OPEN_MISSING) { replyInt(0); return; }
  if (legacy) {
    replyInt(matchCount == 0 ? 0 : nodeMemory(matchNode(0)));
    return;
  }
  replyArray(matchCount);
  for (let i = 0; i < matchCount; i++) replyInt(nodeMemory(matchNode(i)));
}
