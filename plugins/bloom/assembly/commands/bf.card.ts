// BF.CARD key: items added to the filter, 0 when there is none.
import { keyFindArg, replyInt, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import { chainSize } from "../bloom/chain";
import { BF_TYPE } from "../type-ids";

export function run(_argc: i32, argv: usize): void {
  const h = keyFindArg(argv, 1, BF_TYPE);
  if (h == WRONGTYPE) replyWrongType();
  else replyInt(h == MISSING ? 0 : <i64>chainSize(<usize>h));
}
