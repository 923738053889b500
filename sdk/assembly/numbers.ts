// Number parsing and formatting with Redis's exact rules, over raw bytes and without allocating.
// Parsers return success and leave the value in `parsedI64` / `parsedF64` (AssemblyScript has no out
// parameters, and returning a tuple would allocate).

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
export function formatI64(value: i64, dst: usize): i32 {
  let v: u64 = value < 0 ? <u64>0 - <u64>value : <u64>value;
  let n = 0;
  do { n++; } while ((v /= 10) != 0);
  v = value < 0 ? <u64>0 - <u64>value : <u64>value;
  const len = value < 0 ? n + 1 : n;
  if (value < 0) store<u8>(dst, 45);
  for (let i = len - 1; i >= len - n; i--) {
    store<u8>(dst + i, <u8>(48 + v % 10));
    v /= 10;
  }
  return len;
}

// @ts-ignore: decorator
@inline function lower(c: u32): u32 { return c - 65 < 26 ? c | 32 : c; }

function matchesIgnoreCase(ptr: usize, len: i32, at: i32, word: string): bool {
  if (len - at != word.length) return false;
  for (let i = 0; i < word.length; i++) {
    if (lower(<u32>load<u8>(ptr + at + i)) != <u32>word.charCodeAt(i)) return false;
  }
  return true;
}

/** 10^e for |e| <= 22 exactly, beyond that as close as Math.pow gets. */
function pow10(e: i32): f64 {
  return Math.pow(10, <f64>e);
}

/**
 * A decimal float the way Redis reads one with strtold (INCRBYFLOAT, and the SDK's general float
 * argument): optional sign, digits with an optional point and exponent, or inf/infinity; no
 * surrounding spaces, no nan, nothing that overflows. Hexadecimal floats are not accepted.
 */
export function parseF64(ptr: usize, len: i32): bool {
  if (len == 0) return false;
  let i = 0;
  let c = <u32>load<u8>(ptr);
  const negative = c == 45;
  if (c == 45 || c == 43) i = 1;
  if (matchesIgnoreCase(ptr, len, i, "inf") || matchesIgnoreCase(ptr, len, i, "infinity")) {
    parsedF64 = negative ? -Infinity : Infinity;
    return true;
  }
  let mantissa: u64 = 0;
  let digits = 0; // significant digits kept in mantissa
  let exp10: i32 = 0;
  let seenDigit = false;
  let seenPoint = false;
  for (; i < len; i++) {
    c = <u32>load<u8>(ptr + i);
    if (c == 46 && !seenPoint) { seenPoint = true; continue; }
    if (c - 48 > 9) break;
    seenDigit = true;
    if (digits < 19) {
      if (mantissa != 0 || c != 48) { mantissa = mantissa * 10 + (c - 48); digits++; }
      if (seenPoint) exp10--;
    } else if (!seenPoint) {
      exp10++; // digits beyond 19 significant ones only scale the value
    }
  }
  if (!seenDigit) return false;
  if (i < len && (c == 101 || c == 69)) { // exponent
    i++;
    let expNegative = false;
    if (i < len && (load<u8>(ptr + i) == 45 || load<u8>(ptr + i) == 43)) { expNegative = load<u8>(ptr + i) == 45; i++; }
    if (i == len) return false;
    let e: i32 = 0;
    for (; i < len; i++) {
      c = <u32>load<u8>(ptr + i) - 48;
      if (c > 9) return false;
      if (e < 100000) e = e * 10 + <i32>c;
    }
    exp10 += expNegative ? -e : e;
  }
  if (i != len) return false;
  let v = <f64>mantissa;
  if (mantissa != 0) {
    if (exp10 >= 0) v *= pow10(exp10);
    else if (exp10 >= -308) v /= pow10(-exp10);
    else v = v / pow10(308) / pow10(-exp10 - 308);
    if (!isFinite(v) || v == 0) return false; // strtold's ERANGE: overflow or underflow
  }
  parsedF64 = negative ? -v : v;
  return true;
}

const FRACTION_DIGITS: i32 = 17;

/**
 * Formats like Redis's ld2string(LD_STR_HUMAN) (INCRBYFLOAT's reply and stored value): fixed notation,
 * at most 17 decimals, trailing zeros trimmed, no exponent. Redis computes in long double, whose extra
 * precision hides the last-bit noise of sums like 0.1 + 0.2; we emulate that by preferring 15
 * significant digits when they are within a few ulps of the double. Writes at `dst` (room for 330
 * bytes for the largest doubles) and returns the length; `value` must be finite.
 */
export function formatF64Human(value: f64, dst: usize): i32 {
  const a = Math.abs(value);
  if (a < 5e-18) { store<u8>(dst, 48); return 1; } // rounds to 0 at 17 decimals; never "-0"
  let e10 = <i32>Math.floor(Math.log10(a));
  let sig = 17;
  let mant: u64 = 0;
  for (let p = 1; p <= 17; p++) {
    const m = scaledDigits(a, p - 1 - e10);
    if (p == 17 || reconstruct(m, e10 - p + 1) == a || (p == 15 && Math.abs(reconstruct(m, e10 - p + 1) - a) <= a * 8.9e-16)) {
      sig = p; mant = m; break;
    }
  }
  const maxSig = e10 + 1 + FRACTION_DIGITS;
  if (sig > maxSig) { sig = maxSig; mant = scaledDigits(a, sig - 1 - e10); }
  if (mant >= pow10u(sig)) { e10++; mant /= 10; } // rounding carried into a new digit
  while (sig > 1 && mant % 10 == 0) { mant /= 10; sig--; }
  let n = 0;
  if (value < 0) store<u8>(dst + n++, 45);
  if (e10 < 0) {
    store<u8>(dst + n++, 48);
    store<u8>(dst + n++, 46);
    for (let z = -1; z > e10; z--) store<u8>(dst + n++, 48);
    n += writeDigits(mant, sig, dst + n);
    return n;
  }
  const intDigits = e10 + 1;
  if (sig <= intDigits) {
    n += writeDigits(mant, sig, dst + n);
    for (let z = sig; z < intDigits; z++) store<u8>(dst + n++, 48);
    return n;
  }
  const fracDigits = sig - intDigits;
  const divisor = pow10u(fracDigits);
  n += writeDigits(mant / divisor, intDigits, dst + n);
  store<u8>(dst + n++, 46);
  n += writeDigits(mant % divisor, fracDigits, dst + n);
  return n;
}

function pow10u(n: i32): u64 {
  let r: u64 = 1;
  for (let i = 0; i < n; i++) r *= 10;
  return r;
}

function scaledDigits(a: f64, k: i32): u64 {
  return <u64>Math.round(k >= 0 ? a * pow10(k) : a / pow10(-k));
}

function reconstruct(m: u64, e: i32): f64 {
  return e >= 0 ? <f64>m * pow10(e) : <f64>m / pow10(-e);
}

/** Exactly `count` digits of `m`, zero-padded on the left. */
function writeDigits(m: u64, count: i32, dst: usize): i32 {
  for (let i = count - 1; i >= 0; i--) {
    store<u8>(dst + i, <u8>(48 + m % 10));
    m /= 10;
  }
  return count;
}
