// Reading a whole sparse representation: validation (for bytes from DUMP payloads and persistence),
// the histogram, the union with other HLLs, and expansion into dense registers. `ops`/`len` are the
// opcodes after the header; values built by this plugin or admitted by sparseValid are well formed.

import { REGISTERS } from "./layout";
import { countRegister } from "./histogram";
import { densePut } from "./dense";
import { isXzero, nextRun, runLen, runVal } from "./sparse-opcodes";

/** True when the opcodes cover exactly the 16384 registers and the last one is complete. */
export function sparseValid(ops: usize, len: i32): bool {
  const end = ops + <usize>len;
  let p = ops;
  let covered = 0;
  while (p < end) {
    if (isXzero(<u32>load<u8>(p)) && p + 1 >= end) return false;
    p = nextRun(p);
    covered += runLen;
    if (covered > REGISTERS) return false;
  }
  return covered == REGISTERS;
}

export function sparseHistogram(ops: usize, len: i32): void {
  const end = ops + <usize>len;
  let p = ops;
  while (p < end) {
    p = nextRun(p);
    countRegister(runVal, runLen);
  }
}

/** max[i] = MAX(max[i], register i): one byte per register. */
export function sparseMaxInto(ops: usize, len: i32, max: usize): void {
  const end = ops + <usize>len;
  let p = ops;
  let i = 0;
  while (p < end) {
    p = nextRun(p);
    if (runVal != 0) {
      for (let r = 0; r < runLen; r++) {
        const at = max + <usize>(i + r);
        if (<u8>runVal > load<u8>(at)) store<u8>(at, <u8>runVal);
      }
    }
    i += runLen;
  }
}

/** Writes every non-zero run into zeroed dense registers. */
export function sparseToRegisters(ops: usize, len: i32, regs: usize): void {
  const end = ops + <usize>len;
  let p = ops;
  let i = 0;
  while (p < end) {
    p = nextRun(p);
    if (runVal != 0) for (let r = 0; r < runLen; r++) densePut(regs, i + r, runVal);
    i += runLen;
  }
}
