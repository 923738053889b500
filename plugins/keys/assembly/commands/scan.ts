// SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]: [next cursor, keys among about COUNT entries].
import {
  ERR_NOT_INTEGER, ERR_SYNTAX, argIs, argLen, argPtr, parseI64, parsedI64, parseScanCursor, replyArray, replyError,
  replyScanCursor, scanCursor,
} from "ferrite-sdk";
import { NO_PATTERN, replyScannedKeys, scanKeys } from "../walk-keys";

const DEFAULT_COUNT: i32 = 10;
const TYPE_NAME_MAX: i32 = 64;
const typeName = memory.data(TYPE_NAME_MAX);

export function run(argc: i32, argv: usize): void {
  if (!parseScanCursor(argv, 1)) return;
  // The host's cursor is an entry id (exact in f64); a wrapped "-1" is past every id and ends the scan.
  const cursor = <f64>scanCursor;
  let count = DEFAULT_COUNT;
  let pattern: usize = 0;
  let patternLen = NO_PATTERN;
  let type: usize = 0;
  let typeLen = 0;
  for (let j = 2; j < argc; j += 2) {
    if (j + 1 >= argc) {
      replyError(ERR_SYNTAX);
      return;
    }
    if (argIs(argv, j, "count")) {
      if (!parseI64(argPtr(argv, j + 1), argLen(argv, j + 1))) {
        replyError(ERR_NOT_INTEGER);
        return;
      }
      if (parsedI64 < 1) {
        replyError(ERR_SYNTAX);
        return;
      }
      // Past i32 the host could not take it; that many slots are the whole database anyway.
      count = <i32>min(parsedI64, <i64>i32.MAX_VALUE);
    } else if (argIs(argv, j, "match")) {
      pattern = argPtr(argv, j + 1);
      patternLen = argLen(argv, j + 1);
    } else if (argIs(argv, j, "type")) {
      type = argPtr(argv, j + 1);
      typeLen = argLen(argv, j + 1);
    } else {
      replyError(ERR_SYNTAX);
      return;
    }
  }
  // Redis compares type names ignoring case; the host's are lower case and at most 64 bytes long.
  if (typeLen <= TYPE_NAME_MAX) {
    for (let i = 0; i < typeLen; i++) {
      const c = load<u8>(type + i);
      store<u8>(typeName + i, c - 65 < 26 ? c | 32 : c);
    }
    type = typeName;
  }
  const next = scanKeys(cursor, count, pattern, patternLen, type, typeLen);
  replyArray(2);
  replyScanCursor(<u64>next);
  replyScannedKeys();
}
