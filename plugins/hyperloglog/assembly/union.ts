// The register-wise maximum of several keys' HLLs: PFCOUNT over several keys and PFMERGE.

import { MISSING, WRONGTYPE } from "ferrite-sdk";
import { REGISTERS } from "./layout";
import { hllMaxInto, isDense } from "./hll";
import { loadHll } from "./hll-key";
import { hllFree } from "./value";

/** One byte per register: a scratch, so the union allocates nothing. */
export const MAX_REGISTERS: usize = memory.data(REGISTERS);

/** Whether an input of the last unionOfKeys was dense (PFMERGE then writes its target dense). */
export let unionSawDense = false;

/**
 * Fills MAX_REGISTERS from the keys in arguments 1 to argc-1, a missing key counting as empty, in
 * Redis's order so the first bad key is the one reported. False when one was not an HLL (replied).
 */
export function unionOfKeys(argc: i32, argv: usize): bool {
  memory.fill(MAX_REGISTERS, 0, <usize>REGISTERS);
  unionSawDense = false;
  for (let i = 1; i < argc; i++) {
    const h = loadHll(argv, i, true);
    if (h == WRONGTYPE) return false;
    if (h == MISSING) continue;
    if (isDense(<usize>h)) unionSawDense = true;
    hllMaxInto(<usize>h, MAX_REGISTERS);
    hllFree(<usize>h);
  }
  return true;
}
