// SORT and SORT_RO, following Redis's sortCommandGeneric step by step: options, the key's type, the
// vector, the sort keys, the sort, then the LIMIT window out to the client or into STORE's list.
import { CONTEXT_SCRIPT, argLen, argPtr, contextFlags, replyError } from "ferrite-sdk";
import { desc, dontSort, limitCount, limitStart, parseOptions, sortSetForStore, storeArg } from "./options";
import { sortVector } from "./order";
import { replyResult, storeResult } from "./output";
import { trimBlocks } from "./scratch";
import { loadSortKeys } from "./sort-keys";
import { LIST, SET, ZSET, loadAll, loadWindow, sourceKind } from "./source";
import { size } from "./vector";

const ERR_SCORE = "ERR One or more scores can't be converted into double";

export function sortCommand(argc: i32, argv: usize, readonly: bool): void {
  sort(argc, argv, readonly);
  trimBlocks();
}

function sort(argc: i32, argv: usize, readonly: bool): void {
  if (!parseOptions(argc, argv, readonly)) return;
  const key = argPtr(argv, 1), keyLen = argLen(argv, 1);
  const kind = sourceKind(key, keyLen);
  if (kind < 0) return;
  // Stored, or answered to a script, a set's order must not depend on its layout (Redis: storekey or CLIENT_SCRIPT).
  if (dontSort && kind == SET && (storeArg >= 0 || (contextFlags() & CONTEXT_SCRIPT) != 0)) sortSetForStore();
  // Lists and sorted sets keep their order under BY nosort, so only the LIMIT window is read.
  const windowed = dontSort && (kind == LIST || kind == ZSET);
  const loaded = windowed
    ? loadWindow(kind, key, keyLen, limitStart, limitCount, desc)
    : loadAll(kind, key, keyLen);
  if (!loaded) return;
  if (!dontSort) {
    if (!loadSortKeys(argv)) { replyError(ERR_SCORE); return; }
    sortVector();
  }
  let start: i32 = 0, end: i32 = size - 1;
  if (!windowed) {
    // Redis's LIMIT arithmetic, clamped to the vector.
    const n = <i64>size;
    const s = min(max(limitStart, 0), n);
    const c = min(max(limitCount, -1), n);
    const e = c < 0 ? n - 1 : min(s + c - 1, n - 1);
    start = <i32>(s >= n ? n - 1 : s);
    end = <i32>(s >= n ? n - 2 : e);
  }
  if (storeArg >= 0) storeResult(argv, start, end);
  else replyResult(argv, start, end);
}
