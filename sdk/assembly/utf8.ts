// Well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing past U+10FFFF. For engines
// that must refuse malformed text instead of decoding it (decoding invalid bytes swallows the bytes after
// them: a closing quote, say).

/** The length of the valid multi-byte UTF-8 sequence at `ptr` (`avail` bytes there), or 0. */
export function utf8Sequence(ptr: usize, avail: i32): i32 {
  const c = <u32>load<u8>(ptr);
  let need = 0;
  let lo: u32 = 0x80, hi: u32 = 0xbf;
  if (c >= 0xc2 && c <= 0xdf) need = 1;
  else if (c == 0xe0) { need = 2; lo = 0xa0; }
  else if (c == 0xed) { need = 2; hi = 0x9f; }
  else if (c >= 0xe1 && c <= 0xef) need = 2;
  else if (c == 0xf0) { need = 3; lo = 0x90; }
  else if (c >= 0xf1 && c <= 0xf3) need = 3;
  else if (c == 0xf4) { need = 3; hi = 0x8f; }
  else return 0;
  if (need >= avail) return 0;
  for (let j = 1; j <= need; j++) {
    const b = <u32>load<u8>(ptr + <usize>j);
    if (j == 1 ? b < lo || b > hi : b < 0x80 || b > 0xbf) return 0;
  }
  return need + 1;
}

/** Whether the `len` bytes at `ptr` are well-formed UTF-8. */
export function utf8Valid(ptr: usize, len: i32): bool {
  let at = 0;
  while (at < len) {
    if (load<u8>(ptr + <usize>at) < 0x80) {
      at++;
      continue;
    }
    const n = utf8Sequence(ptr + <usize>at, len - at);
    if (n == 0) return false;
    at += n;
  }
  return true;
}
