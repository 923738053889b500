// printf's "%.<precision>g" for a double: the SDK's one %g, which module replies use where Redis's own
// code does not. RediSearch prints numbers as "%lld" when integral, else "%.12g" (formatNumberRediSearch);
// FalkorDB replies doubles with "%.15g" and its slowlog latency with "%.5g" (formatGeneral: the same text
// as a managed string, for query engines that work in managed objects; not for the request path).
// `precision` significant digits, trailing zeros dropped, exponent form below 1e-4 and from
// 1e<precision>: 0.1 is "0.1", 1.0 is "1", 1e20 is "1e+20". The digits come from scaling by a power of
// ten, exact where the power is (10^0..10^22), so the magnitudes replies meet round as glibc does; a tie
// at the last digit of a far exponent may round differently.
import { exactPow10, formatI64 } from "./numbers";

/** The significant digits, as ASCII. */
const digits = memory.data(24);
/** formatGeneral's text before it becomes a string. */
const text = memory.data(32);

/**
 * v·10^k for v > 0: a negative k divides by 10^-k, which is exact up to 1e22 where 10^k is not; a k past
 * 300 (subnormal v) multiplies in two steps so that the power does not overflow.
 */
function scale(v: f64, k: i32): f64 {
  if (k < 0) return -k <= 22 ? v / exactPow10(-k) : v / Math.pow(10, <f64>-k);
  if (k <= 22) return v * exactPow10(k);
  return k > 300 ? v * 1e300 * Math.pow(10, <f64>(k - 300)) : v * Math.pow(10, <f64>k);
}

/** The decimal exponent of significant()'s first digit. */
let exponent: i32 = 0;

/**
 * The `precision` significant digits of v (finite, > 0) written at `digits`, trailing zeros dropped:
 * returns their count, and sets `exponent`.
 */
function significant(v: f64, precision: i32): i32 {
  const top = exactPow10(precision), low = exactPow10(precision - 1);
  let e = <i32>Math.floor(Math.log10(v));
  // Scaled to a `precision`-digit integer, correcting log10's rounding at powers of ten.
  let m = Math.round(scale(v, precision - 1 - e));
  if (m >= top) {
    e++;
    m = Math.round(scale(v, precision - 1 - e));
  } else if (m < low) {
    e--;
    m = Math.round(scale(v, precision - 1 - e));
  }
  if (m >= top) { // rounding carried into one more digit: 9.99999999999999999 -> 10
    m /= 10;
    e++;
  }
  exponent = e;
  let mi = <u64>m;
  for (let i = precision - 1; i >= 0; i--) {
    store<u8>(digits + <usize>i, <u8>(48 + <i32>(mi % 10)));
    mi /= 10;
  }
  let n = precision;
  while (n > 1 && load<u8>(digits + <usize>(n - 1)) == 48) n--;
  return n;
}

function ascii(dst: usize, at: i32, s: string): i32 {
  for (let i = 0; i < s.length; i++) store<u8>(dst + <usize>(at + i), <u8>s.charCodeAt(i));
  return at + s.length;
}

/** Writes `v` as printf's %.<precision>g (1 ≤ precision ≤ 17) at `dst`; returns the length (≤ 32). */
export function formatPrintfG(v: f64, precision: i32, dst: usize): i32 {
  if (isNaN(v)) return ascii(dst, 0, "nan");
  let at = 0;
  if (v < 0 || (v == 0 && 1 / v < 0)) {
    store<u8>(dst, 45);
    at = 1;
    v = -v;
  }
  if (v == Infinity) return ascii(dst, at, "inf");
  if (v == 0) return ascii(dst, at, "0");
  const n = significant(v, precision);
  const e = exponent;
  if (e < -4 || e >= precision) {
    store<u8>(dst + <usize>(at++), load<u8>(digits));
    if (n > 1) {
      store<u8>(dst + <usize>(at++), 46);
      memory.copy(dst + <usize>at, digits + 1, <usize>(n - 1));
      at += n - 1;
    }
    store<u8>(dst + <usize>(at++), 101);
    store<u8>(dst + <usize>(at++), e < 0 ? 45 : 43);
    const ae = abs(e);
    if (ae < 10) store<u8>(dst + <usize>(at++), 48);
    return at + formatI64(ae, dst + <usize>at);
  }
  if (e < 0) {
    at = ascii(dst, at, "0.");
    for (let i = 0; i < -e - 1; i++) store<u8>(dst + <usize>(at++), 48);
    memory.copy(dst + <usize>at, digits, <usize>n);
    return at + n;
  }
  const whole = e + 1;
  for (let i = 0; i < whole; i++) store<u8>(dst + <usize>(at++), i < n ? load<u8>(digits + <usize>i) : 48);
  if (n > whole) {
    store<u8>(dst + <usize>(at++), 46);
    memory.copy(dst + <usize>at, digits + <usize>whole, <usize>(n - whole));
    at += n - whole;
  }
  return at;
}

/** formatPrintfG's text as a managed string. */
export function formatGeneral(v: f64, precision: i32): string {
  return String.UTF8.decodeUnsafe(text, <usize>formatPrintfG(v, precision, text));
}

/** A number as RediSearch replies it: "%lld" when integral (and within i64), else "%.12g". */
export function formatNumberRediSearch(v: f64, dst: usize): i32 {
  if (Math.abs(v) < 9.2e18 && Math.floor(v) == v) return formatI64(<i64>v, dst);
  return formatPrintfG(v, 12, dst);
}
