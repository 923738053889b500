// The x87 80-bit long double Redis computes INCRBYFLOAT and HINCRBYFLOAT in (64-bit mantissa with an
// explicit integer bit, exponents -16382 to 16383, subnormals down to 2^-16445), emulated exactly:
// strtold's correctly rounded reading, one correctly rounded addition, and glibc's exact "%.17Lf"
// printing (up to 4,951 characters near LDBL_MAX), trimmed as Redis's ld2string(LD_STR_HUMAN) does.
// Every step works on big integers in static memory (big-int.ts): nothing is allocated.
import { bytesEqualIgnoreCase } from "./args";
import { exponentToEnd, BAD_EXPONENT } from "./numbers";
import { add, bitLength, compare, copy, divSmall, len, lowBitsZero, mulPow10, mulSmall, setU64, shl, shr, sub, testBit } from "./big-int";

/**
 * A long double: ±mant × 2^exp (zero when mant is 0), or not finite (an infinity or a NaN: Redis
 * refuses both the same way). Values live in static memory: use the SDK's slots below.
 */
@unmanaged export class LongDouble {
  mant: u64;
  exp: i32;
  negative: bool;
  finite: bool;
}

/** Two slots for a command's stored value and its increment. */
export const longDoubleValue = changetype<LongDouble>(memory.data(16));
export const longDoubleIncrement = changetype<LongDouble>(memory.data(16));

/** Redis's MAX_LONG_DOUBLE_CHARS: it reads shorter texts only, and its printer's buffer is this big. */
export const LONG_DOUBLE_MAX_CHARS: i32 = 5 * 1024;
/** Room for formatLongDoubleHuman's text. */
export const longDoubleText: usize = memory.data(LONG_DOUBLE_MAX_CHARS);

/** The smallest normal exponent (of the leading bit), the largest, and the mantissa's width. */
const EMIN: i32 = -16382;
const EMAX: i32 = 16383;
const MANT_BITS: i32 = 64;
/** Decimal magnitudes past which strtold overflows or underflows whatever the digits (LDBL_MAX ≈ 1.19e4932, the smallest subnormal ≈ 3.65e-4951). */
const MAX_MAGNITUDE: i32 = 4934;
const MIN_MAGNITUDE: i32 = -4952;

/**
 * Big integer room (big-int.ts): the largest is a reading's denominator, 10^10071 (5,119 digits after
 * the point of a number near the smallest subnormal): 33,456 bits. An addition aligns exponents up to
 * 32,892 bits apart.
 */
const BIG = (1060 + 2) << 2;
const num = memory.data(BIG);
const den = memory.data(BIG);
const other = memory.data(BIG);

const ROUNDED: i32 = 0;
const OVERFLOW: i32 = 1;
const UNDERFLOW: i32 = 2;

/**
 * num / den × 2^binExp, rounded to nearest, ties to even, into `out` (num and den are consumed).
 * Returns ROUNDED, OVERFLOW (beyond LDBL_MAX) or UNDERFLOW (rounds to zero); num must not be zero.
 */
function roundQuotient(negative: bool, binExp: i32, out: LongDouble): i32 {
  const t = bitLength(num) - bitLength(den);
  if (t > 0) shl(den, t);
  else if (t < 0) shl(num, -t);
  let e = binExp + t;
  if (compare(num, den) < 0) { shl(num, 1); e--; }
  // Now num / den is in [1, 2): the value's leading bit is 2^e. Below EMIN, fewer bits are left (subnormal).
  const bits = e < EMIN ? MANT_BITS - (EMIN - e) : MANT_BITS;
  if (bits < 0) return UNDERFLOW;
  let q: u64 = 0;
  for (let k = 0; k < bits; k++) {
    q <<= 1;
    if (compare(num, den) >= 0) { sub(num, den); q |= 1; }
    shl(num, 1);
  }
  // What is left, num / den in [0, 2), is the part past the last bit: over 1 is more than half an ulp.
  const half = compare(num, den);
  let exp = e - bits + 1;
  if (half > 0 || (half == 0 && (q & 1) == 1)) {
    q++;
    if (q == 0) { q = <u64>1 << 63; exp++; } // carried out of 64 bits
  }
  if (q == 0) return UNDERFLOW;
  if (exp + MANT_BITS - 1 > EMAX) return OVERFLOW;
  out.mant = q;
  out.exp = exp;
  out.negative = negative;
  out.finite = true;
  return ROUNDED;
}

/** out = 0 (what a missing key or field counts as), or -0. */
export function setLongDoubleZero(out: LongDouble, negative: bool = false): void {
  out.mant = 0;
  out.exp = 0;
  out.negative = negative;
  out.finite = true;
}

/**
 * Reads a number as Redis's string2ld does (strtold, then refusals): optional sign, then decimal digits
 * with an optional point and exponent ("e"), hexadecimal ones after "0x" with an optional binary
 * exponent ("p"), or inf/infinity; no spaces, no nan, nothing that overflows or underflows to zero,
 * shorter than LONG_DOUBLE_MAX_CHARS. Rounds correctly, however many digits.
 */
export function parseLongDouble(ptr: usize, length: i32, out: LongDouble): bool {
  if (length == 0 || length >= LONG_DOUBLE_MAX_CHARS) return false;
  let i = 0;
  let c = <u32>load<u8>(ptr);
  const negative = c == 45;
  if (c == 45 || c == 43) i = 1;
  if (bytesEqualIgnoreCase(ptr + i, length - i, "inf") || bytesEqualIgnoreCase(ptr + i, length - i, "infinity")) {
    out.finite = false;
    out.negative = negative;
    return true;
  }
  const hex = length - i > 2 && load<u8>(ptr + i) == 48 && (load<u8>(ptr + i + 1) | 32) == 120; // "0x"
  if (hex) i += 2;
  // Digits go into num a chunk at a time (9 decimal or 7 hexadecimal: one big multiplication each);
  // each digit after the point lowers the exponent (of 10, or of 2 by 4).
  const chunkMax = hex ? 7 : 9;
  store<i32>(num, 0);
  let digits = 0; // significant digits read into num
  let exp: i32 = 0;
  let seenDigit = false;
  let seenPoint = false;
  let chunk: u32 = 0;
  let chunkDigits = 0;
  for (; i < length; i++) {
    c = <u32>load<u8>(ptr + i);
    if (c == 46 && !seenPoint) { seenPoint = true; continue; }
    const d = digitValue(c, hex);
    if (d < 0) break;
    seenDigit = true;
    if (seenPoint) exp -= hex ? 4 : 1;
    if (digits == 0 && d == 0) continue; // a leading zero
    chunk = chunk * (hex ? 16 : 10) + <u32>d;
    digits++;
    if (++chunkDigits == chunkMax) { mulSmall(num, hex ? 1 << 28 : 1000000000, chunk); chunk = 0; chunkDigits = 0; }
  }
  if (chunkDigits > 0) {
    if (hex) shl(num, chunkDigits * 4);
    else mulPow10(num, chunkDigits);
    mulSmall(num, 1, chunk);
  }
  if (!seenDigit) return false;
  if (i < length && (c | 32) == (hex ? 112 : 101)) {
    const e = exponentToEnd(ptr, length, i + 1);
    if (e == BAD_EXPONENT) return false;
    exp += e;
    i = length;
  }
  if (i != length) return false;
  if (digits == 0) { setLongDoubleZero(out, negative); return true; }
  store<i32>(den, 0);
  mulSmall(den, 1, 1);
  if (hex) {
    // Out of range whatever the bits, or worth rounding.
    const magnitude = bitLength(num) + exp;
    if (magnitude > EMAX + 2 || magnitude < EMIN - MANT_BITS - 2) return false;
    return roundQuotient(negative, exp, out) == ROUNDED;
  }
  // The value is in [10^(magnitude - 1), 10^magnitude): out of range whatever the digits, or worth computing.
  const magnitude = digits + exp;
  if (magnitude > MAX_MAGNITUDE || magnitude < MIN_MAGNITUDE) return false;
  if (exp >= 0) mulPow10(num, exp);
  else mulPow10(den, -exp);
  return roundQuotient(negative, 0, out) == ROUNDED;
}

/** The digit `c` stands for in base 10 or 16, or -1. */
function digitValue(c: u32, hex: bool): i32 {
  if (c - 48 < 10) return <i32>c - 48;
  const l = c | 32;
  return hex && l - 97 < 6 ? <i32>l - 87 : -1;
}

/** a += b, rounded once as the x87 unit does; an infinite or NaN sum leaves a not finite. */
export function addLongDouble(a: LongDouble, b: LongDouble): void {
  if (!a.finite || !b.finite) { a.finite = false; return; }
  if (b.mant == 0) { if (a.mant == 0) a.negative = a.negative && b.negative; return; }
  if (a.mant == 0) { memory.copy(changetype<usize>(a), changetype<usize>(b), 16); return; }
  // The exact sum as a big integer over the smaller exponent, then one rounding.
  const low = min(a.exp, b.exp);
  setU64(num, a.mant);
  shl(num, a.exp - low);
  setU64(other, b.mant);
  shl(other, b.exp - low);
  let negative = a.negative;
  if (a.negative == b.negative) add(num, other);
  else {
    const c = compare(num, other);
    if (c == 0) { setLongDoubleZero(a); return; } // x + -x is +0 when rounding to nearest
    if (c > 0) sub(num, other);
    else { sub(other, num); copy(num, other); negative = b.negative; }
  }
  store<i32>(den, 0);
  mulSmall(den, 1, 1);
  // Sums of values on the long double grid stay on it: they can overflow, never underflow to zero.
  if (roundQuotient(negative, low, a) == OVERFLOW) a.finite = false;
}

/**
 * Writes finite `v` at `dst` (room for LONG_DOUBLE_MAX_CHARS bytes) as Redis's ld2string(LD_STR_HUMAN):
 * glibc's exact "%.17Lf" (rounded to nearest, ties to even), trailing zeros and point removed, "-0" as
 * "0". Returns the length.
 */
export function formatLongDoubleHuman(v: LongDouble, dst: usize): i32 {
  // The value scaled by 10^17, rounded to an integer: its digits are the text's without the point.
  setU64(num, v.mant);
  mulPow10(num, 17);
  if (v.exp >= 0) shl(num, v.exp);
  else roundShiftRight(num, -v.exp);
  const end = dst + LONG_DOUBLE_MAX_CHARS;
  let p = end;
  while (len(num) > 0) {
    let r = divSmall(num, 1000000000);
    for (let k = 0; k < 9; k++) { store<u8>(--p, <u8>(48 + r % 10)); r /= 10; }
  }
  while (<i32>(end - p) < 18) store<u8>(--p, 48);
  while (<i32>(end - p) > 18 && load<u8>(p) == 48) p++;
  const intDigits = <i32>(end - p) - 17;
  let n = 0;
  if (v.negative) store<u8>(dst + n++, 45);
  memory.copy(dst + n, p, intDigits);
  n += intDigits;
  store<u8>(dst + n++, 46);
  memory.copy(dst + n, p + intDigits, 17);
  n += 17;
  while (load<u8>(dst + n - 1) == 48) n--;
  if (load<u8>(dst + n - 1) == 46) n--;
  if (n == 2 && load<u8>(dst) == 45 && load<u8>(dst + 1) == 48) { store<u8>(dst, 48); n = 1; }
  return n;
}

/** a = a / 2^bits, rounded to nearest, ties to even. */
function roundShiftRight(a: usize, bits: i32): void {
  const halfBit = testBit(a, bits - 1);
  const exact = lowBitsZero(a, bits - 1);
  shr(a, bits);
  if (halfBit && (!exact || testBit(a, 0))) mulSmall(a, 1, 1);
}
