// Reading, writing and overflow-checking integers of 1 to 64 bits at any bit offset, laid out as SETBIT
// sees them (bit 0 is the most significant bit of the first byte). Ported from Redis's bitops.c so that
// the overflow corner cases (u63, i64, out-of-range SET values) answer exactly the same.

export const OVERFLOW_WRAP: i32 = 0;
export const OVERFLOW_SAT: i32 = 1;
export const OVERFLOW_FAIL: i32 = 2;

/** The value an overflowing operation should store instead (WRAP and SAT), set by the check functions. */
export let limitValue: u64 = 0;

/** Reads `bits` bits at bit `offset`; bytes at or past `length` read as zero. */
export function getUnsignedField(ptr: usize, length: u64, offset: u64, bits: i32): u64 {
  let value: u64 = 0;
  for (let j = 0; j < bits; j++, offset++) {
    const byteIndex = offset >> 3;
    const byte: u64 = byteIndex < length ? <u64>load<u8>(ptr + <usize>byteIndex) : 0;
    value = (value << 1) | ((byte >> (7 - (offset & 7))) & 1);
  }
  return value;
}

/** Like getUnsignedField, sign-extending the field's top bit. */
export function getSignedField(ptr: usize, length: u64, offset: u64, bits: i32): i64 {
  const value = getUnsignedField(ptr, length, offset, bits);
  if (bits < 64 && (value & (<u64>1 << (bits - 1))) != 0) return <i64>(value | (u64.MAX_VALUE << bits));
  return <i64>value;
}

/** Writes the low `bits` bits of `value` at bit `offset`; the bytes must exist. */
export function setField(ptr: usize, offset: u64, bits: i32, value: u64): void {
  for (let j = 0; j < bits; j++, offset++) {
    const at = ptr + <usize>(offset >> 3);
    const mask = <u32>1 << (7 - <u32>(offset & 7));
    const bit = (value >> (bits - 1 - j)) & 1;
    store<u8>(at, bit ? load<u8>(at) | mask : load<u8>(at) & ~mask);
  }
}

/**
 * Whether `value + incr` fits an unsigned field: 0 if it does, 1 on overflow, -1 on underflow, leaving
 * in limitValue what WRAP or SAT stores. `value` above the field's maximum (a negative SET value seen as
 * unsigned) counts as an overflow, as in Redis.
 */
export function checkUnsignedOverflow(value: u64, incr: i64, bits: i32, mode: i32): i32 {
  const max: u64 = bits == 64 ? u64.MAX_VALUE : (<u64>1 << bits) - 1;
  const maxIncr = <i64>(max - value);
  const minIncr = -<i64>value;
  let result = 0;
  if (value > max || (incr > 0 && incr > maxIncr)) {
    result = 1;
    limitValue = max;
  } else if (incr < 0 && incr < minIncr) {
    result = -1;
    limitValue = 0;
  }
  if (result != 0 && mode == OVERFLOW_WRAP) limitValue = (value + <u64>incr) & ~(u64.MAX_VALUE << bits);
  return result;
}

/** The signed counterpart of checkUnsignedOverflow; limitValue holds the i64 bit pattern. */
export function checkSignedOverflow(value: i64, incr: i64, bits: i32, mode: i32): i32 {
  const max: i64 = bits == 64 ? i64.MAX_VALUE : (<i64>1 << (bits - 1)) - 1;
  const min: i64 = -max - 1;
  // Both can wrap; they are only compared once `value` is known to be in range, where they do not.
  const maxIncr = <i64>(<u64>max - <u64>value);
  const minIncr = min - value;
  let result = 0;
  if (value > max || (bits != 64 && incr > maxIncr) || (value >= 0 && incr > 0 && incr > maxIncr)) {
    result = 1;
    limitValue = <u64>max;
  } else if (value < min || (bits != 64 && incr < minIncr) || (value < 0 && incr < 0 && incr < minIncr)) {
    result = -1;
    limitValue = <u64>min;
  }
  if (result != 0 && mode == OVERFLOW_WRAP) limitValue = wrapSigned(<u64>value + <u64>incr, bits);
  return result;
}

/** Truncates to `bits` bits and sign-extends from the field's top bit. */
function wrapSigned(sum: u64, bits: i32): u64 {
  if (bits == 64) return sum;
  const high = u64.MAX_VALUE << bits;
  return (sum & (<u64>1 << (bits - 1))) != 0 ? sum | high : sum & ~high;
}
