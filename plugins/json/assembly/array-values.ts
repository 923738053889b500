// The JSON values JSON.ARRAPPEND and JSON.ARRINSERT take (arguments from..argc-1), parsed before any
// change so that a bad one changes nothing; each array gets its own copies.
import { ByteBuilder, replyArray, replyError, replyInt, replyNull } from "ferrite-sdk";
import { ERR_TOO_DEEP, tooDeep } from "./document";
import { arrInsert, count, K_ARRAY, kind, nodeCopy, nodeFree } from "./node";
import { legacy, matchCount, matchNode } from "./path";
import { pathLen, pathPtr } from "./query";
import { parseArg, replyPathMissing, replyWrongPathType } from "./replies";

const values = new ByteBuilder();
let valueCount: i32 = 0;

function valueAt(i: i32): usize { return <usize>load<u32>(values.ptr + (<usize>i << 2)); }

/** Parses the values; false after replying the error of the first bad one. */
export function parseValues(argc: i32, argv: usize, from: i32): bool {
  values.reset();
  valueCount = 0;
  for (let i = from; i < argc; i++) {
    const v = parseArg(argv, i);
    if (v == 0) { freeValues(); return false; }
    store<u32>(values.reserve(4), <u32>v);
    values.len += 4;
    valueCount++;
  }
  return true;
}

/** Whether a value would nest document `d` past the limit: then the error is replied and the values freed. */
export function valuesTooDeep(d: usize): bool {
  for (let i = 0; i < valueCount; i++) {
    if (!tooDeep(d, valueAt(i))) continue;
    freeValues();
    replyError(ERR_TOO_DEEP);
    return true;
  }
  return false;
}

/** Inserts copies of the values into array `a` before index `at`. */
export function insertValues(a: usize, at: i32): void {
  for (let i = 0; i < valueCount; i++) arrInsert(a, at + i, nodeCopy(valueAt(i)));
}

export function freeValues(): void {
  for (let i = 0; i < valueCount; i++) nodeFree(valueAt(i));
  valueCount = 0;
}

/** The new lengths: per match for JSONPath (nil for no array), the last array's for a legacy path. */
export function replyNewLengths(arrays: i32, last: i64): void {
  if (legacy) {
    if (matchCount == 0) replyPathMissing(pathPtr, pathLen);
    else if (arrays == 0) replyWrongPathType("array", matchNode(0));
    else replyInt(last);
    return;
  }
  replyArray(matchCount);
  for (let i = 0; i < matchCount; i++) {
    if (kind(matchNode(i)) == K_ARRAY) replyInt(count(matchNode(i)));
    else replyNull();
  }
}
