// The shortest decimal digits that read back as a given double, the closest to it among those (what
// V8's and Redis 7.2's fpconv printers produce): Burger & Dybvig's free-format algorithm over exact
// big integers in static memory. The standard library's Grisu2 is not used: it often picks another
// last digit than the closest (a quarter of random doubles in a test).

/** Words of one big integer: enough for 2^1130 (a subnormal's numerator scaled by 10^324), plus length. */
const WORDS: i32 = 40;
const BIG = (WORDS + 1) << 2;
const r = memory.data(BIG);
const s = memory.data(BIG);
const mPlus = memory.data(BIG);
const mMinus = memory.data(BIG);
const sum = memory.data(BIG);

/** The digits (ASCII) of the last shortestDigits call, and how many. */
export const shortestBuffer = memory.data(20);
/** The value is 0.DIGITS × 10^shortestPoint. */
export let shortestPoint: i32 = 0;

/** Digits of finite, positive `v` into shortestBuffer; returns their count. */
export function shortestDigits(v: f64): i32 {
  const bits = reinterpret<u64>(v);
  const biased = <i32>(bits >>> 52);
  let f = bits & 0xfffffffffffff;
  let e: i32;
  if (biased == 0) e = -1074;
  else { f |= 1 << 52; e = biased - 1075; }
  // Readers round to even: an even mantissa owns the boundaries of its interval.
  const even = (f & 1) == 0;
  // A power of two has a closer neighbour below: its lower margin is half the upper one.
  const unequal = f == (<u64>1 << 52) && biased > 1;
  setU64(r, f);
  setU64(s, 1);
  setU64(mPlus, 1);
  setU64(mMinus, 1);
  if (e >= 0) {
    shl(r, e + (unequal ? 2 : 1));
    shl(s, unequal ? 2 : 1);
    shl(mPlus, e + (unequal ? 1 : 0));
    shl(mMinus, e);
  } else {
    shl(r, unequal ? 2 : 1);
    shl(s, 1 - e + (unequal ? 1 : 0));
    if (unequal) shl(mPlus, 1);
  }
  let k = <i32>Math.ceil(Math.log10(v) - 1e-10);
  if (k >= 0) mulPow10(s, k);
  else { mulPow10(r, -k); mulPow10(mPlus, -k); mulPow10(mMinus, -k); }
  // The estimate may be one low: then the first digit would be 10.
  if (highReached(even)) { mulSmall(s, 10); k++; }
  shortestPoint = k;
  let n = 0;
  while (true) {
    mulSmall(r, 10);
    mulSmall(mPlus, 10);
    mulSmall(mMinus, 10);
    let d = 0;
    while (compare(r, s) >= 0) { sub(r, s); d++; }
    const c = compare(r, mMinus);
    const low = even ? c <= 0 : c < 0;
    const high = highReached(even);
    if (!low && !high) { store<u8>(shortestBuffer + n++, <u8>(48 + d)); continue; }
    if (low && high) {
      // Both neighbours round back to v: the closer one, ties to an even digit.
      copy(sum, r);
      shl(sum, 1);
      const half = compare(sum, s);
      if (half > 0 || (half == 0 && (d & 1) == 1)) d++;
    } else if (high) {
      d++;
    }
    store<u8>(shortestBuffer + n++, <u8>(48 + d));
    return n;
  }
}

/** Whether r + m+ reaches s: the digits so far, rounded up, already read back as v. */
function highReached(even: bool): bool {
  copy(sum, r);
  add(sum, mPlus);
  const c = compare(sum, s);
  return even ? c >= 0 : c > 0;
}

// -- big integers: [u32 length][u32 words, least significant first] ----------------------------------

// @ts-ignore: decorator
@inline function len(a: usize): i32 { return load<i32>(a); }
// @ts-ignore: decorator
@inline function word(a: usize, i: i32): u32 { return load<u32>(a + 4 + (<usize>i << 2)); }
// @ts-ignore: decorator
@inline function setWord(a: usize, i: i32, w: u32): void { store<u32>(a + 4 + (<usize>i << 2), w); }

function setU64(a: usize, v: u64): void {
  setWord(a, 0, <u32>v);
  setWord(a, 1, <u32>(v >>> 32));
  store<i32>(a, v >>> 32 != 0 ? 2 : v != 0 ? 1 : 0);
}

function copy(dst: usize, a: usize): void { memory.copy(dst, a, 4 + (<usize>len(a) << 2)); }

function shl(a: usize, bits: i32): void {
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

function mulSmall(a: usize, m: u32): void {
  let carry: u64 = 0;
  const n = len(a);
  for (let i = 0; i < n; i++) {
    const p = <u64>word(a, i) * m + carry;
    setWord(a, i, <u32>p);
    carry = p >>> 32;
  }
  if (carry != 0) { setWord(a, n, <u32>carry); store<i32>(a, n + 1); }
}

function mulPow10(a: usize, k: i32): void {
  for (; k >= 9; k -= 9) mulSmall(a, 1000000000);
  let m: u32 = 1;
  for (; k > 0; k--) m *= 10;
  mulSmall(a, m);
}

function add(a: usize, b: usize): void {
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
function sub(a: usize, b: usize): void {
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

function compare(a: usize, b: usize): i32 {
  if (len(a) != len(b)) return len(a) < len(b) ? -1 : 1;
  for (let i = len(a) - 1; i >= 0; i--) {
    const x = word(a, i), y = word(b, i);
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}
