// RedisBloom 2.8's Top-K (HeavyKeeper): depth × width buckets of (fingerprint, count) and a min-heap of
// the k heaviest items seen. An item's fingerprint is MurmurHash2(item, 1919), its bucket in row i
// MurmurHash2(item, i) mod width. A bucket holding another fingerprint decays (loses one per increment
// with probability decay^count) and is taken over when it reaches zero. One header block points to
// the buckets, the heap and each heap item's bytes.

import { heapFootprint, murmurHash2, randomU32 } from "ferrite-sdk";

const T_K: usize = 0; // u32
const T_WIDTH: usize = 4; // u32
const T_DEPTH: usize = 8; // u32
const T_DECAY: usize = 16; // f64
const T_BUCKETS: usize = 24; // usize: depth × width × (fp u32, count u32)
const T_HEAP: usize = 28; // usize: k × HEAP_SLOT
const T_MEMORY: usize = 32; // u64
const HEADER: usize = 40;

const H_FP: usize = 0; // u32
const H_LEN: usize = 4; // u32
const H_COUNT: usize = 8; // u32
const H_ITEM: usize = 12; // usize, 0 when the slot is empty
export const HEAP_SLOT: usize = 16;

const FP_SEED: u32 = 1919;
const DECAY_TABLE: u32 = 256; // RedisBloom's TOPK_DECAY_LOOKUP_TABLE

export function topkK(t: usize): u32 { return load<u32>(t + T_K); }
export function topkWidth(t: usize): u32 { return load<u32>(t + T_WIDTH); }
export function topkDepth(t: usize): u32 { return load<u32>(t + T_DEPTH); }
export function topkDecay(t: usize): f64 { return load<f64>(t + T_DECAY); }
export function topkMemory(t: usize): u64 { return load<u64>(t + T_MEMORY); }
export function topkBuckets(t: usize): usize { return load<usize>(t + T_BUCKETS); }
export function topkHeap(t: usize): usize { return load<usize>(t + T_HEAP); }
export function bucketBytes(t: usize): usize { return <usize>topkWidth(t) * <usize>topkDepth(t) * 8; }
export function slot(t: usize, i: u32): usize { return topkHeap(t) + <usize>i * HEAP_SLOT; }
export function slotCount(s: usize): u32 { return load<u32>(s + H_COUNT); }
export function slotItem(s: usize): usize { return load<usize>(s + H_ITEM); }
export function slotLen(s: usize): u32 { return load<u32>(s + H_LEN); }

function addMemory(t: usize, bytes: i64): void { store<u64>(t + T_MEMORY, <u64>(<i64>topkMemory(t) + bytes)); }

/** An empty Top-K; buckets and heap zeroed. */
export function topkCreate(k: u32, width: u32, depth: u32, decay: f64): usize {
  const t = heap.alloc(HEADER);
  store<u32>(t + T_K, k);
  store<u32>(t + T_WIDTH, width);
  store<u32>(t + T_DEPTH, depth);
  store<f64>(t + T_DECAY, decay);
  const buckets = heap.alloc(<usize>width * <usize>depth * 8);
  memory.fill(buckets, 0, <usize>width * <usize>depth * 8);
  const slots = heap.alloc(<usize>k * HEAP_SLOT);
  memory.fill(slots, 0, <usize>k * HEAP_SLOT);
  store<usize>(t + T_BUCKETS, buckets);
  store<usize>(t + T_HEAP, slots);
  store<u64>(t + T_MEMORY, heapFootprint(HEADER) + heapFootprint(<usize>width * <usize>depth * 8) + heapFootprint(<usize>k * HEAP_SLOT));
  return t;
}

export function topkFree(t: usize): void {
  for (let i: u32 = 0; i < topkK(t); i++) heap.free(slotItem(slot(t, i)));
  heap.free(topkBuckets(t));
  heap.free(topkHeap(t));
  heap.free(t);
}

/** Gives the heap slot s a copy of the item's bytes (its old ones are the caller's). */
export function setSlotItem(t: usize, s: usize, ptr: usize, len: u32): void {
  const item = heap.alloc(max<usize>(<usize>len, 1));
  memory.copy(item, ptr, <usize>len);
  store<usize>(s + H_ITEM, item);
  store<u32>(s + H_LEN, len);
  addMemory(t, <i64>heapFootprint(max<usize>(<usize>len, 1)));
}

export function topkCopy(t: usize): usize {
  const copy = topkCreate(topkK(t), topkWidth(t), topkDepth(t), topkDecay(t));
  memory.copy(topkBuckets(copy), topkBuckets(t), bucketBytes(t));
  for (let i: u32 = 0; i < topkK(t); i++) {
    const from = slot(t, i), to = slot(copy, i);
    store<u32>(to + H_FP, load<u32>(from + H_FP));
    store<u32>(to + H_COUNT, slotCount(from));
    if (slotItem(from) != 0) setSlotItem(copy, to, slotItem(from), slotLen(from));
  }
  return copy;
}

/** checkExistInHeap: the heap slot holding the item, or 0. */
export function findInHeap(t: usize, ptr: usize, len: i32, fp: u32): usize {
  for (let i = <i32>topkK(t) - 1; i >= 0; i--) {
    const s = slot(t, <u32>i);
    if (load<u32>(s + H_FP) == fp && slotLen(s) == <u32>len && slotItem(s) != 0 && memory.compare(slotItem(s), ptr, <usize>len) == 0) return s;
  }
  return 0;
}

export function fingerprint(ptr: usize, len: i32): u32 { return murmurHash2(ptr, len, FP_SEED); }

/** heapifyDown from slot index `start` of the min-heap ordered by count. */
function heapifyDown(t: usize, start: u32): void {
  const len = topkK(t);
  let at = start;
  const moving = memory.data(<i32>HEAP_SLOT);
  memory.copy(moving, slot(t, at), HEAP_SLOT);
  for (;;) {
    let child = at * 2 + 1;
    if (child >= len) break;
    if (child + 1 < len && slotCount(slot(t, child + 1)) < slotCount(slot(t, child))) child++;
    if (slotCount(slot(t, child)) >= slotCount(moving)) break;
    memory.copy(slot(t, at), slot(t, child), HEAP_SLOT);
    at = child;
  }
  memory.copy(slot(t, at), moving, HEAP_SLOT);
}

/** The probability that a bucket of this count decays, with RedisBloom's formula past its table. */
function decayChance(t: usize, count: u32): f64 {
  const decay = topkDecay(t);
  if (count < DECAY_TABLE) return Math.pow(decay, <f64>count);
  return Math.pow(Math.pow(decay, <f64>(DECAY_TABLE - 1)), <f64>(count / DECAY_TABLE) * Math.pow(decay, <f64>(count % DECAY_TABLE)));
}

/** Length of the item TopK_Add last expelled (its bytes are the caller's to free). */
export let expelledLen: u32 = 0;

/** TopK_Add: counts the item `increment` times; returns the heap item it expelled, or 0. */
export function topkAdd(t: usize, ptr: usize, len: i32, increment: u32): usize {
  const fp = fingerprint(ptr, len);
  const heapMin = slotCount(slot(t, 0));
  let inHeap: usize = 0;
  let searched = false;
  let maxCount: u32 = 0;
  const width = <u64>topkWidth(t);
  for (let i: u32 = 0; i < topkDepth(t); i++) {
    const b = topkBuckets(t) + <usize>(<u64>i * width + <u64>murmurHash2(ptr, len, i) % width) * 8;
    const count = load<u32>(b + 4);
    if (count == 0) {
      store<u32>(b, fp);
      store<u32>(b + 4, increment);
      maxCount = max(maxCount, increment);
    } else if (load<u32>(b) == fp) {
      if (count >= heapMin && !searched) {
        inHeap = findInHeap(t, ptr, len, fp);
        searched = true;
      }
      if (inHeap != 0 || count <= heapMin) {
        store<u32>(b + 4, count + increment);
        maxCount = max(maxCount, count + increment);
      }
    } else {
      let c = count;
      for (let left = increment; left > 0; left--) {
        if (<f64>randomU32() / 4294967295.0 < decayChance(t, c)) {
          c--;
          if (c == 0) {
            store<u32>(b, fp);
            c = left;
            maxCount = max(maxCount, c);
            break; // the bucket is the item's now, holding what is left of the increment
          }
        }
      }
      store<u32>(b + 4, c);
    }
  }
  // An item can be in the heap without its buckets having been searched (all below the minimum).
  if (inHeap == 0 && !searched && maxCount > heapMin) inHeap = findInHeap(t, ptr, len, fp);
  if (inHeap != 0) {
    store<u32>(inHeap + H_COUNT, maxCount); // not the larger of the two: the buckets may have decayed
    heapifyDown(t, <u32>((inHeap - topkHeap(t)) / HEAP_SLOT));
    return 0;
  }
  if (maxCount <= heapMin) return 0;
  const top = slot(t, 0);
  const expelled = slotItem(top);
  expelledLen = slotLen(top);
  if (expelled != 0) addMemory(t, -<i64>heapFootprint(max<usize>(<usize>expelledLen, 1)));
  store<u32>(top + H_COUNT, maxCount);
  store<u32>(top + H_FP, fp);
  setSlotItem(t, top, ptr, <u32>len);
  heapifyDown(t, 0);
  return expelled;
}

/** TopK_Count: the item's largest bucket count, as RedisBloom estimates it. */
export function topkCount(t: usize, ptr: usize, len: i32): u32 {
  const fp = fingerprint(ptr, len);
  const heapMin = slotCount(slot(t, 0));
  const inHeap = findInHeap(t, ptr, len, fp);
  const width = <u64>topkWidth(t);
  let best: u32 = 0;
  for (let i: u32 = 0; i < topkDepth(t); i++) {
    const b = topkBuckets(t) + <usize>(<u64>i * width + <u64>murmurHash2(ptr, len, i) % width) * 8;
    if (load<u32>(b) == fp && (inHeap == 0 || load<u32>(b + 4) >= heapMin)) best = max(best, load<u32>(b + 4));
  }
  return best;
}
