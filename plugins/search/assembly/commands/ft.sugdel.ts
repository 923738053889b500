// FT.SUGDEL key string: 1 when the suggestion was there (and is now gone), else 0. RediSearch keeps
// the emptied dictionary's key.
import { FIND_WRITE, MISSING, WRONGTYPE, argLen, argPtr, keyFindArg, replyInt, replyWrongType } from "ferrite-sdk";
import { SUG_TYPE, sugDelete } from "../suggest/sug-dict";

export function run(_argc: i32, argv: usize): void {
  const dict = keyFindArg(argv, 1, SUG_TYPE, FIND_WRITE);
  if (dict == WRONGTYPE) return replyWrongType();
  if (dict == MISSING) return replyInt(0);
  replyInt(sugDelete(<usize>dict, argPtr(argv, 2), argLen(argv, 2)) ? 1 : 0);
}
