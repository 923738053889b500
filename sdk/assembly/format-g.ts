// printf's "%.<precision>g" for a double, which module replies use where Redis's own code does not
// (RediSearch prints numbers as "%lld" when integral, else "%.12g": formatNumberRediSearch). Digits are
// rounded from a power-of-ten scaling, exact for the precisions and magnitudes replies meet (≤ 15
// digits, exponents within ±22); a tie at the last digit may round differently from glibc.
import { formatI64 } from "./numbers";

const POW10: StaticArray<f64> = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
const digits = memory.data(24);

function pow10(e: i32): f64 {
  const a = abs(e);
  const p = a <= 22 ? unchecked(POW10[a]) : Math.pow(10, <f64>a);
  return e < 0 ? 1 / p : p;
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
  let e = <i32>Math.floor(Math.log10(v));
  let m = Math.round(e - precision + 1 >= 0 ? v / pow10(e - precision + 1) : v * pow10(precision - 1 - e));
  if (m >= pow10(precision)) {
    m = Math.round(m / 10);
    e++;
  } else if (m < pow10(precision - 1)) {
    m = Math.round(e - precision + 2 >= 0 ? v / pow10(e - precision + 2) : v * pow10(precision - 2 - e));
    e--;
  }
  // The significant digits, trailing zeros dropped (%g's rule).
  let n = precision;
  let mi = <i64>m;
  for (let i = n - 1; i >= 0; i--) {
    store<u8>(digits + <usize>i, <u8>(48 + <i32>(mi % 10)));
    mi /= 10;
  }
  while (n > 1 && load<u8>(digits + <usize>(n - 1)) == 48) n--;
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

/** A number as RediSearch replies it: "%lld" when integral (and within i64), else "%.12g". */
export function formatNumberRediSearch(v: f64, dst: usize): i32 {
  if (Math.abs(v) < 9.2e18 && Math.floor(v) == v) return formatI64(<i64>v, dst);
  return formatPrintfG(v, 12, dst);
}
