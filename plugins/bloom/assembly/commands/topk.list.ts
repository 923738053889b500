// TOPK.LIST key [WITHCOUNT]: the items of the top k, heaviest first, with their counts when asked.
import { argLen, argPtr, bytesEqualIgnoreCase, lowerAscii, replyArityError, replyArray, replyError, replyInt } from "ferrite-sdk";
import { findValue } from "../find-value";
import { ERR_TOPK_NOT_FOUND } from "../topk/errors";
import { replyItem } from "../topk/reply-item";
import { HEAP_SLOT, slot, slotCount, slotItem, slotLen, topkK } from "../topk/sketch";
import { TOPK_TYPE } from "../type-ids";

/** RedisBloom compares with strncasecmp over the argument's length: any prefix of WITHCOUNT is taken. */
function isWithcountPrefix(ptr: usize, len: i32): bool {
  const word = "WITHCOUNT";
  if (len > word.length) return bytesEqualIgnoreCase(ptr, len, word);
  for (let i = 0; i < len; i++) if (lowerAscii(load<u8>(ptr + i)) != lowerAscii(word.charCodeAt(i))) return false;
  return true;
}

export function run(argc: i32, argv: usize): void {
  if (argc > 3) { replyArityError(argv); return; }
  const withCount = argc == 3;
  if (withCount && !isWithcountPrefix(argPtr(argv, 2), argLen(argv, 2))) { replyError("WITHCOUNT keyword expected"); return; }
  const t = findValue(argv, 1, TOPK_TYPE, ERR_TOPK_NOT_FOUND);
  if (t == 0) return;
  // A sorted copy of the heap's slots, by count descending (insertion sort: k is small, and ties keep heap order).
  const k = topkK(t);
  const sorted = heap.alloc(<usize>k * HEAP_SLOT);
  let n: u32 = 0;
  for (let i: u32 = 0; i < k; i++) {
    const s = slot(t, i);
    if (slotCount(s) == 0 || slotItem(s) == 0) continue;
    let j = n;
    while (j > 0 && slotCount(sorted + <usize>(j - 1) * HEAP_SLOT) < slotCount(s)) {
      memory.copy(sorted + <usize>j * HEAP_SLOT, sorted + <usize>(j - 1) * HEAP_SLOT, HEAP_SLOT);
      j--;
    }
    memory.copy(sorted + <usize>j * HEAP_SLOT, s, HEAP_SLOT);
    n++;
  }
  replyArray(<i32>n * (withCount ? 2 : 1));
  for (let i: u32 = 0; i < n; i++) {
    const s = sorted + <usize>i * HEAP_SLOT;
    replyItem(slotItem(s), slotLen(s));
    if (withCount) replyInt(slotCount(s));
  }
  heap.free(sorted);
}
