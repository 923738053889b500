// free_effort (ADR 0050): Redis's lazyfreeGetFreeEffort for a sorted set: its members when in a skip
// list (one node each), else 1 (a listpack is one block).
import { freeEffortHandle } from "ferrite-sdk";
import { ENC_SKIPLIST, zEncoding } from "../header";
import { zsCard } from "../zset";

export function call(input: usize, len: i32): i32 {
  const z = freeEffortHandle(input, len);
  return z != 0 && zEncoding(z) == ENC_SKIPLIST ? zsCard(z) : 1;
}
