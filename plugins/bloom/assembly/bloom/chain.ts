// A scalable Bloom filter: RedisBloom's SBChain. Items go to the newest filter; when it holds its
// capacity, a new one is added with expansion × the capacity and half the error (the tightening that
// keeps the compounded rate under the one asked for). A non-scaling chain has one filter at the full
// error rate and refuses items once full.

import { heapFootprint } from "ferrite-sdk";
import { F_BYTES, F_DATA, F_ENTRIES, F_ERROR, F_SIZE, FILTER_RECORD, filterHas, filterInit, filterSet, hashItem } from "./filter";

// RedisBloom's option bits (libbloom's BLOOM_OPT_*), kept as they are for its SCANDUMP format.
export const OPT_NOROUND: u32 = 1;
export const OPT_ENTS_IS_BITS: u32 = 2;
export const OPT_FORCE64: u32 = 4;
export const OPT_NO_SCALING: u32 = 8;

export const C_SIZE: usize = 0; // u64: items inserted
export const C_FILTERS: usize = 8; // u32: number of filters
export const C_OPTIONS: usize = 12; // u32
export const C_GROWTH: usize = 16; // u32: expansion
const C_RECORDS: usize = 20; // usize: FILTER_RECORD × slots
const C_SLOTS: usize = 24; // u32: records the block holds
const C_MEMORY: usize = 32; // u64: heap bytes, kept current for ferrite_type_memory
const CHAIN_SIZE: usize = 40;

const TIGHTENING: f64 = 0.5;

/** SBChain_Add's results besides 1 (added) and 0 (already there). */
export const ADD_FULL: i32 = -2;
export const ADD_NO_MEMORY: i32 = -1;

export function chainFilters(c: usize): u32 { return load<u32>(c + C_FILTERS); }
export function chainFilter(c: usize, i: u32): usize { return load<usize>(c + C_RECORDS) + <usize>i * FILTER_RECORD; }
export function chainSize(c: usize): u64 { return load<u64>(c + C_SIZE); }
export function chainOptions(c: usize): u32 { return load<u32>(c + C_OPTIONS); }
export function chainGrowth(c: usize): u32 { return load<u32>(c + C_GROWTH); }
export function chainScales(c: usize): bool { return (chainOptions(c) & OPT_NO_SCALING) == 0; }
export function chainMemory(c: usize): u64 { return load<u64>(c + C_MEMORY); }

/** An empty chain of `filters` zeroed records (filled by the caller), or 0. */
export function chainAlloc(filters: u32, size: u64, options: u32, growth: u32): usize {
  const c = heap.alloc(CHAIN_SIZE);
  const slots = max<u32>(filters, 1);
  const records = heap.alloc(<usize>slots * FILTER_RECORD);
  memory.fill(records, 0, <usize>slots * FILTER_RECORD);
  store<u64>(c + C_SIZE, size);
  store<u32>(c + C_FILTERS, filters);
  store<u32>(c + C_OPTIONS, options);
  store<u32>(c + C_GROWTH, growth);
  store<usize>(c + C_RECORDS, records);
  store<u32>(c + C_SLOTS, slots);
  store<u64>(c + C_MEMORY, heapFootprint(CHAIN_SIZE) + heapFootprint(<usize>slots * FILTER_RECORD));
  return c;
}

/** Counts a filter's bit array (allocated by filterInit or a load) in the chain's memory. */
export function chainCountBits(c: usize, f: usize): void {
  store<u64>(c + C_MEMORY, chainMemory(c) + heapFootprint(<usize>load<u64>(f + F_BYTES)));
}

/** Appends a filter; false (the chain unchanged) when its bits cannot be allocated. */
function addFilter(c: usize, entries: u64, error: f64): bool {
  const n = chainFilters(c);
  const slots = load<u32>(c + C_SLOTS);
  if (n == slots) {
    const grown = slots * 2;
    const old = load<usize>(c + C_RECORDS);
    const records = heap.alloc(<usize>grown * FILTER_RECORD);
    memory.copy(records, old, <usize>n * FILTER_RECORD);
    heap.free(old);
    store<usize>(c + C_RECORDS, records);
    store<u32>(c + C_SLOTS, grown);
    store<u64>(c + C_MEMORY, chainMemory(c) - heapFootprint(<usize>slots * FILTER_RECORD) + heapFootprint(<usize>grown * FILTER_RECORD));
  }
  const f = chainFilter(c, n);
  if (!filterInit(f, entries, error)) return false;
  store<u32>(c + C_FILTERS, n + 1);
  chainCountBits(c, f);
  return true;
}

/** SB_NewChain: one filter for `capacity` items at `error` (tightened unless non-scaling), or 0. */
export function chainCreate(capacity: u64, error: f64, expansion: u32, nonScaling: bool): usize {
  const options = OPT_FORCE64 | OPT_NOROUND | (nonScaling ? OPT_NO_SCALING : 0);
  const c = chainAlloc(0, 0, options, expansion);
  if (!addFilter(c, capacity, error * (nonScaling ? 1 : TIGHTENING))) {
    chainFree(c);
    return 0;
  }
  return c;
}

export function chainFree(c: usize): void {
  const n = chainFilters(c);
  for (let i: u32 = 0; i < n; i++) heap.free(load<usize>(chainFilter(c, i) + F_DATA));
  heap.free(load<usize>(c + C_RECORDS));
  heap.free(c);
}

export function chainCopy(c: usize): usize {
  const n = chainFilters(c);
  const copy = chainAlloc(n, chainSize(c), chainOptions(c), chainGrowth(c));
  memory.copy(chainFilter(copy, 0), chainFilter(c, 0), <usize>n * FILTER_RECORD);
  for (let i: u32 = 0; i < n; i++) {
    const f = chainFilter(copy, i);
    const bytes = <usize>load<u64>(f + F_BYTES);
    const data = heap.alloc(bytes);
    memory.copy(data, load<usize>(f + F_DATA), bytes);
    store<usize>(f + F_DATA, data);
    chainCountBits(copy, f);
  }
  return copy;
}

/** SBChain_Check: whether the item may have been added. */
export function chainHas(c: usize, ptr: usize, len: i32): bool {
  hashItem(ptr, len);
  for (let i = <i32>chainFilters(c) - 1; i >= 0; i--) if (filterHas(chainFilter(c, <u32>i))) return true;
  return false;
}

/** SBChain_Add: 1 added, 0 already there (or a false positive), ADD_FULL, ADD_NO_MEMORY. */
export function chainAdd(c: usize, ptr: usize, len: i32): i32 {
  hashItem(ptr, len);
  const n = chainFilters(c);
  for (let i = <i32>n - 1; i >= 0; i--) if (filterHas(chainFilter(c, <u32>i))) return 0;
  let cur = chainFilter(c, n - 1);
  if (load<u64>(cur + F_SIZE) >= load<u64>(cur + F_ENTRIES)) {
    if (!chainScales(c)) return ADD_FULL;
    if (!addFilter(c, load<u64>(cur + F_ENTRIES) * <u64>chainGrowth(c), load<f64>(cur + F_ERROR) * TIGHTENING)) return ADD_NO_MEMORY;
    cur = chainFilter(c, n);
  }
  if (!filterSet(cur)) return 0;
  store<u64>(cur + F_SIZE, load<u64>(cur + F_SIZE) + 1);
  store<u64>(c + C_SIZE, chainSize(c) + 1);
  return 1;
}

/** BFCapacity: the filters' capacities summed. */
export function chainCapacity(c: usize): u64 {
  let total: u64 = 0;
  for (let i: u32 = 0; i < chainFilters(c); i++) total += load<u64>(chainFilter(c, i) + F_ENTRIES);
  return total;
}

/** BFMemUsage as BF.INFO reports it: RedisBloom's struct sizes (32-byte chain, 64-byte links) plus the bits. */
export function chainInfoSize(c: usize): u64 {
  let total: u64 = 32;
  for (let i: u32 = 0; i < chainFilters(c); i++) total += 64 + load<u64>(chainFilter(c, i) + F_BYTES);
  return total;
}
