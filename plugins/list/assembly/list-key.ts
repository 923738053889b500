// The list type's index, releasing list keys, and LEFT|RIGHT as several commands read it.

import { argIs, keyDelete, replyError, ERR_SYNTAX } from "ferrite-sdk";
import { listLen } from "./header";
import { LEFT, RIGHT, shrinkEncoding } from "./list";

/** Index of `list` in plugin.json's types. */
export const LIST_TYPE: i32 = 0;

/** After elements left a list: an emptied list deletes its key, a shrunk one may become a listpack. */
export function afterRemoval(keyPtr: usize, keyLen: i32, l: usize): void {
  if (listLen(l) == 0) keyDelete(keyPtr, keyLen);
  else shrinkEncoding(l);
}

/** LEFT or RIGHT in argument i, or -1 once the syntax error is replied. */
export function parseWhere(argv: usize, i: i32): i32 {
  if (argIs(argv, i, "LEFT")) return LEFT;
  if (argIs(argv, i, "RIGHT")) return RIGHT;
  replyError(ERR_SYNTAX);
  return -1;
}
