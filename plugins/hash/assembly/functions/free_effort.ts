// free_effort (ADR 0050): Redis's lazyfreeGetFreeEffort for a hash: its fields when in a hash table
// (one allocation each), else 1 (a listpack is one block).
import { freeEffortHandle } from "ferrite-sdk";
import { TABLE, hashKind, hashLen } from "../value";

export function call(input: usize, len: i32): i32 {
  const h = freeEffortHandle(input, len);
  return h != 0 && hashKind(h) == TABLE ? hashLen(h) : 1;
}
