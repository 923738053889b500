// A bit stream over 64-bit little-endian words, least significant bit first: the Gorilla chunks' storage.
// The writer ORs into zeroed words, so a chunk's data block must start zeroed.

// @ts-ignore: decorator
@inline function lowBits(n: i32): u64 { return n >= 64 ? u64.MAX_VALUE : (<u64>1 << <u64>n) - 1; }

/** Writes the low `n` bits (1..64) of `v` at bit `pos` of `base`; returns the new position. */
export function writeBits(base: usize, pos: u32, v: u64, n: i32): u32 {
  v &= lowBits(n);
  const word = base + (<usize>(pos >> 6) << 3);
  const off = <i32>(pos & 63);
  store<u64>(word, load<u64>(word) | (v << <u64>off));
  if (off + n > 64) store<u64>(word + 8, load<u64>(word + 8) | (v >> <u64>(64 - off)));
  return pos + <u32>n;
}

/** Reads `n` bits (1..64) at bit `pos` of `base`. */
export function readBits(base: usize, pos: u32, n: i32): u64 {
  const word = base + (<usize>(pos >> 6) << 3);
  const off = <i32>(pos & 63);
  let v = load<u64>(word) >> <u64>off;
  if (off + n > 64) v |= load<u64>(word + 8) << <u64>(64 - off);
  return v & lowBits(n);
}
