// free_effort (ADR 0050): Redis's lazyfreeGetFreeEffort for a set: its members when in a hash table
// (one allocation each), else 1 (an intset or listpack is one block).
import { freeEffortHandle } from "ferrite-sdk";
import { ENC_HASHTABLE, setEncoding, setSize } from "../set";

export function call(input: usize, len: i32): i32 {
  const s = freeEffortHandle(input, len);
  return s != 0 && setEncoding(s) == ENC_HASHTABLE ? setSize(s) : 1;
}
