// JSON.MGET key [key ...] path: per key, the path's result as JSON.GET gives it for one path (a legacy
// path: the value, nil when it does not match; JSONPath: the array of matches), nil for a missing key
// or one of another type.
import { argLen, argPtr, replyArray, replyNull } from "ferrite-sdk";
import { docRoot, findDoc, rootSlot } from "../document";
import { evalPath, legacy, matchCount, matchNode, setFilterRoot } from "../path";
import { out, pathOk, replyOut } from "../replies";
import { COMPACT, writeMatchArray, writeNode } from "../serialize";

export function run(argc: i32, argv: usize): void {
  const pathArg = argc - 1;
  if (!pathOk(argv, pathArg)) return;
  const ptr = argPtr(argv, pathArg), len = argLen(argv, pathArg);
  replyArray(argc - 2);
  for (let i = 1; i < pathArg; i++) {
    const found = findDoc(argv, i, 0);
    if (found <= 0) { replyNull(); continue; }
    const d = <usize>found;
    setFilterRoot(docRoot(d));
    evalPath(ptr, len, docRoot(d), rootSlot(d));
    out.reset();
    if (legacy) {
      if (matchCount == 0) { replyNull(); continue; }
      writeNode(out, matchNode(0), COMPACT);
    } else {
      writeMatchArray(out, COMPACT);
    }
    replyOut();
  }
}
