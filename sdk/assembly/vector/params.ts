// The parameters of a vector index, named and defaulted as RediSearch's FT.CREATE … VECTOR reads them.
// The search plugin parses the attribute list into a VectorParams and hands it to VectorIndex.create.

/** FLAT: exact brute force. HNSW: the approximate graph of Malkov & Yashunin (as hnswlib and VecSim). */
export const ALGO_FLAT: i32 = 0;
export const ALGO_HNSW: i32 = 1;

/** TYPE: the element type of stored and query vectors (little-endian IEEE 754, as clients send blobs). */
export const TYPE_FLOAT32: i32 = 0;
export const TYPE_FLOAT64: i32 = 1;
/** Half precision (IEEE 754 binary16) and bfloat16: widened to f32 when stored (elements.ts). */
export const TYPE_FLOAT16: i32 = 2;
export const TYPE_BFLOAT16: i32 = 3;

/**
 * DISTANCE_METRIC, with RediSearch's scores (VecSim's distance functions): L2 is the *squared* Euclidean
 * distance, IP is 1 - dot(a, b), COSINE is 1 - cos(a, b) (vectors are normalized on the way in and the
 * IP formula applied, as VecSim does).
 */
export const METRIC_L2: i32 = 0;
export const METRIC_IP: i32 = 1;
export const METRIC_COSINE: i32 = 2;

/** RediSearch's defaults (VecSim's HNSW_DEFAULT_* and DEFAULT_BLOCK_SIZE). */
export const DEFAULT_BLOCK_SIZE: i32 = 1024;
export const DEFAULT_M: i32 = 16;
export const DEFAULT_EF_CONSTRUCTION: i32 = 200;
export const DEFAULT_EF_RUNTIME: i32 = 10;
export const DEFAULT_EPSILON: f64 = 0.01;

/** The largest label: two values above it mark empty and moved slots of the label map. */
export const MAX_LABEL: u32 = 0xfffffffd;

/** One index's settings; fill it with vectorParamsInit, then set what the schema names. */
@unmanaged
export class VectorParams {
  algo: i32;
  type: i32;
  dim: i32;
  metric: i32;
  /** INITIAL_CAP: vectors reserved up front (0: one block). */
  initialCap: i32;
  /** BLOCK_SIZE: vectors per storage block; rounded up to a power of two. */
  blockSize: i32;
  /** HNSW only. */
  m: i32;
  efConstruction: i32;
  efRuntime: i32;
  epsilon: f64;
}

/** Sets every optional field of `p` to RediSearch's default. */
export function vectorParamsInit(p: VectorParams, algo: i32, type: i32, dim: i32, metric: i32): void {
  p.algo = algo;
  p.type = type;
  p.dim = dim;
  p.metric = metric;
  p.initialCap = 0;
  p.blockSize = DEFAULT_BLOCK_SIZE;
  p.m = DEFAULT_M;
  p.efConstruction = DEFAULT_EF_CONSTRUCTION;
  p.efRuntime = DEFAULT_EF_RUNTIME;
  p.epsilon = DEFAULT_EPSILON;
}

/** Bytes of one element of `type` in a blob (a stored or query vector as clients send it). */
export function elementSize(type: i32): i32 {
  return type == TYPE_FLOAT64 ? 8 : type == TYPE_FLOAT32 ? 4 : 2;
}

/**
 * A filter applied during the search: true when the document with this label may be a result. `ctx`
 * is whatever the caller passed along (its query state). A top-level function, not a closure.
 */
export type VectorFilter = (label: u32, ctx: usize) => bool;
