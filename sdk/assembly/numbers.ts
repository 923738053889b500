// Number parsing and formatting with Redis's exact rules, over raw bytes and without allocating.
// Parsers return success and leave the value in `parsedI64` / `parsedF64` (AssemblyScript has no out
// parameters, and returning a tuple would allocate).

import { lowerAscii } from "./args";
import { nearestDouble } from "./nearest-double";

/** The value of the last successful parseI64. */
export let parsedI64: i64 = 0;
/** The value of the last successful parseF64. */
export let parsedF64: f64 = 0;

/** Longest decimal i64 ("-9223372036854775808"): also Redis's limit on what string2ll reads. */
export const I64_MAX_CHARS: i32 = 20;

/**
 * Redis's string2ll: optional '-', no '+', no spaces, no leading zeros (except "0" itself, and "-0" is
 * refused), within the i64 range.
 */
export function parseI64(ptr: usize, len: i32): bool {
  if (len == 0 || len > I64_MAX_CHARS) return false;
  let i = 0;
  const negative = load<u8>(ptr) == 45; // '-'
  if (negative) i = 1;
  if (i == len) return false;
  let c = <u32>load<u8>(ptr + i);
  if (c == 48 && len == 1) { parsedI64 = 0; return true; } // "0"
  if (c - 49 >= 9) return false; // first digit must be 1-9
  let v: u64 = 0;
  for (; i < len; i++) {
    c = <u32>load<u8>(ptr + i) - 48;
    if (c > 9) return false;
    if (v > (u64.MAX_VALUE - c) / 10) return false;
    v = v * 10 + c;
  }
  if (negative) {
    if (v > <u64>i64.MAX_VALUE + 1) return false;
    parsedI64 = -<i64>v;
  } else {
    if (v > <u64>i64.MAX_VALUE) return false;
    parsedI64 = <i64>v;
  }
  return true;
}

/** Writes `value` in decimal at `dst` (room for I64_MAX_CHARS bytes); returns the length. */
// Every integer reply and JSON number goes through here: values that fit 32 bits (nearly all) are
// counted by comparisons and written in 32-bit arithmetic, whose division by 10 is a multiplication.
export function formatI64(value: i64, dst: usize): i32 {
  let o = dst;
  if (value < 0) store<u8>(o++, 45);
  const v: u64 = value < 0 ? <u64>0 - <u64>value : <u64>value;
  if (v <= <u64>u32.MAX_VALUE) return <i32>(o - dst) + formatU32(<u32>v, o);
  let n = 0;
  for (let t = v; t != 0; t /= 10) n++;
  let rest = v;
  for (let i = n - 1; i >= 0; i--) {
    store<u8>(o + <usize>i, <u8>(48 + rest % 10));
    rest /= 10;
  }
  return <i32>(o - dst) + n;
}

/** The decimal digits of a u32. */
function decimalDigits(v: u32): i32 {
  if (v < 10) return 1;
  if (v < 100) return 2;
  if (v < 1000) return 3;
  if (v < 10000) return 4;
  if (v < 100000) return 5;
  if (v < 1000000) return 6;
  if (v < 10000000) return 7;
  if (v < 100000000) return 8;
  if (v < 1000000000) return 9;
  return 10;
}

function formatU32(v: u32, dst: usize): i32 {
  const n = decimalDigits(v);
  for (let i = n - 1; i >= 0; i--) {
    store<u8>(dst + <usize>i, <u8>(48 + v % 10));
    v /= 10;
  }
  return n;
}

/** exponentToEnd's answer for a malformed exponent. */
export const BAD_EXPONENT: i32 = i32.MIN_VALUE;

/**
 * The exponent that ends a number (after its "e" or "p", from `at` to `len`): an optional sign and at
 * least one decimal digit, clamped to ±100000 (beyond, every reader overflows or underflows anyway);
 * BAD_EXPONENT if malformed (strtold stops before it, and Redis refuses the text left over).
 */
export function exponentToEnd(ptr: usize, len: i32, at: i32): i32 {
  let i = at;
  let negative = false;
  if (i < len && (load<u8>(ptr + i) == 45 || load<u8>(ptr + i) == 43)) { negative = load<u8>(ptr + i) == 45; i++; }
  if (i == len) return BAD_EXPONENT;
  let e: i32 = 0;
  for (; i < len; i++) {
    const c = <u32>load<u8>(ptr + i) - 48;
    if (c > 9) return BAD_EXPONENT;
    if (e < 100000) e = e * 10 + <i32>c;
  }
  return negative ? -e : e;
}

function matchesIgnoreCase(ptr: usize, len: i32, at: i32, word: string): bool {
  if (len - at != word.length) return false;
  for (let i = 0; i < word.length; i++) {
    if (lowerAscii(<u32>load<u8>(ptr + at + i)) != <u32>word.charCodeAt(i)) return false;
  }
  return true;
}

/** 10^e for |e| <= 22 exactly, beyond that as close as Math.pow gets. */
function pow10(e: i32): f64 {
  return Math.pow(10, <f64>e);
}

/** The largest mantissa a double holds exactly (2^53). */
const EXACT_MANTISSA: u64 = 9007199254740992;
const POWERS_OF_TEN = memory.data<f64>([
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
]);
/** 10^e, 0 <= e <= 22: every one a double exactly. */
// @ts-ignore: decorator
@inline export function exactPow10(e: i32): f64 { return load<f64>(POWERS_OF_TEN + (<usize>e << 3)); }

/**
 * mantissa·10^exp10 when one rounding gives the nearest double (Clinger's fast path: the mantissa within
 * 2^53, |exp10| ≤ 22, so both operands are exact), else NaN: for parsers that read the digits themselves
 * (JSON numbers), which then fall back to parseF64 for the rest.
 */
export function exactDecimal(mantissa: u64, exp10: i32): f64 {
  if (mantissa > EXACT_MANTISSA || exp10 < -22 || exp10 > 22) return NaN;
  const v = <f64>mantissa;
  return exp10 >= 0 ? v * exactPow10(exp10) : v / exactPow10(-exp10);
}

/**
 * A decimal float the way Redis reads one with strtold, rounded to a double (the SDK's general float
 * argument; INCRBYFLOAT keeps strtold's long double: long-double.ts): optional sign, digits with an optional point and exponent, or inf/infinity; no
 * surrounding spaces, no nan, nothing that overflows. Hexadecimal floats are not accepted.
 */
export function parseF64(ptr: usize, len: i32): bool {
  if (len == 0) return false;
  let i = 0;
  let c = <u32>load<u8>(ptr);
  const negative = c == 45;
  if (c == 45 || c == 43) i = 1;
  if (i < len && (load<u8>(ptr + i) | 0x20) == 0x69 && (matchesIgnoreCase(ptr, len, i, "inf") || matchesIgnoreCase(ptr, len, i, "infinity"))) {
    parsedF64 = negative ? -Infinity : Infinity;
    return true;
  }
  let mantissa: u64 = 0;
  let digits = 0; // significant digits kept in mantissa
  let exp10: i32 = 0;
  let seenDigit = false;
  let seenPoint = false;
  let dropped = false; // a nonzero digit past the 19 kept
  const digitsAt = i;
  for (; i < len; i++) {
    c = <u32>load<u8>(ptr + i);
    if (c == 46 && !seenPoint) { seenPoint = true; continue; }
    if (c - 48 > 9) break;
    seenDigit = true;
    if (digits < 19) {
      if (mantissa != 0 || c != 48) { mantissa = mantissa * 10 + (c - 48); digits++; }
      if (seenPoint) exp10--;
    } else {
      if (!seenPoint) exp10++; // digits beyond 19 significant ones only scale the value here
      if (c != 48) dropped = true;
    }
  }
  if (!seenDigit) return false;
  const digitsEnd = i;
  let exponent: i32 = 0;
  if (i < len && (c == 101 || c == 69)) { // exponent
    exponent = exponentToEnd(ptr, len, i + 1);
    if (exponent == BAD_EXPONENT) return false;
    exp10 += exponent;
    i = len;
  }
  if (i != len) return false;
  let v = <f64>mantissa;
  if (mantissa != 0) {
    const exact = dropped ? NaN : exactDecimal(mantissa, exp10);
    if (!isNaN(exact)) {
      v = exact;
    } else {
      if (exp10 >= 0) v *= pow10(exp10);
      else if (exp10 >= -308) v /= pow10(-exp10);
      else v = v / pow10(308) / pow10(-exp10 - 308);
      // Below 10^309 an estimate past the largest double came from the inexact power of ten (DBL_MAX
      // written out in full): start from the largest double and let the exact comparison decide.
      if (!isFinite(v) && digits + exp10 <= 309) v = f64.MAX_VALUE;
      // An estimate within a few units in the last place: made exact (nearest-double.ts).
      if (isFinite(v) && v != 0) v = nearestDouble(ptr + <usize>digitsAt, digitsEnd - digitsAt, exponent, v);
    }
    if (!isFinite(v) || v == 0) return false; // strtold's ERANGE: overflow or underflow
  }
  parsedF64 = negative ? -v : v;
  return true;
}
