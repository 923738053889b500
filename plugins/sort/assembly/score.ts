// The numeric sort key of a value, as Redis computes it: strtod, refusing a value with anything left
// over, NaN or an out-of-range result ("One or more scores can't be converted into double"). strtod is
// more lenient than the SDK's parseF64: leading whitespace, hexadecimal, and the empty string is 0.
import { isSpace, parseF64, parsedF64 } from "ferrite-sdk";

/** The value of the last successful toScore. */
export let parsedScore: f64 = 0;

function hexDigit(c: u32): i32 {
  if (c - 48 < 10) return <i32>(c - 48);
  c |= 32;
  if (c - 97 < 6) return <i32>(c - 87);
  return -1;
}

/** A C99 hexadecimal float after its sign and "0x": digits, an optional fraction, an optional p exponent. */
function parseHex(ptr: usize, len: i32): bool {
  let v: f64 = 0;
  let scale: f64 = 1;
  let i = 0;
  let digits = 0;
  let point = false;
  for (; i < len; i++) {
    const c = <u32>load<u8>(ptr + i);
    if (c == 46 && !point) { point = true; continue; }
    const d = hexDigit(c);
    if (d < 0) break;
    digits++;
    if (point) { scale /= 16; v += <f64>d * scale; } else v = v * 16 + <f64>d;
  }
  if (digits == 0) return false;
  if (i < len && (load<u8>(ptr + i) | 32) == 112) { // p
    let j = i + 1;
    const negative = j < len && load<u8>(ptr + j) == 45;
    if (j < len && (load<u8>(ptr + j) == 45 || load<u8>(ptr + j) == 43)) j++;
    let e = 0;
    const first = j;
    for (; j < len && <u32>load<u8>(ptr + j) - 48 < 10; j++) if (e < 100000) e = e * 10 + (load<u8>(ptr + j) - 48);
    if (j > first) { v *= Math.pow(2, <f64>(negative ? -e : e)); i = j; }
  }
  if (i != len || !isFinite(v)) return false;
  parsedScore = v;
  return true;
}

export function toScore(ptr: usize, len: i32): bool {
  let end = 0;
  while (end < len && load<u8>(ptr + end) != 0) end++; // strtod stops at a NUL, and Redis checks only there
  if (end == 0) { parsedScore = 0; return true; }
  let i = 0;
  while (i < end && isSpace(load<u8>(ptr + i))) i++;
  let j = i;
  const sign = j < end ? load<u8>(ptr + j) : 0;
  if (sign == 45 || sign == 43) j++;
  if (j + 1 < end && load<u8>(ptr + j) == 48 && (load<u8>(ptr + j + 1) | 32) == 120) { // 0x
    if (!parseHex(ptr + j + 2, end - j - 2)) return false;
    if (sign == 45) parsedScore = -parsedScore;
    return true;
  }
  if (!parseF64(ptr + i, end - i)) return false;
  parsedScore = parsedF64;
  return true;
}
