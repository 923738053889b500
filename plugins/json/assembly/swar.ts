// Eight bytes at a time: whether a word of string content holds a byte that ends the plain run of a
// JSON string (a quote, a backslash or a control character). The parser and the serializer skip runs of
// ordinary bytes with it, a loop step per eight bytes instead of one per byte.
const ONES: u64 = 0x0101010101010101;
const HIGHS: u64 = 0x8080808080808080;

// @ts-ignore: decorator
@inline export function hasSpecialByte(x: u64): bool {
  const quote = x ^ 0x2222222222222222;
  const backslash = x ^ 0x5c5c5c5c5c5c5c5c;
  // (v - n·ONES) & ~v & HIGHS is non-zero iff a byte of v is below n (n ≤ 128); below 1 means zero.
  return ((((x - 0x2020202020202020) & ~x) | ((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash)) & HIGHS) != 0;
}

/** How many bytes from `ptr` (at most `len`) are plain string content, in steps of eight. */
export function plainRun(ptr: usize, len: i32): i32 {
  let i = 0;
  while (i + 8 <= len && !hasSpecialByte(load<u64>(ptr + <usize>i))) i += 8;
  return i;
}
