// Distance kernels with WebAssembly SIMD (v128), as VecSim defines the scores (params.ts): L2 is the
// squared distance, IP (and COSINE, over normalized vectors) is 1 - dot. FLOAT32 accumulates in f32,
// as VecSim does, so scores match RediSearch's to float precision. One generic kernel per formula serves
// both lane types (AssemblyScript's v128.add<T> and friends pick f32x4 or f64x2 at compile time). Each
// loop step covers four v128 (16 f32 or 8 f64 lanes) in four accumulators, then (f32) one v128 at a
// time, then scalars: fewer iterations also means fewer fuel ticks (the host counts each loop iteration,
// ADR 0002).
import { METRIC_L2, TYPE_FLOAT64 } from "./params";

/** The sum of a v128's lanes of T. */
// @ts-ignore: decorator
@inline
function sumLanes<T>(v: v128): T {
  if (sizeof<T>() == 4) {
    return v128.extract_lane<T>(v, 0) + v128.extract_lane<T>(v, 1) + v128.extract_lane<T>(v, 2) + v128.extract_lane<T>(v, 3);
  }
  return v128.extract_lane<T>(v, 0) + v128.extract_lane<T>(v, 1);
}

/** Σ (a[i] - b[i])² over `dim` elements of T (f32 or f64), accumulated in T. */
export function l2Squared<T>(a: usize, b: usize, dim: i32): T {
  const lanes = 16 / <i32>sizeof<T>();
  const shift: usize = sizeof<T>() == 8 ? 3 : 2;
  let s0 = v128.splat<T>(0), s1 = v128.splat<T>(0), s2 = v128.splat<T>(0), s3 = v128.splat<T>(0);
  const endBlocks = a + (<usize>(dim & ~(4 * lanes - 1)) << shift);
  while (a < endBlocks) {
    const d0 = v128.sub<T>(v128.load(a), v128.load(b));
    const d1 = v128.sub<T>(v128.load(a, 16), v128.load(b, 16));
    const d2 = v128.sub<T>(v128.load(a, 32), v128.load(b, 32));
    const d3 = v128.sub<T>(v128.load(a, 48), v128.load(b, 48));
    s0 = v128.add<T>(s0, v128.mul<T>(d0, d0));
    s1 = v128.add<T>(s1, v128.mul<T>(d1, d1));
    s2 = v128.add<T>(s2, v128.mul<T>(d2, d2));
    s3 = v128.add<T>(s3, v128.mul<T>(d3, d3));
    a += 64;
    b += 64;
  }
  // f32 then takes one v128 at a time; f64 goes straight to scalars (a two-lane loop measured slower).
  const endVectors = sizeof<T>() == 4 ? endBlocks + (<usize>(dim & (3 * lanes)) << shift) : endBlocks;
  if (sizeof<T>() == 4) {
    while (a < endVectors) {
      const d = v128.sub<T>(v128.load(a), v128.load(b));
      s0 = v128.add<T>(s0, v128.mul<T>(d, d));
      a += 16;
      b += 16;
    }
  }
  let s = sumLanes<T>(v128.add<T>(v128.add<T>(s0, s1), v128.add<T>(s2, s3)));
  const end = endVectors + (<usize>(dim & (sizeof<T>() == 4 ? lanes - 1 : 4 * lanes - 1)) << shift);
  while (a < end) {
    const d = load<T>(a) - load<T>(b);
    s += d * d;
    a += sizeof<T>();
    b += sizeof<T>();
  }
  return s;
}

/** Σ a[i]·b[i] over `dim` elements of T (f32 or f64), accumulated in T. */
export function dot<T>(a: usize, b: usize, dim: i32): T {
  const lanes = 16 / <i32>sizeof<T>();
  const shift: usize = sizeof<T>() == 8 ? 3 : 2;
  let s0 = v128.splat<T>(0), s1 = v128.splat<T>(0), s2 = v128.splat<T>(0), s3 = v128.splat<T>(0);
  const endBlocks = a + (<usize>(dim & ~(4 * lanes - 1)) << shift);
  while (a < endBlocks) {
    s0 = v128.add<T>(s0, v128.mul<T>(v128.load(a), v128.load(b)));
    s1 = v128.add<T>(s1, v128.mul<T>(v128.load(a, 16), v128.load(b, 16)));
    s2 = v128.add<T>(s2, v128.mul<T>(v128.load(a, 32), v128.load(b, 32)));
    s3 = v128.add<T>(s3, v128.mul<T>(v128.load(a, 48), v128.load(b, 48)));
    a += 64;
    b += 64;
  }
  const endVectors = sizeof<T>() == 4 ? endBlocks + (<usize>(dim & (3 * lanes)) << shift) : endBlocks;
  if (sizeof<T>() == 4) {
    while (a < endVectors) {
      s0 = v128.add<T>(s0, v128.mul<T>(v128.load(a), v128.load(b)));
      a += 16;
      b += 16;
    }
  }
  let s = sumLanes<T>(v128.add<T>(v128.add<T>(s0, s1), v128.add<T>(s2, s3)));
  const end = endVectors + (<usize>(dim & (sizeof<T>() == 4 ? lanes - 1 : 4 * lanes - 1)) << shift);
  while (a < end) {
    s += load<T>(a) * load<T>(b);
    a += sizeof<T>();
    b += sizeof<T>();
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
  if (type == TYPE_FLOAT64) return metric == METRIC_L2 ? l2Squared<f64>(a, b, dim) : 1.0 - dot<f64>(a, b, dim);
  return metric == METRIC_L2 ? <f64>l2Squared<f32>(a, b, dim) : <f64>(<f32>1.0 - dot<f32>(a, b, dim));
}

/**
 * Copies `dim` elements from `src` to `dst`, divided by their Euclidean norm (COSINE). A zero vector is
 * copied as it is, as VecSim leaves it.
 */
export function copyNormalized(type: i32, dst: usize, src: usize, dim: i32): void {
  const bytes = <usize>dim << (type == TYPE_FLOAT64 ? 3 : 2);
  memory.copy(dst, src, bytes);
  if (type == TYPE_FLOAT64) {
    const norm = Math.sqrt(dot<f64>(src, src, dim));
    if (norm == 0) return;
    for (let i: usize = 0; i < bytes; i += 8) store<f64>(dst + i, load<f64>(dst + i) / norm);
  } else {
    const norm = Mathf.sqrt(dot<f32>(src, src, dim));
    if (norm == 0) return;
    for (let i: usize = 0; i < bytes; i += 4) store<f32>(dst + i, load<f32>(dst + i) / norm);
  }
}
