// Reading a command's arguments from the argv table the host wrote into the arena:
// argc pairs of (u32 ptr, u32 len). Argument 0 is the command name.

/** Pointer to the bytes of argument `i`. */
// @ts-ignore: decorator
@inline export function argPtr(argv: usize, i: i32): usize {
  return <usize>load<u32>(argv + (<usize>i << 3));
}

/** Byte length of argument `i`. */
// @ts-ignore: decorator
@inline export function argLen(argv: usize, i: i32): i32 {
  return <i32>load<u32>(argv + (<usize>i << 3) + 4);
}

/** ASCII lower-casing of one byte; everything else passes through. */
// @ts-ignore: decorator
@inline export function lowerAscii(c: u32): u32 {
  return c - 65 < 26 ? c | 32 : c;
}

/** Case-insensitive compare of bytes with an ASCII keyword (a string literal), like Redis's strcasecmp. */
export function bytesEqualIgnoreCase(ptr: usize, len: i32, keyword: string): bool {
  if (len != keyword.length) return false;
  const kw = changetype<usize>(keyword);
  for (let i = 0; i < len; i++) {
    if (lowerAscii(<u32>load<u8>(ptr + i)) != lowerAscii(<u32>load<u16>(kw + (<usize>i << 1)))) return false;
  }
  return true;
}

/** True when argument `i` is `keyword`, ignoring ASCII case: `argIs(argv, 3, "NX")`. */
export function argIs(argv: usize, i: i32, keyword: string): bool {
  return bytesEqualIgnoreCase(argPtr(argv, i), argLen(argv, i), keyword);
}

/** Byte-wise equality of two memory ranges. */
export function bytesEqual(a: usize, aLen: i32, b: usize, bLen: i32): bool {
  return aLen == bLen && memory.compare(a, b, <usize>aLen) == 0;
}

/** The order of two byte strings as Redis's sdscmp (memcmp, then a shorter prefix first): <0, 0 or >0. */
export function compareBytes(a: usize, aLen: i32, b: usize, bLen: i32): i32 {
  const cmp = memory.compare(a, b, <usize>min(aLen, bLen));
  return cmp != 0 ? cmp : aLen - bLen;
}

/** C's isspace in the C locale: space, \t, \n, \v, \f, \r (what strtod skips before a number). */
// @ts-ignore: decorator
@inline export function isSpace(c: u32): bool {
  return c == 32 || c - 9 < 5;
}
