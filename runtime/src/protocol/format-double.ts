// Redis 7.2's d2string: how a double is printed in replies (ZSCORE, INCRBYFLOAT's RESP3 ',' type...).

// double2ll's safe range: integral values within it print as integers.
const INTEGRAL_LIMIT = 2 ** 62;

/**
 * "nan", "inf", "-inf", "0"/"-0", integral values in ±2^62 as plain integers, anything else in the
 * layout of fpconv_dtoa (the shortest round-trip digits, which V8 also computes): plain decimals
 * near unity, exponent form like "1.5e-7" or "1e+100" otherwise.
 */
export function formatDouble(d: number): string {
  if (Number.isNaN(d)) return "nan";
  if (d === Infinity) return "inf";
  if (d === -Infinity) return "-inf";
  if (d === 0) return Object.is(d, -0) ? "-0" : "0";
  if (Number.isInteger(d) && Math.abs(d) <= INTEGRAL_LIMIT) {
    // Beyond 2^53 JavaScript prints rounded digits ("...847000"); Redis prints the exact integer.
    return Number.isSafeInteger(d) ? String(d) : BigInt(d).toString();
  }
  return fpconvLayout(d);
}

function fpconvLayout(d: number): string {
  const sign = d < 0 ? "-" : "";
  // toExponential() without a digit count yields the shortest digits that round-trip.
  const exponential = Math.abs(d).toExponential();
  const e = exponential.indexOf("e");
  const digits = exponential.slice(0, e).replace(".", "");
  const ndigits = digits.length;
  const k = Number(exponential.slice(e + 1)) - (ndigits - 1); // d = digits * 10^k
  const exp = Math.abs(k + ndigits - 1);

  if (k >= 0 && exp < ndigits + 7) return sign + digits + "0".repeat(k);
  if (k < 0 && (k > -7 || exp < 4)) {
    const intDigits = ndigits + k;
    if (intDigits <= 0) return sign + "0." + "0".repeat(-intDigits) + digits;
    return sign + digits.slice(0, intDigits) + "." + digits.slice(intDigits);
  }
  const mantissa = ndigits > 1 ? digits[0] + "." + digits.slice(1) : digits;
  return sign + mantissa + "e" + (k + ndigits - 1 < 0 ? "-" : "+") + exp;
}
