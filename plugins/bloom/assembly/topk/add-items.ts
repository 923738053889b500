// TOPK.ADD and TOPK.INCRBY: count items and reply, for each, the item it expelled from the heap or null.
import { argLen, argPtr, parseI64, parsedI64, replyArray, replyNull } from "ferrite-sdk";
import { replyItem } from "./reply-item";
import { expelledLen, topkAdd } from "./sketch";

/** Items from argument 2 on, every `step` arguments; with step 2 the increment follows each item. */
export function addItems(t: usize, argc: i32, argv: usize, step: i32): void {
  replyArray((argc - 2) / step);
  for (let i = 2; i < argc; i += step) {
    let increment: u32 = 1;
    if (step == 2) {
      parseI64(argPtr(argv, i + 1), argLen(argv, i + 1)); // checked by the caller
      increment = <u32>parsedI64;
    }
    const expelled = topkAdd(t, argPtr(argv, i), argLen(argv, i), increment);
    if (expelled == 0) { replyNull(); continue; }
    replyItem(expelled, expelledLen);
    heap.free(expelled);
  }
}
