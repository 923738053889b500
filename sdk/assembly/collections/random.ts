// A fast pseudo-random source for sampling (HRANDFIELD, SRANDMEMBER, SPOP, random buckets). Seeded once
// from the host, then xorshift64*: a host call per draw would cost more than the draw itself.
import { random_fill } from "../host.generated";

const seedBuf = memory.data(8);
let state: u64 = 0;

/** 32 uniformly distributed bits. */
export function randomU32(): u32 {
  if (state == 0) {
    random_fill(<i32>seedBuf, 8);
    state = load<u64>(seedBuf) | 1; // xorshift never leaves the all-zero state
  }
  state ^= state >> 12;
  state ^= state << 25;
  state ^= state >> 27;
  return <u32>((state * 0x2545F4914F6CDD1D) >> 32);
}

/** A uniform integer in [0, n) for n > 0 (Lemire's multiply-shift; the bias is below 2^-32 * n). */
export function randomBelow(n: u32): u32 {
  return <u32>((<u64>randomU32() * <u64>n) >> 32);
}
