// Random bits for skiplist levels, drawn from the host (randomFill) a pool at a time so an insert
// rarely crosses the boundary.
import { randomFill } from "ferrite-sdk";

const POOL_BYTES: i32 = 256;
const pool = memory.data(POOL_BYTES);
let left: i32 = 0;

export function randomU32(): u32 {
  if (left == 0) {
    randomFill(<i32>pool, POOL_BYTES);
    left = POOL_BYTES;
  }
  left -= 4;
  return load<u32>(pool + <usize>left);
}

/** A uniform integer in [0, n) for n > 0. */
export function randomBelow(n: i32): i32 { return <i32>((<u64>randomU32() * <u64>n) >>> 32); }
