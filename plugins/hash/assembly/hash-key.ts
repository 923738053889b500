// The hash of a read command, or its answer when there is none: WRONGTYPE, or the empty reply of its kind.

import { keyFindArg, replyArray, replyMap, replyScanCursor, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import { HASH_TYPE } from "./value";

/** For read commands: the hash, or 0 after replying WRONGTYPE or (for a missing key) `emptyReply`. */
export function hashOrReply(argv: usize, emptyReply: i32): usize {
  const h = keyFindArg(argv, 1, HASH_TYPE);
  if (h == WRONGTYPE) { replyWrongType(); return 0; }
  if (h == MISSING) { replyEmpty(emptyReply); return 0; }
  return <usize>h;
}

export const EMPTY_ARRAY: i32 = 0;
export const EMPTY_MAP: i32 = 1;
/** HSCAN's [0, []]. */
export const EMPTY_SCAN: i32 = 2;

function replyEmpty(kind: i32): void {
  if (kind == EMPTY_MAP) {
    replyMap(0);
  } else if (kind == EMPTY_SCAN) {
    replyArray(2);
    replyScanCursor(0);
    replyArray(0);
  } else {
    replyArray(0);
  }
}
