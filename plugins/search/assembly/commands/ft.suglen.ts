// FT.SUGLEN key: the number of suggestions, 0 for a missing key.
import { MISSING, WRONGTYPE, keyFindArg, replyInt, replyWrongType } from "ferrite-sdk";
import { SUG_TYPE, sugSize } from "../suggest/sug-dict";

export function run(_argc: i32, argv: usize): void {
  const dict = keyFindArg(argv, 1, SUG_TYPE, 0);
  if (dict == WRONGTYPE) return replyWrongType();
  replyInt(dict == MISSING ? 0 : sugSize(<usize>dict));
}
