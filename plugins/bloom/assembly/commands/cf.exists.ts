// CF.EXISTS key item: whether the item may be in the filter (no filter, or another type's key: false).
import { argLen, argPtr, keyFindArg, replyBool } from "ferrite-sdk";
import { cfHas, hashItem } from "../cuckoo/filter";
import { CF_TYPE } from "../type-ids";

export function run(_argc: i32, argv: usize): void {
  const h = keyFindArg(argv, 1, CF_TYPE);
  if (h < 0) { replyBool(false); return; }
  hashItem(argPtr(argv, 2), argLen(argv, 2));
  replyBool(cfHas(<usize>h));
}
