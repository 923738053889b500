// TOPK.COUNT key item [item ...]: each item's estimated count (deprecated in RedisBloom, still served).
import { argLen, argPtr, replyArray, replyInt } from "ferrite-sdk";
import { findValue } from "../find-value";
import { ERR_TOPK_NOT_FOUND } from "../topk/errors";
import { topkCount } from "../topk/sketch";
import { TOPK_TYPE } from "../type-ids";

export function run(argc: i32, argv: usize): void {
  const t = findValue(argv, 1, TOPK_TYPE, ERR_TOPK_NOT_FOUND);
  if (t == 0) return;
  replyArray(argc - 2);
  for (let i = 2; i < argc; i++) replyInt(topkCount(t, argPtr(argv, i), argLen(argv, i)));
}
