// RediSearch measures and compares suggestions in runes (decoded UTF-8) and folds their case for
// prefix matching. Runes here: one per UTF-8 lead byte; folding: ASCII letters.

/** The number of runes (UTF-8 code points) in the bytes. */
export function runeCount(ptr: usize, len: i32): i32 {
  let n = 0;
  for (let i = 0; i < len; i++) if ((load<u8>(ptr + <usize>i) & 0xc0) != 0x80) n++;
  return n;
}

/** The byte folded for comparison. */
export function fold(c: u32): u32 { return c >= 65 && c <= 90 ? c + 32 : c; }
