// Reading a decimal exactly: the double nearest to its digits × 10^exponent, ties to even, as strtod
// does. parseF64 takes Clinger's fast path when the digits fit in 53 bits and the power of ten is exact
// (one rounding, so already the nearest); otherwise its estimate, off by at most a few units in the last
// place, is corrected here: compared with the midpoints to its neighbours in big integers (big-int.ts),
// it moves up or down until the value lies between them. Nothing is allocated.
import { compare, copy, mulPow10, mulSmall, setU64, shl } from "./big-int";

/**
 * Significant digits read: any double is decided by its first 768 (the longest exact one has 767); past
 * them a nonzero digit stands as one sticky digit, which only tells a value from a tie.
 */
const MAX_DIGITS = 768;
/**
 * Words of the big integers: the digits (2,555 bits) times 2^1075 (below the smallest subnormal), or
 * (2m+1)·2^e times 10^1093: under 3,700 bits either way.
 */
const WORDS = 120;
const BIG = (WORDS + 2) * 4;
/** The digits, times 10^exponent when it is not negative. */
const value = memory.data(BIG);
const left = memory.data(BIG);
const right = memory.data(BIG);
let exponent: i32 = 0;

/**
 * The double nearest to the decimal whose digits (and one optional point) are `ptr[0..len)`, times
 * 10^`exp10`, starting from `estimate` (positive, finite, within a few units in the last place).
 * Infinity when it rounds past the largest double, 0 when below half the smallest subnormal.
 */
export function nearestDouble(ptr: usize, len: i32, exp10: i32, estimate: f64): f64 {
  readDigits(ptr, len, exp10);
  let b = estimate;
  while (true) {
    const above = versusMidpoint(b);
    if (above > 0 || (above == 0 && odd(b))) {
      b = nextUp(b);
      if (above == 0 || !isFinite(b)) return b;
      continue;
    }
    if (b == 0) return b;
    const below = nextDown(b);
    const under = versusMidpoint(below);
    if (under < 0 || (under == 0 && odd(b))) {
      b = below;
      if (under == 0 || b == 0) return b;
      continue;
    }
    return b;
  }
}

/** value = the significant digits, `exponent` such that the decimal is value × 10^exponent (folded in when ≥ 0). */
function readDigits(ptr: usize, len: i32, exp10: i32): void {
  setU64(value, 0);
  let e = exp10;
  let kept = 0;
  let sticky = false;
  let seenPoint = false;
  for (let i = 0; i < len; i++) {
    const c = <u32>load<u8>(ptr + <usize>i);
    if (c == 46) { seenPoint = true; continue; }
    const d = c - 48;
    if (kept == 0 && d == 0) { if (seenPoint) e--; continue; } // leading zeros
    if (kept < MAX_DIGITS) {
      mulSmall(value, 10, d);
      kept++;
      if (seenPoint) e--;
    } else {
      if (!seenPoint) e++;
      if (d != 0) sticky = true;
    }
  }
  if (sticky) { mulSmall(value, 10, 1); e--; }
  if (e > 0) { mulPow10(value, e); e = 0; }
  exponent = e;
}

/** The sign of decimal − the midpoint between finite x ≥ 0 and the next double up: (2m+1)·2^(k−1). */
function versusMidpoint(x: f64): i32 {
  const bits = reinterpret<u64>(x);
  const biased = <i32>(bits >>> 52);
  const fraction = bits & 0xfffffffffffff;
  const m = biased == 0 ? fraction : fraction | 0x10000000000000;
  const k = (biased == 0 ? 1 : biased) - 1075;
  copy(left, value);
  setU64(right, 2 * m + 1);
  if (exponent < 0) mulPow10(right, -exponent);
  const e2 = k - 1;
  if (e2 >= 0) shl(right, e2);
  else shl(left, -e2);
  return compare(left, right);
}

// @ts-ignore: decorator
@inline function odd(x: f64): bool { return (reinterpret<u64>(x) & 1) != 0; }
// @ts-ignore: decorator
@inline function nextUp(x: f64): f64 { return reinterpret<f64>(reinterpret<u64>(x) + 1); }
// @ts-ignore: decorator
@inline function nextDown(x: f64): f64 { return reinterpret<f64>(reinterpret<u64>(x) - 1); }
