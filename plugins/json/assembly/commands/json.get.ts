// JSON.GET key [INDENT s] [NEWLINE s] [SPACE s] [FORMAT STRING|EXPAND1|EXPAND] [NOESCAPE] [path ...]
//
// One legacy path: the value's JSON (an error when nothing matches). One JSONPath: a JSON array of the
// matches. Several paths: a JSON object from each path to its result — single values when every path
// is legacy, arrays of matches otherwise. No path: the legacy root. A missing key: nil.
// FORMAT EXPAND or EXPAND1 on RESP3 (RedisJSON 2.6+): an array with each path's matches as RESP3 values
// (expand.ts), legacy paths too, a path that does not compile matching nothing; on RESP2 RedisJSON
// refuses FORMAT before the first path and ignores it after one.
import { argIs, argLen, argPtr, protocol, replyArray, replyError, replyNull, replyWrongType, ERR_SYNTAX } from "ferrite-sdk";
import { docRoot, findDoc, rootSlot } from "../document";
import { replyExpanded } from "../expand";
import { checkPath, evalPath, isLegacy, matchCount, matchNode, setFilterRoot } from "../path";
import { out, pathOk, replyOut, replyPathMissing } from "../replies";
import { Layout, writeMatchArray, writeNode, writeString } from "../serialize";

const layout = new Layout();
const ROOT_PATH = memory.data<u8>([0x2e]);

const FORMAT_STRING: i32 = 0;
const FORMAT_EXPAND1: i32 = 1;
const FORMAT_EXPAND: i32 = 2;

export function run(argc: i32, argv: usize): void {
  layout.reset();
  // Options and paths mix in any order: a word is an option only where one is expected.
  let paths = 0;
  let firstPath = 0;
  let allLegacy = true;
  let format = FORMAT_STRING;
  for (let i = 2; i < argc; i++) {
    if (takesValue(argv, i)) {
      if (i + 1 >= argc) { replyError(ERR_SYNTAX); return; }
      const ptr = argPtr(argv, i + 1), len = argLen(argv, i + 1);
      if (argIs(argv, i, "INDENT")) { layout.indentPtr = ptr; layout.indentLen = len; }
      else if (argIs(argv, i, "NEWLINE")) { layout.newlinePtr = ptr; layout.newlineLen = len; }
      else if (argIs(argv, i, "SPACE")) { layout.spacePtr = ptr; layout.spaceLen = len; }
      else {
        if (protocol() != 3 && paths == 0) { replyError("ERR FORMAT argument is not supported on RESP2"); return; }
        format = formatOf(ptr, len);
        if (format < 0) { replyError("ERR wrong reply format"); return; }
      }
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
  const d = <usize>found;
  setFilterRoot(docRoot(d));
  if (format != FORMAT_STRING && protocol() == 3) {
    replyValues(argc, argv, d, paths, format == FORMAT_EXPAND);
    return;
  }
  for (let i = 2; i < argc; i++) if (isPathArg(argc, argv, i) && !pathOk(argv, i)) return;
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

/** Whether argument i is an option followed by its value. */
function takesValue(argv: usize, i: i32): bool {
  return argIs(argv, i, "INDENT") || argIs(argv, i, "NEWLINE") || argIs(argv, i, "SPACE") || argIs(argv, i, "FORMAT");
}

/** FORMAT's value, matched exactly as RedisJSON does (upper case), or -1 (STRINGS included: not supported). */
function formatOf(ptr: usize, len: i32): i32 {
  if (bytesAre(ptr, len, "STRING")) return FORMAT_STRING;
  if (bytesAre(ptr, len, "EXPAND1")) return FORMAT_EXPAND1;
  if (bytesAre(ptr, len, "EXPAND")) return FORMAT_EXPAND;
  return -1;
}

function bytesAre(ptr: usize, len: i32, word: string): bool {
  if (len != word.length) return false;
  for (let i = 0; i < len; i++) if (<i32>load<u8>(ptr + <usize>i) != word.charCodeAt(i)) return false;
  return true;
}

/** Whether argument i is a path (not an option or an option's value). */
function isPathArg(argc: i32, argv: usize, i: i32): bool {
  for (let j = 2; j < argc; j++) {
    if (takesValue(argv, j)) {
      if (j == i || j + 1 == i) return false;
      j++;
      continue;
    }
    if (j == i) return !argIs(argv, j, "NOESCAPE");
  }
  return false;
}

/** FORMAT EXPAND/EXPAND1's reply: per path (the legacy root when none), its matches as RESP3 values. */
function replyValues(argc: i32, argv: usize, d: usize, paths: i32, whole: bool): void {
  if (paths == 0) {
    replyArray(1);
    replyMatches(d, ROOT_PATH, 1, whole);
    return;
  }
  replyArray(paths);
  for (let i = 2; i < argc; i++) if (isPathArg(argc, argv, i)) replyMatches(d, argPtr(argv, i), argLen(argv, i), whole);
}

function replyMatches(d: usize, ptr: usize, len: i32, whole: bool): void {
  if (!checkPath(ptr, len)) { replyArray(0); return; }
  evalPath(ptr, len, docRoot(d), rootSlot(d));
  replyArray(matchCount);
  for (let i = 0; i < matchCount; i++) replyExpanded(matchNode(i), whole, layout);
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
