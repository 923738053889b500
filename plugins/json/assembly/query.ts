// The first steps of every command that reads or changes values at a path: find the document, check
// the path, evaluate it. Commands then walk the matches (path.ts's list) and reply per match.
import { argLen, argPtr, replyArray, replyError, replyInt, replyNull, replyWrongType } from "ferrite-sdk";
import { docRoot, findDoc, rootSlot } from "./document";
import { count, K_STRING, kind, strLen } from "./node";
import { evalPath, legacy, matchCount, matchNode, setFilterRoot } from "./path";
import { ERR_NO_KEY, pathOk, replyPathMissing, replyWrongPathType } from "./replies";

export const OPEN_FAILED: i32 = -1; // replied (WRONGTYPE, a path syntax error)
export const OPEN_MISSING: i32 = 0; // no such key (nothing replied)
export const OPEN_OK: i32 = 1;

/** The open document, and the path text evaluated on it. */
export let doc: usize = 0;
export let pathPtr: usize = 0;
export let pathLen: i32 = 0;
/** The legacy root path, for commands whose path is optional. */
const ROOT_PATH = memory.data<u8>([0x2e]);

/** Opens key argument 1 (`flags`: FIND_WRITE for a write) and evaluates the path of argument `pathArg` (the root when absent). */
export function openPath(argc: i32, argv: usize, pathArg: i32, flags: i32): i32 {
  const found = findDoc(argv, 1, flags);
  if (found < 0) { replyWrongType(); return OPEN_FAILED; }
  if (pathArg < argc) {
    if (!pathOk(argv, pathArg)) return OPEN_FAILED;
    pathPtr = argPtr(argv, pathArg);
    pathLen = argLen(argv, pathArg);
  } else {
    pathPtr = ROOT_PATH;
    pathLen = 1;
  }
  if (found == 0) {
    evalPath(pathPtr, pathLen, 0, 0); // sets `legacy` for the caller's reply to a missing key
    return OPEN_MISSING;
  }
  doc = <usize>found;
  setFilterRoot(docRoot(doc));
  evalPath(pathPtr, pathLen, docRoot(doc), rootSlot(doc));
  return OPEN_OK;
}

/** For commands that need the key: replies RedisJSON's error when it is missing; true when open. */
export function openExisting(argc: i32, argv: usize, pathArg: i32, flags: i32): bool {
  const status = openPath(argc, argv, pathArg, flags);
  if (status == OPEN_MISSING) replyError(ERR_NO_KEY);
  return status == OPEN_OK;
}

/**
 * For the read commands that answer per match of one kind `k` (STRLEN, ARRLEN, OBJLEN, OBJKEYS,
 * ARRINDEX): opens the path of argument 2 and, for a legacy path, checks its first match is of that kind.
 * False after replying (an error; a missing key: nil for a legacy path, RedisJSON's error for JSONPath).
 */
export function openMatchesOf(argc: i32, argv: usize, k: u8, expected: string): bool {
  const status = openPath(argc, argv, 2, 0);
  if (status == OPEN_FAILED) return false;
  if (status == OPEN_MISSING) {
    if (legacy) replyNull();
    else replyError(ERR_NO_KEY);
    return false;
  }
  if (!legacy) return true;
  if (matchCount == 0) { replyPathMissing(pathPtr, pathLen); return false; }
  if (kind(matchNode(0)) != k) { replyWrongPathType(expected, matchNode(0)); return false; }
  return true;
}

/** STRLEN / ARRLEN / OBJLEN: the length of each match of kind `k` (nil for another kind, as an array for JSONPath). */
export function replyLengths(argc: i32, argv: usize, k: u8, expected: string): void {
  if (!openMatchesOf(argc, argv, k, expected)) return;
  if (legacy) { replyInt(lengthOf(matchNode(0))); return; }
  replyArray(matchCount);
  for (let i = 0; i < matchCount; i++) {
    const n = matchNode(i);
    if (kind(n) == k) replyInt(lengthOf(n));
    else replyNull();
  }
}

/** A string's length in bytes (RedisJSON's Rust str::len), a container's items. */
function lengthOf(n: usize): i64 { return kind(n) == K_STRING ? <i64>strLen(n) : <i64>count(n); }
