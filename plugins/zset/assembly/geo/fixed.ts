// printf("%.Nf") for any double, exactly as glibc prints it: the exact binary value, rounded half to
// even at N decimals. Redis prints GEOPOS coordinates this way (%.17Lf of the double, then trimmed),
// distances with %.4f, and rejected coordinates with %f, however large.

/** Big-number limbs, little-endian u32: a 1024-bit integer part, or a fraction of up to 1074 bits. */
const LIMBS: i32 = 36;
const limbs = memory.data(LIMBS * 4);
let used: i32 = 0;

// @ts-ignore: decorator
@inline function limb(i: i32): u64 { return <u64>load<u32>(limbs + (<usize>i << 2)); }
// @ts-ignore: decorator
@inline function setLimb(i: i32, v: u64): void { store<u32>(limbs + (<usize>i << 2), <u32>v); }

/** The limbs hold m << shift. */
function loadShifted(m: u64, shift: i32): void {
  memory.fill(limbs, 0, LIMBS * 4);
  const word = shift >> 5, bit = <u64>(shift & 31);
  setLimb(word, m << bit);
  setLimb(word + 1, (m << bit) >> 32);
  setLimb(word + 2, bit == 0 ? 0 : m >> (64 - bit));
  used = word + 3;
}

/** Divides the limbs by 10; returns the remainder. */
function divideBy10(): u32 {
  let rest: u64 = 0;
  for (let i = used - 1; i >= 0; i--) {
    const v = (rest << 32) | limb(i);
    setLimb(i, v / 10);
    rest = v % 10;
  }
  while (used > 0 && limb(used - 1) == 0) used--;
  return <u32>rest;
}

/** Multiplies the fraction (the limbs over 2^(32*used)) by 10; returns the digit that moves out. */
function times10(): u32 {
  let carry: u64 = 0;
  for (let i = 0; i < used; i++) {
    const v = limb(i) * 10 + carry;
    setLimb(i, v);
    carry = v >> 32;
  }
  return <u32>carry;
}

/** The remaining fraction against one half: -1 below, 0 equal, 1 above. */
function compareHalf(): i32 {
  const top = limb(used - 1);
  if (top != 0x80000000) return top > 0x80000000 ? 1 : -1;
  for (let i = 0; i < used - 1; i++) if (limb(i) != 0) return 1;
  return 0;
}

function writeText(dst: usize, text: string): i32 {
  for (let i = 0; i < text.length; i++) store<u8>(dst + i, <u8>text.charCodeAt(i));
  return text.length;
}

/** Writes %.{decimals}f of v at dst (room for 330 + decimals bytes); returns the length. */
export function formatFixed(v: f64, decimals: i32, dst: usize): i32 {
  const bits = reinterpret<u64>(v);
  let n = 0;
  if (bits >> 63) store<u8>(dst + n++, 45); // '-'
  if (isNaN(v)) return n + writeText(dst + n, "nan");
  if (!isFinite(v)) return n + writeText(dst + n, "inf");
  const biased = <i32>((bits >> 52) & 0x7FF);
  const m = (bits & 0xFFFFFFFFFFFFF) | (biased == 0 ? 0 : <u64>1 << 52);
  const e = (biased == 0 ? 1 : biased) - 1075; // v = m * 2^e
  const fracBits = e < 0 ? -e : 0;
  // Integer part, digits written backwards then reversed.
  if (e >= 0) loadShifted(m, e);
  else loadShifted(fracBits < 64 ? m >> <u64>fracBits : 0, 0);
  const start = n;
  do { store<u8>(dst + n++, <u8>(48 + divideBy10())); } while (used > 0);
  for (let i = start, j = n - 1; i < j; i++, j--) {
    const t = load<u8>(dst + i);
    store<u8>(dst + i, load<u8>(dst + j));
    store<u8>(dst + j, t);
  }
  if (decimals > 0) store<u8>(dst + n++, 46); // '.'
  // Fraction: its bits aligned so the binary point sits on a limb boundary.
  const fraction = fracBits == 0 ? 0 : fracBits < 64 ? m & ((<u64>1 << <u64>fracBits) - 1) : m;
  const words = (fracBits + 31) >> 5;
  loadShifted(fraction, words * 32 - fracBits);
  used = words;
  for (let i = 0; i < decimals; i++) store<u8>(dst + n++, <u8>(48 + (used > 0 ? times10() : 0)));
  return used > 0 ? n + round(dst, start, n, compareHalf()) : n;
}

/**
 * Rounds the digits in dst[start, end) half to even, given the rest against one half; returns 1 when
 * the carry ran out of the first digit and prepended a 1, else 0.
 */
function round(dst: usize, start: i32, end: i32, half: i32): i32 {
  let last = end - 1;
  if (load<u8>(dst + last) == 46) last--;
  if (half < 0 || (half == 0 && (load<u8>(dst + last) & 1) == 0)) return 0;
  for (let i = last; i >= start; i--) {
    const c = load<u8>(dst + i);
    if (c == 46) continue;
    if (c != 57) { store<u8>(dst + i, c + 1); return 0; }
    store<u8>(dst + i, 48);
  }
  memory.copy(dst + start + 1, dst + start, <usize>(end - start));
  store<u8>(dst + start, 49);
  return 1;
}

/**
 * Redis's human long double text for a double (GEOPOS, WITHCOORD): %.17f without trailing zeros or
 * a trailing point, and never "-0".
 */
export function formatHuman(v: f64, dst: usize): i32 {
  let n = formatFixed(v, 17, dst);
  while (load<u8>(dst + n - 1) == 48) n--;
  if (load<u8>(dst + n - 1) == 46) n--;
  if (n == 2 && load<u8>(dst) == 45 && load<u8>(dst + 1) == 48) {
    store<u8>(dst, 48);
    n = 1;
  }
  return n;
}
