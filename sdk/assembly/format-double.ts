// Redis 7.2's d2string: a double as the host's reply_double prints it in RESP2, for replies that must
// carry a score as a bulk string whatever the protocol (ZSCAN). The standard library's dtoa would
// allocate a managed string (and its Grisu2 often picks another last digit): the digits come from
// shortest-digits.ts, laid out the way Redis's fpconv_dtoa does.
import { formatI64 } from "./numbers";
import { shortestBuffer, shortestDigits, shortestPoint } from "./shortest-digits";

/** Room formatDouble needs at `dst` ("-0.000001234567890123456" and the like stay under it). */
export const DOUBLE_MAX_CHARS: i32 = 32;

/** Integral values up to 2^62 print as integers (Redis's double2ll range). */
const INTEGRAL_LIMIT: f64 = 4611686018427387904.0;

/**
 * Writes `value` at `dst` (DOUBLE_MAX_CHARS bytes) and returns the length: "nan", "inf", "-inf",
 * "0" / "-0", integral values within ±2^62 as integers, otherwise the shortest digits that read back
 * as the same double, plain near unity ("1.5", "0.001") and in exponent form elsewhere ("1e+100",
 * "1.5e-7").
 */
export function formatDouble(value: f64, dst: usize): i32 {
  if (isNaN(value)) return ascii(dst, "nan");
  if (!isFinite(value)) return ascii(dst, value > 0 ? "inf" : "-inf");
  if (value == 0) return ascii(dst, 1 / value < 0 ? "-0" : "0");
  if (Math.trunc(value) == value && Math.abs(value) <= INTEGRAL_LIMIT) return formatI64(<i64>value, dst);
  const n = shortestDigits(Math.abs(value));
  return layout(value < 0, shortestBuffer, n, shortestPoint - n, dst);
}

/** fpconv_dtoa's choice between plain and exponent notation for nd digits times 10^k. */
function layout(negative: bool, d: usize, nd: i32, k: i32, dst: usize): i32 {
  let o = dst;
  if (negative) store<u8>(o++, 0x2d);
  const exp = abs(k + nd - 1);
  if (k >= 0 && exp < nd + 7) {
    memory.copy(o, d, nd);
    memory.fill(o + nd, 0x30, k);
    return <i32>(o + nd + k - dst);
  }
  if (k < 0 && (k > -7 || exp < 4)) {
    const intDigits = nd + k;
    if (intDigits <= 0) {
      store<u16>(o, 0x2e30); // "0."
      memory.fill(o + 2, 0x30, -intDigits);
      o += 2 - intDigits;
      memory.copy(o, d, nd);
      return <i32>(o + nd - dst);
    }
    memory.copy(o, d, intDigits);
    store<u8>(o + intDigits, 0x2e);
    memory.copy(o + intDigits + 1, d + intDigits, nd - intDigits);
    return <i32>(o + nd + 1 - dst);
  }
  o = mantissaThenE(o, d, nd);
  store<u8>(o++, k + nd - 1 < 0 ? 0x2d : 0x2b);
  return <i32>(o + formatI64(exp, o) - dst);
}

/** Exponent notation's start, shared by both layouts: "d" or "d.ddd" of the nd digits at d, then "e". */
function mantissaThenE(o: usize, d: usize, nd: i32): usize {
  store<u8>(o++, load<u8>(d));
  if (nd > 1) {
    store<u8>(o++, 0x2e);
    memory.copy(o, d + 1, nd - 1);
    o += nd - 1;
  }
  store<u8>(o, 0x65);
  return o + 1;
}

function ascii(dst: usize, text: string): i32 {
  for (let i = 0; i < text.length; i++) store<u8>(dst + i, <u8>text.charCodeAt(i));
  return text.length;
}

/**
 * Writes finite `value` at `dst` (DOUBLE_MAX_CHARS bytes) the way Rust's serde_json prints an f64 (its
 * ryu layout, which RedisJSON replies with): the shortest round-trip digits, always with a point or an
 * exponent so that a float stays a float ("1.0", "0.1", "1e300", "1.5e-7", "-0.0"); plain notation for
 * decimal exponents from -5 to 15, exponent form elsewhere, no "+" and no leading zeros in the exponent.
 */
export function formatDoubleJson(value: f64, dst: usize): i32 {
  let o = dst;
  if (value < 0 || (value == 0 && 1 / value < 0)) store<u8>(o++, 0x2d);
  if (value == 0) { store<u8>(o, 0x30); store<u16>(o + 1, 0x302e); return <i32>(o + 3 - dst); } // "0.0"
  const n = shortestDigits(Math.abs(value));
  const point = shortestPoint; // digits × 10^(point - n)
  const k = point - n;
  if (k >= 0 && point <= 16) {
    memory.copy(o, shortestBuffer, n);
    memory.fill(o + n, 0x30, k);
    o += n + k;
    store<u16>(o, 0x302e); // ".0"
    return <i32>(o + 2 - dst);
  }
  if (point > 0 && point <= 16) {
    memory.copy(o, shortestBuffer, point);
    store<u8>(o + point, 0x2e);
    memory.copy(o + point + 1, shortestBuffer + point, n - point);
    return <i32>(o + n + 1 - dst);
  }
  if (point > -5 && point <= 0) {
    store<u16>(o, 0x2e30); // "0."
    memory.fill(o + 2, 0x30, -point);
    memory.copy(o + 2 - point, shortestBuffer, n);
    return <i32>(o + 2 - point + n - dst);
  }
  o = mantissaThenE(o, shortestBuffer, n);
  return <i32>(o + formatI64(point - 1, o) - dst);
}
