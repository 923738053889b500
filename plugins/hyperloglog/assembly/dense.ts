// The dense representation: 16384 registers of 6 bits packed from the low bits of each byte up, as Redis's
// HLL_DENSE_GET_REGISTER / HLL_DENSE_SET_REGISTER lay them out. `regs` points past the header.

import { REGISTERS, REGISTER_MAX } from "./layout";
import { countRegister } from "./histogram";

export function denseGet(regs: usize, i: i32): u32 {
  const bit = <usize>i * 6;
  const p = regs + (bit >> 3);
  const fb = <u32>(bit & 7);
  return ((<u32>load<u8>(p) >> fb) | (<u32>load<u8>(p, 1) << (8 - fb))) & REGISTER_MAX;
}

/** Writes the register unconditionally (val <= 63). */
export function densePut(regs: usize, i: i32, val: u32): void {
  const bit = <usize>i * 6;
  const p = regs + (bit >> 3);
  const fb = <u32>(bit & 7);
  const fb8 = 8 - fb;
  store<u8>(p, <u8>((<u32>load<u8>(p) & ~(REGISTER_MAX << fb)) | (val << fb)));
  store<u8>(p, <u8>((<u32>load<u8>(p, 1) & ~(REGISTER_MAX >> fb8)) | (val >> fb8)), 1);
}

/** Raises register i to `count`; true if it was lower. */
export function denseSet(regs: usize, i: i32, count: u32): bool {
  if (denseGet(regs, i) >= count) return false;
  densePut(regs, i, count);
  return true;
}

export function denseHistogram(regs: usize): void {
  for (let i = 0; i < REGISTERS; i++) countRegister(denseGet(regs, i), 1);
}

/** max[i] = MAX(max[i], register i): one byte per register. */
export function denseMaxInto(regs: usize, max: usize): void {
  for (let i = 0; i < REGISTERS; i++) {
    const val = <u8>denseGet(regs, i);
    if (val > load<u8>(max + <usize>i)) store<u8>(max + <usize>i, val);
  }
}
