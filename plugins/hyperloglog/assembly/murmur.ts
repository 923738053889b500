// Redis's element hash: MurmurHash64A with seed 0xadc83b19, reading 8-byte blocks little-endian (the
// endian-neutral variant Redis ships), so every element lands in the register Redis would pick.

import { HLL_P, HLL_Q, REGISTERS } from "./layout";

const M: u64 = 0xc6a4a7935bd1e995;
const R: u64 = 47;
const SEED: u64 = 0xadc83b19;

export function murmurHash64A(key: usize, len: i32): u64 {
  let h: u64 = SEED ^ (<u64>len * M);
  const end = key + <usize>(len & ~7);
  let p = key;
  while (p != end) {
    let k = load<u64>(p);
    k *= M;
    k ^= k >> R;
    k *= M;
    h ^= k;
    h *= M;
    p += 8;
  }
  const tail = len & 7;
  if (tail != 0) {
    for (let i = tail - 1; i >= 0; i--) h ^= <u64>load<u8>(p + <usize>i) << (<u64>i << 3);
    h *= M;
  }
  h ^= h >> R;
  h *= M;
  h ^= h >> R;
  return h;
}

/**
 * Redis's hllPatLen for an element, packed as (register index << 8) | count, where count is the
 * position of the first 1 bit above the index bits (1 to Q+1: the forced bit Q caps the run).
 */
export function patternOf(ele: usize, len: i32): i32 {
  const hash = murmurHash64A(ele, len);
  const index = <i32>(hash & <u64>(REGISTERS - 1));
  const rest = (hash >> <u64>HLL_P) | (<u64>1 << <u64>HLL_Q);
  return (index << 8) | (<i32>ctz(rest) + 1);
}
