// C's "%.<precision>g" for a double, as a managed string: `precision` significant digits, trailing
// zeros dropped, exponent form below 1e-4 and from 1e<precision>. FalkorDB replies doubles with
// "%.15g", RediSearch with "%.12g" (0.1 is "0.1", 1.0 is "1", 1e20 is "1e+20"). For plugins whose
// query engines work in managed objects (collected after each command); not for the request path.

let digits: string = "";
let exponent: i32 = 0;

/** v * 10^k without overflowing the power for subnormal-sized v. */
function scale(v: f64, k: i32): f64 { return k > 300 ? v * 1e300 * Math.pow(10, <f64>(k - 300)) : v * Math.pow(10, <f64>k); }

/** The `precision` significant digits of |v| (v finite, non-zero) and the decimal exponent of the first. */
function significant(v: f64, precision: i32): void {
  const top = Math.pow(10, <f64>precision), low = Math.pow(10, <f64>(precision - 1));
  let e = <i32>Math.floor(Math.log10(v));
  // Scale to a `precision`-digit integer, correcting log10's rounding at powers of ten.
  let scaled = Math.round(scale(v, precision - 1 - e));
  if (scaled >= top) {
    e++;
    scaled = Math.round(scale(v, precision - 1 - e));
  } else if (scaled < low) {
    e--;
    scaled = Math.round(scale(v, precision - 1 - e));
  }
  if (scaled >= top) { // rounding carried into one more digit: 9.99999999999999999 -> 10
    scaled /= 10;
    e++;
  }
  digits = (<u64>scaled).toString();
  exponent = e;
}

export function formatGeneral(v: f64, precision: i32): string {
  if (isNaN(v)) return "nan";
  if (!isFinite(v)) return v > 0 ? "inf" : "-inf";
  if (v == 0) return (1 / v) < 0 ? "-0" : "0";
  const sign = v < 0 ? "-" : "";
  significant(Math.abs(v), precision);
  let d = digits;
  let end = d.length;
  while (end > 1 && d.charCodeAt(end - 1) == 48) end--;
  d = d.substring(0, end);
  const e = exponent;
  if (e < -4 || e >= precision) {
    const mantissa = d.length > 1 ? d.charAt(0) + "." + d.substring(1) : d;
    const absE = e < 0 ? -e : e;
    return sign + mantissa + "e" + (e < 0 ? "-" : "+") + (absE < 10 ? "0" : "") + absE.toString();
  }
  if (e < 0) return sign + "0." + "0".repeat(-e - 1) + d;
  if (d.length <= e + 1) return sign + d + "0".repeat(e + 1 - d.length);
  return sign + d.substring(0, e + 1) + "." + d.substring(e + 1);
}
