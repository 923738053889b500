// TOPK.QUERY key item [item ...]: whether each item is in the top k.
import { argLen, argPtr, replyArray, replyBool } from "ferrite-sdk";
import { findValue } from "../find-value";
import { ERR_TOPK_NOT_FOUND } from "../topk/errors";
import { fingerprint, findInHeap } from "../topk/sketch";
import { TOPK_TYPE } from "../type-ids";

export function run(argc: i32, argv: usize): void {
  const t = findValue(argv, 1, TOPK_TYPE, ERR_TOPK_NOT_FOUND);
  if (t == 0) return;
  replyArray(argc - 2);
  for (let i = 2; i < argc; i++) {
    const ptr = argPtr(argv, i), len = argLen(argv, i);
    replyBool(findInHeap(t, ptr, len, fingerprint(ptr, len)) != 0);
  }
}
