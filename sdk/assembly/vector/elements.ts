// Element types of vector blobs (little-endian, as clients send them). FLOAT32 and FLOAT64 are stored as
// they come. FLOAT16 (IEEE 754 half) and BFLOAT16 (an f32's upper half) are widened to f32 on the way in:
// every half value is exactly an f32, and VecSim computes their distances in f32 too, so the scores are
// the same as if the halves were kept; the cost is twice the vector bytes (ADR 0051).
import { TYPE_BFLOAT16, TYPE_FLOAT16, TYPE_FLOAT32, TYPE_FLOAT64 } from "./params";

/** The element type vectors of `type` are stored and compared in. */
export function storedType(type: i32): i32 {
  return type == TYPE_FLOAT64 ? TYPE_FLOAT64 : TYPE_FLOAT32;
}

/** Bytes of one stored element of `type`. */
export function storedElementSize(type: i32): i32 {
  return type == TYPE_FLOAT64 ? 8 : 4;
}

/** Writes `v` at `at` as one element of `type` (rounded to nearest, ties to even, for the narrow types). */
export function storeElement(type: i32, at: usize, v: f64): void {
  if (type == TYPE_FLOAT64) store<f64>(at, v);
  else if (type == TYPE_FLOAT32) store<f32>(at, <f32>v);
  else if (type == TYPE_FLOAT16) store<u16>(at, f32ToF16(<f32>v));
  else store<u16>(at, f32ToBf16(<f32>v));
}

/** Widens `dim` FLOAT16 or BFLOAT16 elements at `src` to f32 at `dst`. */
export function widenToF32(type: i32, dst: usize, src: usize, dim: i32): void {
  for (let i = 0; i < dim; i++) {
    const h = <u32>load<u16>(src + (<usize>i << 1));
    store<f32>(dst + (<usize>i << 2), type == TYPE_BFLOAT16 ? reinterpret<f32>(h << 16) : f16ToF32(h));
  }
}

/** The f32 a half-precision bit pattern stands for (exact). */
export function f16ToF32(h: u32): f32 {
  const sign = (h & 0x8000) << 16;
  const e = (h >> 10) & 0x1f;
  const m = h & 0x3ff;
  if (e == 0x1f) return reinterpret<f32>(sign | 0x7f800000 | (m << 13));
  if (e != 0) return reinterpret<f32>(sign | ((e + 112) << 23) | (m << 13));
  const v = <f32>m * <f32>5.9604644775390625e-8; // subnormal: m × 2^-24
  return sign != 0 ? -v : v;
}

/** The half-precision bit pattern nearest to `f` (ties to even; overflow to infinity). */
export function f32ToF16(f: f32): u16 {
  const x = reinterpret<u32>(f);
  const sign = (x >> 16) & 0x8000;
  const e = <i32>((x >> 23) & 0xff);
  let m = x & 0x7fffff;
  if (e == 0xff) return <u16>(sign | 0x7c00 | (m != 0 ? 0x200 : 0));
  const he = e - 112; // the half's biased exponent
  if (he >= 0x1f) return <u16>(sign | 0x7c00);
  if (he <= 0) {
    if (he < -10) return <u16>sign;
    m |= 0x800000;
    const shift = <u32>(14 - he);
    return <u16>(sign | roundShift(m, shift));
  }
  // A carry out of the mantissa moves into the exponent, up to infinity: the right result.
  return <u16>(sign | ((<u32>he << 10) + roundShift(m, 13)));
}

/** m >> shift, rounded to nearest, ties to even. */
function roundShift(m: u32, shift: u32): u32 {
  const kept = m >> shift;
  const rest = m & ((1 << shift) - 1);
  const half: u32 = 1 << (shift - 1);
  return rest > half || (rest == half && (kept & 1) != 0) ? kept + 1 : kept;
}

/** The bfloat16 nearest to `f` (ties to even; a NaN stays a NaN). */
export function f32ToBf16(f: f32): u16 {
  const x = reinterpret<u32>(f);
  if ((x & 0x7fffffff) > 0x7f800000) return <u16>((x >> 16) | 0x40);
  return <u16>((x + 0x7fff + ((x >> 16) & 1)) >> 16);
}
