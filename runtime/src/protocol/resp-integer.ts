// Redis's string2ll over raw bytes: the strict integer syntax RESP length headers must follow.

// LONG_STR_SIZE in Redis: a valid long long has at most 20 characters.
const MAX_CHARS = 20;
// Up to 15 digits a double accumulates exactly; longer strings go through BigInt (rare, error paths).
const EXACT_DIGITS = 15;
const LLONG_MAX = 9223372036854775807n;
const LLONG_MIN = -9223372036854775808n;

/**
 * Parses buf[from, to) as Redis's string2ll does: optional '-', no '+', no spaces, no leading zeros
 * (except "0" itself, and "-0" is rejected), within the signed 64-bit range. Returns NaN when invalid.
 * Values beyond 2^53 come back rounded, which is harmless: every caller rejects lengths that large.
 */
export function parseLongLong(buf: Uint8Array, from: number, to: number): number {
  const len = to - from;
  if (len === 0 || len > MAX_CHARS) return NaN;
  if (len === 1 && buf[from] === 0x30) return 0;
  const negative = buf[from] === 0x2d;
  let p = negative ? from + 1 : from;
  if (p === to) return NaN;
  const first = buf[p] - 0x30;
  if (first < 1 || first > 9) return NaN;
  let value = first;
  for (p++; p < to; p++) {
    const d = buf[p] - 0x30;
    if (d < 0 || d > 9) return NaN;
    value = value * 10 + d;
  }
  if (to - from - (negative ? 1 : 0) > EXACT_DIGITS) return checkedWide(buf, from, to);
  return negative ? -value : value;
}

function checkedWide(buf: Uint8Array, from: number, to: number): number {
  const exact = BigInt(Buffer.from(buf.buffer, buf.byteOffset + from, to - from).toString("latin1"));
  return exact > LLONG_MAX || exact < LLONG_MIN ? NaN : Number(exact);
}
