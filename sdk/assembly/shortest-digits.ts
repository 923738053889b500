// The shortest decimal digits that read back as a given double, the closest to it among those (what
// V8's and Redis 7.2's fpconv printers produce): Burger & Dybvig's free-format algorithm over exact
// big integers in static memory. The standard library's Grisu2 is not used: it often picks another
// last digit than the closest (a quarter of random doubles in a test).
import { add, compare, copy, mulPow10, mulSmall, setU64, shl, sub } from "./big-int";

/** One big integer (big-int.ts): 40 words, enough for 2^1130 (a subnormal's numerator scaled by 10^324). */
const BIG = (40 + 2) << 2;
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
  const fast = shortDecimal(v);
  if (fast > 0) return fast;
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

/** Below 2^50, v × 10^j is within 0.125 of the m that reads back, and its rounding adds under 0.125: Math.round finds m. */
const SMALL_DECIMAL: f64 = 1125899906842624;

/**
 * The common case without big integers: v is m / 10^j for a small integer m (19.99, 0.5, 1500). The
 * first j at which the nearest integer m to v × 10^j reads back as v (m / 10^j correctly rounded) gives
 * the fewest digits, and below 2^50 only one m can read back for a j (10^-j is wider than v's ulp), so it
 * is also the closest: Burger & Dybvig's answer. 0 when v is not such a value (the exact path decides).
 */
function shortDecimal(v: f64): i32 {
  let p: f64 = 1;
  for (let j = 0; j <= 17; j++) {
    const m = Math.round(v * p);
    if (m >= SMALL_DECIMAL) return 0;
    if (m > 0 && m / p == v) {
      let digits = <u64>m;
      let n = 1;
      for (let t = digits; t >= 10; t /= 10) n++;
      shortestPoint = n - j;
      while (digits % 10 == 0) { digits /= 10; n--; } // only an integer (j = 0) ends in zeros
      for (let i = n - 1; i >= 0; i--) { store<u8>(shortestBuffer + i, <u8>(48 + digits % 10)); digits /= 10; }
      return n;
    }
    p *= 10;
  }
  return 0;
}

/** Whether r + m+ reaches s: the digits so far, rounded up, already read back as v. */
function highReached(even: bool): bool {
  copy(sum, r);
  add(sum, mPlus);
  const c = compare(sum, s);
  return even ? c >= 0 : c > 0;
}
