// The sparse representation's three opcodes, as Redis defines them:
//   ZERO  00xxxxxx           1 to 64 registers at 0
//   XZERO 01xxxxxx yyyyyyyy  1 to 16384 registers at 0
//   VAL   1vvvvvxx           1 to 4 registers at value 1 to 32
// A register above 32, or a representation above hll-sparse-max-bytes, forces the dense one.

export const VAL_MAX_VALUE: u32 = 32;
export const VAL_MAX_LEN: i32 = 4;
export const ZERO_MAX_LEN: i32 = 64;

// @ts-ignore: decorator
@inline export function isZero(op: u32): bool { return (op & 0xc0) == 0; }
// @ts-ignore: decorator
@inline export function isXzero(op: u32): bool { return (op & 0xc0) == 0x40; }
// @ts-ignore: decorator
@inline export function isVal(op: u32): bool { return (op & 0x80) != 0; }
// @ts-ignore: decorator
@inline export function zeroLen(op: u32): i32 { return <i32>(op & 0x3f) + 1; }
// @ts-ignore: decorator
@inline export function xzeroLen(p: usize): i32 {
  return <i32>(((<u32>load<u8>(p) & 0x3f) << 8) | <u32>load<u8>(p, 1)) + 1;
}
// @ts-ignore: decorator
@inline export function valValue(op: u32): u32 { return ((op >> 2) & 0x1f) + 1; }
// @ts-ignore: decorator
@inline export function valLen(op: u32): i32 { return <i32>(op & 3) + 1; }
// @ts-ignore: decorator
@inline export function valOp(val: u32, len: i32): u8 { return <u8>(((val - 1) << 2) | <u32>(len - 1) | 0x80); }

/** Writes a ZERO or XZERO opcode for `len` zero registers at p; returns the position after it. */
export function putZeros(p: usize, len: i32): usize {
  if (len <= ZERO_MAX_LEN) {
    store<u8>(p, <u8>(len - 1));
    return p + 1;
  }
  const l = len - 1;
  store<u8>(p, <u8>((l >> 8) | 0x40));
  store<u8>(p, <u8>(l & 0xff), 1);
  return p + 2;
}

/** The run decoded by the last nextRun: how many registers, at which value (0 for ZERO/XZERO). */
export let runLen: i32 = 0;
export let runVal: u32 = 0;

/** Decodes the opcode at p into runLen/runVal and returns the next opcode's position. */
export function nextRun(p: usize): usize {
  const op = <u32>load<u8>(p);
  if (isZero(op)) {
    runLen = zeroLen(op);
    runVal = 0;
    return p + 1;
  }
  if (isXzero(op)) {
    runLen = xzeroLen(p);
    runVal = 0;
    return p + 2;
  }
  runLen = valLen(op);
  runVal = valValue(op);
  return p + 1;
}
