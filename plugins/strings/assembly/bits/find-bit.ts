// The search behind BITPOS: the first bit equal to `bit` (0 or 1), bit 0 being the most significant
// bit of the first byte.

/** Position (0-7) of the first `bit` in a byte, or -1. */
function bitInByte(byte: u32, bit: i32): i64 {
  const ones = bit ? byte & 0xff : ~byte & 0xff;
  return ones == 0 ? -1 : <i64>(clz<u32>(ones) - 24);
}

/** The byte at `at` with its `outside` bits made unable to match `bit`. */
function maskedByte(at: usize, outside: u32, bit: i32): u32 {
  const byte = <u32>load<u8>(at);
  return bit ? byte & ~outside : byte | outside;
}

/** Position of the first `bit` in `count` bytes at `ptr`, or -1. */
function findBit(ptr: usize, count: usize, bit: i32): i64 {
  // Skip whole words that cannot contain the bit: all zeros when looking for 1, all ones for 0.
  const skip: u64 = bit ? 0 : u64.MAX_VALUE;
  let i: usize = 0;
  while (i + 8 <= count && load<u64>(ptr + i) == skip) i += 8;
  for (; i < count; i++) {
    const pos = bitInByte(<u32>load<u8>(ptr + i), bit);
    if (pos >= 0) return (<i64>i << 3) + pos;
  }
  return -1;
}

/**
 * Absolute position of the first `bit` in bytes [start, end] of `data`, or -1. The bits set in
 * `firstOutside` / `lastOutside` (of the first / last byte) lie outside a BIT range and never match.
 */
export function findBitInRange(data: usize, start: i64, end: i64, firstOutside: u32, lastOutside: u32, bit: i32): i64 {
  const firstMask = start == end ? firstOutside | lastOutside : firstOutside;
  let pos = bitInByte(maskedByte(data + <usize>start, firstMask, bit), bit);
  if (pos >= 0 || start == end) return pos < 0 ? -1 : (start << 3) + pos;
  pos = findBit(data + <usize>(start + 1), <usize>(end - start - 1), bit);
  if (pos >= 0) return ((start + 1) << 3) + pos;
  pos = bitInByte(maskedByte(data + <usize>end, lastOutside, bit), bit);
  return pos < 0 ? -1 : (end << 3) + pos;
}
