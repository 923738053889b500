// Vector data sets for the benchmark and the tests: uniform random, or clustered (Gaussian blobs around
// random centres, closer to real embeddings), from a seeded generator so a run can be replayed.
import { prng } from "../../test/helpers/prng.js";

/** `n` vectors of `dim` uniform values in [0, 1), back to back. */
export function uniformVectors(n: number, dim: number, seed: number): Float32Array {
  const rand = prng(seed);
  const out = new Float32Array(n * dim);
  for (let i = 0; i < out.length; i++) out[i] = rand();
  return out;
}

/** `n` vectors around `clusters` random centres, each coordinate off its centre by N(0, spread²). */
export function clusteredVectors(n: number, dim: number, clusters: number, spread: number, seed: number): Float32Array {
  const rand = prng(seed);
  const centres = uniformVectors(clusters, dim, seed ^ 0x5bd1e995);
  const out = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(rand() * clusters);
    for (let d = 0; d < dim; d++) {
      // Box-Muller
      const g = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
      out[i * dim + d] = centres[c * dim + d] + g * spread;
    }
  }
  return out;
}

/** The exact k nearest labels of `query` among `data` by squared L2 (ties by label), for recall. */
export function exactKnn(data: Float32Array, dim: number, query: Float32Array, k: number): number[] {
  const n = data.length / dim;
  const best: { label: number; d: number }[] = [];
  for (let i = 0; i < n; i++) {
    let d = 0;
    for (let j = 0; j < dim; j++) {
      const t = data[i * dim + j] - query[j];
      d += t * t;
    }
    if (best.length < k || d < best[best.length - 1].d) {
      best.push({ label: i, d });
      best.sort((a, b) => a.d - b.d || a.label - b.label);
      if (best.length > k) best.pop();
    }
  }
  return best.map((b) => b.label);
}

/** |found ∩ exact| / |exact|, averaged over queries. */
export function recall(found: number[][], exact: number[][]): number {
  let hit = 0, total = 0;
  found.forEach((f, i) => {
    const want = new Set(exact[i]);
    for (const l of f) if (want.has(l)) hit++;
    total += exact[i].length;
  });
  return hit / total;
}
