// Query text must be valid UTF-8 (FalkorDB's "Invalid UTF8 string"): decoding invalid bytes would
// swallow the characters after them, a closing quote included.

/** Whether `len` bytes at `p` are well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF). */
export function validUtf8(p: usize, len: i32): bool {
  const end = p + <usize>len;
  while (p < end) {
    const c = <u32>load<u8>(p);
    let n = 0;
    let min: u32 = 0;
    let cp: u32 = 0;
    if (c < 0x80) {
      p++;
      continue;
    } else if ((c & 0xe0) == 0xc0) {
      n = 1;
      min = 0x80;
      cp = c & 0x1f;
    } else if ((c & 0xf0) == 0xe0) {
      n = 2;
      min = 0x800;
      cp = c & 0x0f;
    } else if ((c & 0xf8) == 0xf0) {
      n = 3;
      min = 0x10000;
      cp = c & 0x07;
    } else return false;
    if (end - p <= <usize>n) return false;
    for (let i = 1; i <= n; i++) {
      const b = <u32>load<u8>(p + i);
      if ((b & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (b & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    p += 1 + n;
  }
  return true;
}
