// ASCII string literals into static scratch buffers: how replies (reply.ts) and INFO fields (info.ts)
// pass texts to the host without allocating. Internal to the SDK.

/** Copies the first `len` characters of an ASCII string literal to `dst`. */
export function asciiTo(dst: usize, text: string, len: i32): void {
  const src = changetype<usize>(text);
  for (let i = 0; i < len; i++) store<u8>(dst + i, <u8>load<u16>(src + (<usize>i << 1)));
}
