// JSON.STRAPPEND key [path] value: appends the JSON string value to each string at path; the new
// lengths in bytes (JSONPath: nil for a match that is no string; legacy: the last one's).
import { replyArray, replyInt, replyNull, FIND_WRITE } from "ferrite-sdk";
import { docSettle, thawedBytes } from "../document";
import { JSON_STRAPPEND } from "../events";
import { K_STRING, kind, liveBytes, nodeFree, strAlloc, strBytes, strLen } from "../node";
import { legacy, matchCount, matchNode, matchSlot } from "../path";
import { doc, openExisting, pathLen, pathPtr } from "../query";
import { parseArg, replyPathMissing, replyWrongPathType } from "../replies";

export function run(argc: i32, argv: usize): void {
  const valueArg = argc - 1;
  let mark = liveBytes;
  const suffix = parseArg(argv, valueArg);
  if (suffix == 0) return;
  if (kind(suffix) != K_STRING) { replyWrongPathType("string", suffix); nodeFree(suffix); return; }
  if (!openExisting(argc - 1, argv, 2, FIND_WRITE)) { nodeFree(suffix); return; }
  mark += thawedBytes; // the thaw settled what it added
  let appended = 0;
  let last: i64 = 0;
  for (let i = 0; i < matchCount; i++) {
    const n = <usize>load<u32>(matchSlot(i)); // not matchNode: a path may match one string twice
    if (kind(n) != K_STRING) continue;
    const len = strLen(n), add = strLen(suffix);
    const grown = strAlloc(len + add);
    memory.copy(strBytes(grown), strBytes(n), <usize>len);
    memory.copy(strBytes(grown) + <usize>len, strBytes(suffix), <usize>add);
    nodeFree(n);
    store<u32>(matchSlot(i), <u32>grown);
    last = <i64>(len + add);
    appended++;
  }
  nodeFree(suffix);
  if (appended > 0) { docSettle(doc, mark); JSON_STRAPPEND.emitArg(argv, 1); }
  if (legacy) {
    if (matchCount == 0) { replyPathMissing(pathPtr, pathLen); return; }
    if (appended == 0) { replyWrongPathType("string", matchNode(0)); return; }
    replyInt(last);
    return;
  }
  replyArray(matchCount);
  for (let i = 0; i < matchCount; i++) {
    const n = <usize>load<u32>(matchSlot(i));
    if (kind(n) == K_STRING) replyInt(strLen(n));
    else replyNull();
  }
}
