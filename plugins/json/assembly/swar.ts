// Eight bytes at a time: where in string content the first byte that ends the plain run of a JSON string
// (a quote, a backslash or a control character) is. The parser and the serializer skip runs of ordinary
// bytes with it, a loop step per eight bytes instead of one per byte.
const ONES: u64 = 0x0101010101010101;
const HIGHS: u64 = 0x8080808080808080;

/**
 * The special bytes of a word: a high bit set in each byte that is a quote, a backslash or a control
 * character. A byte's bit may also be set above the first special byte (borrows), never below it, so the
 * lowest set bit finds the first one exactly.
 */
// @ts-ignore: decorator
@inline function specialBytes(x: u64): u64 {
  const quote = x ^ 0x2222222222222222;
  const backslash = x ^ 0x5c5c5c5c5c5c5c5c;
  // (v - n·ONES) & ~v & HIGHS flags the bytes of v below n (n ≤ 128); below 1 means zero.
  return (((x - 0x2020202020202020) & ~x) | ((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash)) & HIGHS;
}

/**
 * The bytes of a word that stop a string's fast copy in the parser: the special ones, and every byte of
 * a multi-byte UTF-8 sequence (its high bit set), which the parser checks. The lowest set bit is exact.
 */
// @ts-ignore: decorator
@inline export function stringStops(x: u64): u64 { return specialBytes(x) | (x & HIGHS); }

/**
 * How many bytes from `ptr` (at most `len`) are plain string content before the first special one,
 * eight at a time. A tail under eight bytes is read as one word too (its bytes past `len` taken as
 * plain) when that word lies inside memory; otherwise the count stops before it, and the caller goes on
 * byte by byte.
 */
// @ts-ignore: decorator
@inline export function plainRun(ptr: usize, len: i32): i32 {
  let i = 0;
  while (i + 8 <= len) {
    const m = specialBytes(load<u64>(ptr + <usize>i));
    if (m != 0) return i + (<i32>ctz(m) >> 3);
    i += 8;
  }
  if (i == len || ptr + <usize>i + 8 > (<usize>memory.size() << 16)) return i;
  const keep: u64 = (<u64>1 << (<u64>(len - i) << 3)) - 1;
  const m = specialBytes((load<u64>(ptr + <usize>i) & keep) | (0x4141414141414141 & ~keep));
  return m != 0 ? i + (<i32>ctz(m) >> 3) : len;
}

/**
 * Copies `len` bytes that do not overlap. V8 runs memory.copy as a call out of wasm, dear for the few
 * bytes of a key or a short string: those are copied a word at a time here.
 */
// @ts-ignore: decorator
@inline export function copyBytes(dst: usize, src: usize, len: i32): void {
  if (len > 32) { memory.copy(dst, src, <usize>len); return; }
  let i: usize = 0;
  const n = <usize>len;
  while (i + 8 <= n) { store<u64>(dst + i, load<u64>(src + i)); i += 8; }
  if (i + 4 <= n) { store<u32>(dst + i, load<u32>(src + i)); i += 4; }
  if (i + 2 <= n) { store<u16>(dst + i, load<u16>(src + i)); i += 2; }
  if (i < n) store<u8>(dst + i, load<u8>(src + i));
}

/** Whether `len` bytes at `a` and `b` are equal, compared a word at a time (object keys: short). */
// @ts-ignore: decorator
@inline export function sameBytes(a: usize, b: usize, len: i32): bool {
  let i: usize = 0;
  const n = <usize>len;
  while (i + 8 <= n) {
    if (load<u64>(a + i) != load<u64>(b + i)) return false;
    i += 8;
  }
  while (i < n) {
    if (load<u8>(a + i) != load<u8>(b + i)) return false;
    i++;
  }
  return true;
}
