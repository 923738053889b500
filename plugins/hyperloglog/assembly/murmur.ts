// Redis's element hash: the SDK's MurmurHash64A with Redis's HLL seed 0xadc83b19, so every element lands
// in the register Redis would pick.

import { murmurHash64A } from "ferrite-sdk";
import { HLL_P, HLL_Q, REGISTERS } from "./layout";

const SEED: u64 = 0xadc83b19;

/**
 * Redis's hllPatLen for an element, packed as (register index << 8) | count, where count is the
 * position of the first 1 bit above the index bits (1 to Q+1: the forced bit Q caps the run).
 */
export function patternOf(ele: usize, len: i32): i32 {
  const hash = murmurHash64A(ele, len, SEED);
  const index = <i32>(hash & <u64>(REGISTERS - 1));
  const rest = (hash >> <u64>HLL_P) | (<u64>1 << <u64>HLL_Q);
  return (index << 8) | (<i32>ctz(rest) + 1);
}
