// Doubles as FalkorDB replies them: C's "%.15g" (15 significant digits, trailing zeros dropped,
// exponent form below 1e-4 and from 1e15), so 0.1 is "0.1" and 1.0 is "1".

/** The 15 significant digits of |v| (v finite, non-zero) and the decimal exponent of the first. */
let digits: string = "";
let exponent: i32 = 0;

/** v * 10^k without overflowing the power for subnormal-sized v. */
function scale(v: f64, k: i32): f64 { return k > 300 ? v * 1e300 * Math.pow(10, <f64>(k - 300)) : v * Math.pow(10, <f64>k); }

function significant(v: f64): void {
  let e = <i32>Math.floor(Math.log10(v));
  // Scale to a 15-digit integer, correcting log10's rounding at powers of ten.
  let scaled = Math.round(scale(v, 14 - e));
  if (scaled >= 1e15) {
    e++;
    scaled = Math.round(scale(v, 14 - e));
  } else if (scaled < 1e14) {
    e--;
    scaled = Math.round(scale(v, 14 - e));
  }
  if (scaled >= 1e15) { // rounding carried into a 16th digit: 9.99999999999999999 -> 10
    scaled /= 10;
    e++;
  }
  digits = (<u64>scaled).toString();
  exponent = e;
}

export function formatG15(v: f64): string {
  if (isNaN(v)) return "nan";
  if (!isFinite(v)) return v > 0 ? "inf" : "-inf";
  if (v == 0) return (1 / v) < 0 ? "-0" : "0";
  const sign = v < 0 ? "-" : "";
  significant(Math.abs(v));
  let d = digits;
  let end = d.length;
  while (end > 1 && d.charCodeAt(end - 1) == 48) end--;
  d = d.substring(0, end);
  const e = exponent;
  if (e < -4 || e >= 15) {
    const mantissa = d.length > 1 ? d.charAt(0) + "." + d.substring(1) : d;
    const absE = e < 0 ? -e : e;
    return sign + mantissa + "e" + (e < 0 ? "-" : "+") + (absE < 10 ? "0" : "") + absE.toString();
  }
  if (e < 0) return sign + "0." + "0".repeat(-e - 1) + d;
  if (d.length <= e + 1) return sign + d + "0".repeat(e + 1 - d.length);
  return sign + d.substring(0, e + 1) + "." + d.substring(e + 1);
}
