// CF.COUNT key item: how many times the item's fingerprint is in the filter (0 without a filter).
import { argLen, argPtr, keyFindArg, replyInt } from "ferrite-sdk";
import { cfCount, hashItem } from "../cuckoo/filter";
import { CF_TYPE } from "../type-ids";

export function run(_argc: i32, argv: usize): void {
  const h = keyFindArg(argv, 1, CF_TYPE);
  if (h < 0) { replyInt(0); return; }
  hashItem(argPtr(argv, 2), argLen(argv, 2));
  replyInt(<i64>cfCount(<usize>h));
}
