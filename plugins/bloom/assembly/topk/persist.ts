// A Top-K's saved form: k, width, depth (u32 each, then a pad), decay (f64); the buckets as they are in
// memory; per heap slot its fingerprint, item length, count and whether it holds an item (u32 each);
// then the items' bytes in slot order.

import { saveWrite } from "ferrite-sdk";
import { bucketBytes, HEAP_SLOT, setSlotItem, slot, slotCount, slotItem, slotLen, topkBuckets, topkCreate, topkDecay, topkDepth, topkFree, topkK, topkWidth } from "./sketch";

const HEAD: usize = 24;
const SLOT: usize = 16;
const scratch = memory.data(<i32>HEAD);

/** Whether k, width and depth fit what one Top-K may allocate (each block at most 1 GiB). */
export function topkSizeOk(k: u64, width: u64, depth: u64): bool {
  return k >= 1 && width >= 1 && depth >= 1 && k <= 0x3fff_ffff / HEAP_SLOT && width <= 0xffff_ffff && depth <= 0xffff_ffff &&
    width * depth <= 0x3fff_ffff / 8;
}

export function saveTopk(t: usize): void {
  store<u32>(scratch, topkK(t));
  store<u32>(scratch + 4, topkWidth(t));
  store<u32>(scratch + 8, topkDepth(t));
  store<u32>(scratch + 12, 0);
  store<f64>(scratch + 16, topkDecay(t));
  saveWrite(<i32>scratch, <i32>HEAD);
  saveWrite(<i32>topkBuckets(t), <i32>bucketBytes(t));
  const slots = heap.alloc(<usize>topkK(t) * SLOT);
  for (let i: u32 = 0; i < topkK(t); i++) {
    const s = slot(t, i), d = slots + <usize>i * SLOT;
    store<u32>(d, load<u32>(s));
    store<u32>(d + 4, slotLen(s));
    store<u32>(d + 8, slotCount(s));
    store<u32>(d + 12, slotItem(s) != 0 ? 1 : 0);
  }
  saveWrite(<i32>slots, <i32>(<usize>topkK(t) * SLOT));
  heap.free(slots);
  for (let i: u32 = 0; i < topkK(t); i++) {
    const s = slot(t, i);
    if (slotItem(s) != 0) saveWrite(<i32>slotItem(s), <i32>slotLen(s));
  }
}

export function loadTopk(ptr: usize, len: usize): usize {
  if (len < HEAD) return 0;
  const k = load<u32>(ptr), width = load<u32>(ptr + 4), depth = load<u32>(ptr + 8), decay = load<f64>(ptr + 16);
  if (!topkSizeOk(k, width, depth) || !(decay > 0 && decay <= 1)) return 0;
  const buckets = <usize>width * <usize>depth * 8;
  let at = HEAD + buckets + <usize>k * SLOT;
  if (len < at) return 0;
  const t = topkCreate(k, width, depth, decay);
  memory.copy(topkBuckets(t), ptr + HEAD, buckets);
  for (let i: u32 = 0; i < k; i++) {
    const src = ptr + HEAD + buckets + <usize>i * SLOT, s = slot(t, i);
    store<u32>(s, load<u32>(src));
    store<u32>(s + 8, load<u32>(src + 8));
    if (load<u32>(src + 12) == 0) continue;
    const itemLen = <usize>load<u32>(src + 4);
    if (len - at < itemLen) { topkFree(t); return 0; }
    setSlotItem(t, s, ptr + at, <u32>itemLen);
    at += itemLen;
  }
  if (at != len) { topkFree(t); return 0; }
  return t;
}
