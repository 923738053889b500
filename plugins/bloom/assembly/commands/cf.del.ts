// CF.DEL key item: removes one copy of the item's fingerprint; RedisBloom answers "Not found" for any
// key that holds no cuckoo filter.
import { argLen, argPtr, keyFindArg, replyBool, replyError, FIND_WRITE } from "ferrite-sdk";
import { cfDelete, hashItem } from "../cuckoo/filter";
import { CF_TYPE } from "../type-ids";

export function run(_argc: i32, argv: usize): void {
  const h = keyFindArg(argv, 1, CF_TYPE, FIND_WRITE);
  if (h < 0) { replyError("Not found"); return; }
  hashItem(argPtr(argv, 2), argLen(argv, 2));
  replyBool(cfDelete(<usize>h));
}
