// Distance kernels with WebAssembly SIMD (v128), as VecSim defines the scores (params.ts): L2 is the
// squared distance, IP (and COSINE, over normalized vectors) is 1 - dot. FLOAT32 accumulates in f32,
// as VecSim does, so scores match RediSearch's to float precision. Each loop step covers 16 f32 or 8 f64
// lanes in four accumulators: fewer iterations also means fewer fuel ticks (the host counts each loop
// iteration, ADR 0002).
import { METRIC_L2, TYPE_FLOAT64 } from "./params";

function sumF32(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3);
}

/** Σ (a[i] - b[i])² over `dim` f32 elements. */
export function l2SquaredF32(a: usize, b: usize, dim: i32): f32 {
  let s0 = f32x4.splat(0), s1 = f32x4.splat(0), s2 = f32x4.splat(0), s3 = f32x4.splat(0);
  const end16 = a + (<usize>(dim & ~15) << 2);
  while (a < end16) {
    const d0 = f32x4.sub(v128.load(a), v128.load(b));
    const d1 = f32x4.sub(v128.load(a, 16), v128.load(b, 16));
    const d2 = f32x4.sub(v128.load(a, 32), v128.load(b, 32));
    const d3 = f32x4.sub(v128.load(a, 48), v128.load(b, 48));
    s0 = f32x4.add(s0, f32x4.mul(d0, d0));
    s1 = f32x4.add(s1, f32x4.mul(d1, d1));
    s2 = f32x4.add(s2, f32x4.mul(d2, d2));
    s3 = f32x4.add(s3, f32x4.mul(d3, d3));
    a += 64;
    b += 64;
  }
  const end4 = end16 + (<usize>(dim & 12) << 2);
  while (a < end4) {
    const d = f32x4.sub(v128.load(a), v128.load(b));
    s0 = f32x4.add(s0, f32x4.mul(d, d));
    a += 16;
    b += 16;
  }
  let s = sumF32(f32x4.add(f32x4.add(s0, s1), f32x4.add(s2, s3)));
  const end = end4 + (<usize>(dim & 3) << 2);
  while (a < end) {
    const d = load<f32>(a) - load<f32>(b);
    s += d * d;
    a += 4;
    b += 4;
  }
  return s;
}

/** Σ a[i]·b[i] over `dim` f32 elements. */
export function dotF32(a: usize, b: usize, dim: i32): f32 {
  let s0 = f32x4.splat(0), s1 = f32x4.splat(0), s2 = f32x4.splat(0), s3 = f32x4.splat(0);
  const end16 = a + (<usize>(dim & ~15) << 2);
  while (a < end16) {
    s0 = f32x4.add(s0, f32x4.mul(v128.load(a), v128.load(b)));
    s1 = f32x4.add(s1, f32x4.mul(v128.load(a, 16), v128.load(b, 16)));
    s2 = f32x4.add(s2, f32x4.mul(v128.load(a, 32), v128.load(b, 32)));
    s3 = f32x4.add(s3, f32x4.mul(v128.load(a, 48), v128.load(b, 48)));
    a += 64;
    b += 64;
  }
  const end4 = end16 + (<usize>(dim & 12) << 2);
  while (a < end4) {
    s0 = f32x4.add(s0, f32x4.mul(v128.load(a), v128.load(b)));
    a += 16;
    b += 16;
  }
  let s = sumF32(f32x4.add(f32x4.add(s0, s1), f32x4.add(s2, s3)));
  const end = end4 + (<usize>(dim & 3) << 2);
  while (a < end) {
    s += load<f32>(a) * load<f32>(b);
    a += 4;
    b += 4;
  }
  return s;
}

/** Σ (a[i] - b[i])² over `dim` f64 elements. */
export function l2SquaredF64(a: usize, b: usize, dim: i32): f64 {
  let s0 = f64x2.splat(0), s1 = f64x2.splat(0), s2 = f64x2.splat(0), s3 = f64x2.splat(0);
  const end8 = a + (<usize>(dim & ~7) << 3);
  while (a < end8) {
    const d0 = f64x2.sub(v128.load(a), v128.load(b));
    const d1 = f64x2.sub(v128.load(a, 16), v128.load(b, 16));
    const d2 = f64x2.sub(v128.load(a, 32), v128.load(b, 32));
    const d3 = f64x2.sub(v128.load(a, 48), v128.load(b, 48));
    s0 = f64x2.add(s0, f64x2.mul(d0, d0));
    s1 = f64x2.add(s1, f64x2.mul(d1, d1));
    s2 = f64x2.add(s2, f64x2.mul(d2, d2));
    s3 = f64x2.add(s3, f64x2.mul(d3, d3));
    a += 64;
    b += 64;
  }
  const sum = f64x2.add(f64x2.add(s0, s1), f64x2.add(s2, s3));
  let s = f64x2.extract_lane(sum, 0) + f64x2.extract_lane(sum, 1);
  const end = end8 + (<usize>(dim & 7) << 3);
  while (a < end) {
    const d = load<f64>(a) - load<f64>(b);
    s += d * d;
    a += 8;
    b += 8;
  }
  return s;
}

/** Σ a[i]·b[i] over `dim` f64 elements. */
export function dotF64(a: usize, b: usize, dim: i32): f64 {
  let s0 = f64x2.splat(0), s1 = f64x2.splat(0), s2 = f64x2.splat(0), s3 = f64x2.splat(0);
  const end8 = a + (<usize>(dim & ~7) << 3);
  while (a < end8) {
    s0 = f64x2.add(s0, f64x2.mul(v128.load(a), v128.load(b)));
    s1 = f64x2.add(s1, f64x2.mul(v128.load(a, 16), v128.load(b, 16)));
    s2 = f64x2.add(s2, f64x2.mul(v128.load(a, 32), v128.load(b, 32)));
    s3 = f64x2.add(s3, f64x2.mul(v128.load(a, 48), v128.load(b, 48)));
    a += 64;
    b += 64;
  }
  const sum = f64x2.add(f64x2.add(s0, s1), f64x2.add(s2, s3));
  let s = f64x2.extract_lane(sum, 0) + f64x2.extract_lane(sum, 1);
  const end = end8 + (<usize>(dim & 7) << 3);
  while (a < end) {
    s += load<f64>(a) * load<f64>(b);
    a += 8;
    b += 8;
  }
  return s;
}

/**
 * The score of `a` against `b` for an index of this element type and metric (COSINE vectors are
 * already normalized, so it shares IP's formula).
 */
// @ts-ignore: decorator
@inline
export function distance(type: i32, metric: i32, a: usize, b: usize, dim: i32): f64 {
  if (type == TYPE_FLOAT64) return metric == METRIC_L2 ? l2SquaredF64(a, b, dim) : 1.0 - dotF64(a, b, dim);
  return metric == METRIC_L2 ? <f64>l2SquaredF32(a, b, dim) : <f64>(<f32>1.0 - dotF32(a, b, dim));
}

/**
 * Copies `dim` elements from `src` to `dst`, divided by their Euclidean norm (COSINE). A zero vector is
 * copied as it is, as VecSim leaves it.
 */
export function copyNormalized(type: i32, dst: usize, src: usize, dim: i32): void {
  const bytes = <usize>dim << (type == TYPE_FLOAT64 ? 3 : 2);
  memory.copy(dst, src, bytes);
  if (type == TYPE_FLOAT64) {
    const norm = Math.sqrt(dotF64(src, src, dim));
    if (norm == 0) return;
    for (let i: usize = 0; i < bytes; i += 8) store<f64>(dst + i, load<f64>(dst + i) / norm);
  } else {
    const norm = Mathf.sqrt(dotF32(src, src, dim));
    if (norm == 0) return;
    for (let i: usize = 0; i < bytes; i += 4) store<f32>(dst + i, load<f32>(dst + i) / norm);
  }
}
