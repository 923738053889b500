// Counting set bits, a 64-bit word at a time: wasm's popcnt makes Redis's lookup tables unnecessary.

/** Number of set bits in `count` bytes at `ptr`. */
export function popcount(ptr: usize, count: usize): i64 {
  const end = ptr + count;
  let bits: u64 = 0;
  for (; ptr + 8 <= end; ptr += 8) bits += popcnt<u64>(load<u64>(ptr));
  for (; ptr < end; ptr++) bits += <u64>popcnt<u32>(<u32>load<u8>(ptr));
  return <i64>bits;
}

/** Number of set bits in one byte. */
// @ts-ignore: decorator
@inline export function popcountByte(byte: u32): i64 {
  return <i64>popcnt<u32>(byte & 0xff);
}
