// Unsigned big integers in static memory the caller reserves: a u32 length, then u32 words, least
// significant first, no leading zero words; (words + 2) * 4 bytes hold values of up to `words` words
// (one more for a carry). Nothing checks capacity: each caller sizes its buffers for the largest value
// its algorithm can reach. Used by the exact number printers and readers (shortest-digits.ts,
// long-double.ts), which must not allocate.

// @ts-ignore: decorator
@inline export function len(a: usize): i32 { return load<i32>(a); }
// @ts-ignore: decorator
@inline export function word(a: usize, i: i32): u32 { return load<u32>(a + 4 + (<usize>i << 2)); }
// @ts-ignore: decorator
@inline export function setWord(a: usize, i: i32, w: u32): void { store<u32>(a + 4 + (<usize>i << 2), w); }

export function setU64(a: usize, v: u64): void {
  setWord(a, 0, <u32>v);
  setWord(a, 1, <u32>(v >>> 32));
  store<i32>(a, v >>> 32 != 0 ? 2 : v != 0 ? 1 : 0);
}

export function copy(dst: usize, a: usize): void { memory.copy(dst, a, 4 + (<usize>len(a) << 2)); }

export function shl(a: usize, bits: i32): void {
  const words = bits >> 5, shift = bits & 31;
  let n = len(a);
  if (n == 0) return;
  setWord(a, n, 0);
  for (let i = n; i >= 0; i--) {
    const hi = word(a, i) << shift;
    const lo = shift != 0 && i > 0 ? word(a, i - 1) >>> (32 - shift) : 0;
    setWord(a, i + words, hi | lo);
  }
  for (let i = 0; i < words; i++) setWord(a, i, 0);
  n += words + 1;
  while (n > 0 && word(a, n - 1) == 0) n--;
  store<i32>(a, n);
}

/** a = a * m + addend. */
export function mulSmall(a: usize, m: u32, addend: u32 = 0): void {
  let carry: u64 = addend;
  const n = len(a);
  for (let i = 0; i < n; i++) {
    const p = <u64>word(a, i) * m + carry;
    setWord(a, i, <u32>p);
    carry = p >>> 32;
  }
  if (carry != 0) { setWord(a, n, <u32>carry); store<i32>(a, n + 1); }
}

export function mulPow10(a: usize, k: i32): void {
  for (; k >= 9; k -= 9) mulSmall(a, 1000000000);
  let m: u32 = 1;
  for (; k > 0; k--) m *= 10;
  mulSmall(a, m);
}

export function add(a: usize, b: usize): void {
  const n = max(len(a), len(b));
  let carry: u64 = 0;
  for (let i = 0; i < n; i++) {
    const x = i < len(a) ? <u64>word(a, i) : 0;
    const y = i < len(b) ? <u64>word(b, i) : 0;
    const t = x + y + carry;
    setWord(a, i, <u32>t);
    carry = t >>> 32;
  }
  store<i32>(a, n);
  if (carry != 0) { setWord(a, n, 1); store<i32>(a, n + 1); }
}

/** a -= b, with a >= b. */
export function sub(a: usize, b: usize): void {
  let borrow: i64 = 0;
  let n = len(a);
  for (let i = 0; i < n; i++) {
    const t = <i64>word(a, i) - (i < len(b) ? <i64>word(b, i) : 0) - borrow;
    setWord(a, i, <u32>t);
    borrow = t < 0 ? 1 : 0;
  }
  while (n > 0 && word(a, n - 1) == 0) n--;
  store<i32>(a, n);
}

export function compare(a: usize, b: usize): i32 {
  if (len(a) != len(b)) return len(a) < len(b) ? -1 : 1;
  for (let i = len(a) - 1; i >= 0; i--) {
    const x = word(a, i), y = word(b, i);
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

/** a = a / d (d > 0); returns the remainder. */
export function divSmall(a: usize, d: u32): u32 {
  let rem: u64 = 0;
  let n = len(a);
  for (let i = n - 1; i >= 0; i--) {
    const cur = (rem << 32) | word(a, i);
    setWord(a, i, <u32>(cur / d));
    rem = cur % d;
  }
  while (n > 0 && word(a, n - 1) == 0) n--;
  store<i32>(a, n);
  return <u32>rem;
}

/** Bits needed to write a (0 for zero). */
export function bitLength(a: usize): i32 {
  const n = len(a);
  return n == 0 ? 0 : (n << 5) - <i32>clz(word(a, n - 1));
}

/** Bit i of a. */
export function testBit(a: usize, i: i32): bool {
  return (i >> 5) < len(a) && ((word(a, i >> 5) >>> (i & 31)) & 1) != 0;
}

/** Whether bits 0 to count - 1 of a are all zero. */
export function lowBitsZero(a: usize, count: i32): bool {
  const words = min(count >> 5, len(a));
  for (let i = 0; i < words; i++) if (word(a, i) != 0) return false;
  const rest = count & 31;
  return rest == 0 || words >= len(a) || (word(a, words) & ((<u32>1 << rest) - 1)) == 0;
}

export function shr(a: usize, bits: i32): void {
  const words = bits >> 5, shift = bits & 31;
  const n = len(a);
  if (words >= n) { store<i32>(a, 0); return; }
  const m = n - words;
  for (let i = 0; i < m; i++) {
    const lo = word(a, i + words) >>> shift;
    const hi = shift != 0 && i + words + 1 < n ? word(a, i + words + 1) << (32 - shift) : 0;
    setWord(a, i, lo | hi);
  }
  store<i32>(a, word(a, m - 1) == 0 ? m - 1 : m);
}
