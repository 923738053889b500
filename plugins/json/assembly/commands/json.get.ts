// JSON.GET key [INDENT s] [NEWLINE s] [SPACE s] [NOESCAPE] [path ...]
//
// One legacy path: the value's JSON (an error when nothing matches). One JSONPath: a JSON array of the
// matches. Several paths: a JSON object from each path to its result — single values when every path
// is legacy, arrays of matches otherwise. No path: the legacy root. A missing key: nil.
import { argIs, argLen, argPtr, replyError, replyNull, replyWrongType, ERR_SYNTAX } from "ferrite-sdk";
import { docRoot, findDoc, rootSlot } from "../document";
import { evalPath, isLegacy, matchCount, matchNode, setFilterRoot } from "../path";
import { out, pathOk, replyOut, replyPathMissing } from "../replies";
import { Layout, writeMatchArray, writeNode, writeString } from "../serialize";

const layout = new Layout();
const ROOT_PATH = memory.data<u8>([0x2e]);

export function run(argc: i32, argv: usize): void {
  layout.reset();
  // Options and paths mix in any order: a word is an option only where one is expected.
  let paths = 0;
  let firstPath = 0;
  let allLegacy = true;
  for (let i = 2; i < argc; i++) {
    if (argIs(argv, i, "INDENT") || argIs(argv, i, "NEWLINE") || argIs(argv, i, "SPACE")) {
      if (i + 1 >= argc) { replyError(ERR_SYNTAX); return; }
      const ptr = argPtr(argv, i + 1), len = argLen(argv, i + 1);
      if (argIs(argv, i, "INDENT")) { layout.indentPtr = ptr; layout.indentLen = len; }
      else if (argIs(argv, i, "NEWLINE")) { layout.newlinePtr = ptr; layout.newlineLen = len; }
      else { layout.spacePtr = ptr; layout.spaceLen = len; }
      i++;
      continue;
    }
    if (argIs(argv, i, "NOESCAPE")) continue; // ReJSON 1.0's option, accepted and ignored as RedisJSON does
    if (paths == 0) firstPath = i;
    paths++;
    if (!isLegacy(argPtr(argv, i), argLen(argv, i))) allLegacy = false;
  }
  const found = findDoc(argv, 1, 0);
  if (found < 0) { replyWrongType(); return; }
  if (found == 0) { replyNull(); return; }
  for (let i = 2; i < argc; i++) if (isPathArg(argc, argv, i) && !pathOk(argv, i)) return;
  const d = <usize>found;
  setFilterRoot(docRoot(d));
  out.reset();
  if (paths <= 1) {
    const ptr = paths == 0 ? ROOT_PATH : argPtr(argv, firstPath), len = paths == 0 ? 1 : argLen(argv, firstPath);
    if (!writeResult(d, ptr, len, allLegacy)) return;
    replyOut();
    return;
  }
  out.byte(0x7b);
  let written = 0;
  for (let i = 2; i < argc; i++) {
    if (!isPathArg(argc, argv, i)) continue;
    if (written++ > 0) out.byte(0x2c);
    const ptr = argPtr(argv, i), len = argLen(argv, i);
    writeString(out, ptr, len);
    out.byte(0x3a);
    if (!writeResult(d, ptr, len, allLegacy)) return;
  }
  out.byte(0x7d);
  replyOut();
}

/** Whether argument i is a path (not an option or an option's value). */
function isPathArg(argc: i32, argv: usize, i: i32): bool {
  for (let j = 2; j < argc; j++) {
    if (argIs(argv, j, "INDENT") || argIs(argv, j, "NEWLINE") || argIs(argv, j, "SPACE")) {
      if (j == i || j + 1 == i) return false;
      j++;
      continue;
    }
    if (j == i) return !argIs(argv, j, "NOESCAPE");
  }
  return false;
}

/** The result of one path into `out`: false after replying the missing-path error. */
function writeResult(d: usize, ptr: usize, len: i32, single: bool): bool {
  evalPath(ptr, len, docRoot(d), rootSlot(d));
  if (single) {
    if (matchCount == 0) { replyPathMissing(ptr, len); return false; }
    writeNode(out, matchNode(0), layout);
    return true;
  }
  writeMatchArray(out, layout);
  return true;
}
