// The SDK's vector index (sdk/assembly/vector/) run in-process through the vectorlab fixture, with the
// host's fuel instrumentation as the server applies it: every metric and element type against a
// brute-force reference computed here, HNSW recall, the filter applied during the search, range
// queries, deletes, updates and the memory figure. `make fixtures` builds build/fixtures/vectorlab.wasm.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { clusteredVectors, exactKnn, recall, uniformVectors } from "../../bench/vector/data.js";
import { prng } from "../../test/helpers/prng.js";
import { ALGO, type Hit, METRIC, TYPE, VectorLab } from "../../bench/vector/lab.js";

const WASM = join(import.meta.dirname, "../../build/fixtures/vectorlab.wasm");
let lab: VectorLab;
beforeAll(() => {
  lab = VectorLab.load(WASM);
});

function row<T extends Float32Array | Float64Array>(data: T, i: number, dim: number): T {
  return data.subarray(i * dim, (i + 1) * dim) as T;
}

/** RediSearch's scores, computed in f64 from the stored values. */
function score(metric: number, a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0, na = 0, nb = 0, l2 = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
    l2 += (a[i] - b[i]) ** 2;
  }
  if (metric === METRIC.L2) return l2;
  if (metric === METRIC.IP) return 1 - dot;
  return 1 - dot / Math.sqrt(na * nb);
}

/** The k best labels by `metric` (ties by label) among labels `keep` accepts. */
function reference(data: Float32Array | Float64Array, dim: number, metric: number, q: ArrayLike<number>, k: number, keep = (_: number) => true) {
  const scored: Hit[] = [];
  for (let i = 0; i < data.length / dim; i++) if (keep(i)) scored.push({ label: i, distance: score(metric, data.subarray(i * dim, (i + 1) * dim), q) });
  return scored.sort((a, b) => a.distance - b.distance || a.label - b.label).slice(0, k);
}

const METRICS = [["L2", METRIC.L2], ["IP", METRIC.IP], ["COSINE", METRIC.COSINE]] as const;
const TYPES = [["FLOAT32", TYPE.FLOAT32, Float32Array], ["FLOAT64", TYPE.FLOAT64, Float64Array]] as const;

describe("FLAT: exact scores for every metric and type", () => {
  for (const [typeName, type, Typed] of TYPES) {
    for (const [metricName, metric] of METRICS) {
      it(`${typeName} ${metricName} (dim 37, not a multiple of the SIMD width)`, () => {
        const dim = 37, n = 500;
        const rand = prng(7 + metric + type * 3);
        const data = Array.from({ length: n * dim }, () => rand() * 2 - 1);
        const typed = new Typed(data);
        const index = lab.create({ algo: ALGO.FLAT, type, dim, metric, blockSize: 64 });
        lab.add(index, 0, typed, dim);
        for (let t = 0; t < 5; t++) {
          const q = new Typed(Array.from({ length: dim }, () => rand() * 2 - 1));
          const got = lab.knn(index, q, 10);
          const want = reference(typed, dim, metric, q, 10);
          expect(got.map((h) => h.label)).toEqual(want.map((h) => h.label));
          const tolerance = type === TYPE.FLOAT32 ? 1e-4 : 1e-12;
          got.forEach((h, i) => {
            expect(Math.abs(h.distance - want[i].distance)).toBeLessThan(tolerance * Math.max(1, Math.abs(want[i].distance)));
          });
          expect(lab.distanceTo(index, got[0].label, q)).toBeCloseTo(got[0].distance, 10);
        }
        lab.free(index);
      });
    }
  }

  it("a zero vector scores 1 under COSINE (left unnormalized, as VecSim leaves it)", () => {
    const index = lab.create({ algo: ALGO.FLAT, type: TYPE.FLOAT32, dim: 4, metric: METRIC.COSINE });
    lab.add(index, 0, new Float32Array([0, 0, 0, 0, 1, 0, 0, 0]), 4);
    expect(lab.knn(index, new Float32Array([2, 0, 0, 0]), 2)).toEqual([{ label: 1, distance: 0 }, { label: 0, distance: 1 }]);
  });

  it("delete moves the last vector into the hole; an update replaces in place", () => {
    const dim = 8, n = 300;
    const data = uniformVectors(n, dim, 3);
    const index = lab.create({ algo: ALGO.FLAT, type: TYPE.FLOAT32, dim, metric: METRIC.L2, blockSize: 16 });
    lab.add(index, 0, data, dim);
    for (let label = 0; label < n; label += 3) expect(lab.delete(index, label)).toBe(true);
    expect(lab.delete(index, 0)).toBe(false);
    expect(lab.size(index)).toBe(n - 100);
    const keep = (l: number) => l % 3 !== 0;
    for (let t = 0; t < 20; t++) {
      const q = row(data, t * 7 + 1, dim);
      expect(lab.knn(index, q, 5).map((h) => h.label)).toEqual(reference(data, dim, METRIC.L2, q, 5, keep).map((h) => h.label));
    }
    lab.add(index, 1, new Float32Array(dim).fill(9), dim);
    expect(lab.size(index)).toBe(n - 100);
    expect(lab.knn(index, new Float32Array(dim).fill(9), 1)).toEqual([{ label: 1, distance: 0 }]);
  });
});

/** The value of a half-precision bit pattern. */
function halfValue(h: number): number {
  const sign = h & 0x8000 ? -1 : 1, e = (h >> 10) & 0x1f, m = h & 0x3ff;
  return e === 0 ? sign * m * 2 ** -24 : sign * (1 + m / 1024) * 2 ** (e - 15);
}

/** The value of a bfloat16 bit pattern (the upper half of an f32). */
function bfloatValue(h: number): number {
  return new Float32Array(new Uint32Array([h << 16]).buffer)[0];
}

describe("FLOAT16 and BFLOAT16: 16-bit blobs, scored as VecSim scores them (in f32)", () => {
  const HALVES = [["FLOAT16", TYPE.FLOAT16, halfValue], ["BFLOAT16", TYPE.BFLOAT16, bfloatValue]] as const;
  for (const [typeName, type, value] of HALVES) {
    for (const [metricName, metric] of METRICS) {
      for (const algo of [ALGO.FLAT, ALGO.HNSW]) {
        it(`${algo === ALGO.FLAT ? "FLAT" : "HNSW"} ${typeName} ${metricName}: the k nearest, distances as computed from the decoded values`, () => {
          const dim = 21, n = 400;
          const rand = prng(31 + metric + type * 5 + algo);
          // Random bit patterns of values in about ±[2^-5, 4): exponents 10..16 (FLOAT16) or 122..128 (BFLOAT16).
          const pattern = () => {
            const sign = rand() < 0.5 ? 0x8000 : 0;
            const e = 10 + Math.floor(rand() * 7);
            return type === TYPE.FLOAT16 ? sign | (e << 10) | Math.floor(rand() * 1024) : sign | ((e + 112) << 7) | Math.floor(rand() * 128);
          };
          const blobs = Uint16Array.from({ length: n * dim }, pattern);
          const values = Float64Array.from(blobs, value);
          const index = lab.create({ algo, type, dim, metric, m: 16, efConstruction: 200, blockSize: 64 });
          lab.add(index, 0, blobs, dim);
          for (let t = 0; t < 5; t++) {
            const q = Uint16Array.from({ length: dim }, pattern);
            const got = lab.knn(index, q, 5, 400);
            const want = reference(values, dim, metric, Float64Array.from(q, value), 5);
            expect(got.map((h) => h.label)).toEqual(want.map((h) => h.label));
            for (const [i, h] of got.entries()) {
              expect(Math.abs(h.distance - want[i].distance)).toBeLessThan(1e-4 * Math.max(1, Math.abs(want[i].distance)));
            }
          }
          expect(lab.memoryUsage(index) / n).toBeGreaterThan(dim * 4); // widened: 4 bytes an element
          lab.free(index);
        });
      }
    }
  }
});

describe("HNSW", () => {
  const dim = 32, n = 3000, queries = 50;
  const data = clusteredVectors(n, dim, 20, 0.1, 11);
  const qs = clusteredVectors(queries, dim, 20, 0.1, 12);
  let index: number;
  beforeAll(() => {
    index = lab.create({ algo: ALGO.HNSW, type: TYPE.FLOAT32, dim, metric: METRIC.L2, m: 16, efConstruction: 200 });
    lab.add(index, 0, data, dim);
  });

  it("recall@10 ≥ 0.95 at EF_RUNTIME 50 against exact results, distances equal to the reference", () => {
    const found: number[][] = [], exact: number[][] = [];
    for (let i = 0; i < queries; i++) {
      const hits = lab.knn(index, row(qs, i, dim), 10, 50);
      found.push(hits.map((h) => h.label));
      exact.push(exactKnn(data, dim, row(qs, i, dim), 10));
      for (const h of hits) expect(h.distance).toBeCloseTo(score(METRIC.L2, row(data, h.label, dim), row(qs, i, dim)), 3);
    }
    expect(recall(found, exact)).toBeGreaterThanOrEqual(0.95);
  });

  for (const [metricName, metric] of METRICS.slice(1)) {
    it(`${metricName}: recall@10 ≥ 0.95 against the brute-force reference`, () => {
      const x = lab.create({ algo: ALGO.HNSW, type: TYPE.FLOAT64, dim, metric });
      const data64 = Float64Array.from(data.subarray(0, 1000 * dim), (v) => v - 0.5);
      lab.add(x, 0, data64, dim);
      const found: number[][] = [], exact: number[][] = [];
      for (let i = 0; i < queries; i++) {
        const q = Float64Array.from(row(qs, i, dim), (v) => v - 0.5);
        found.push(lab.knn(x, q, 10, 100).map((h) => h.label));
        exact.push(reference(data64, dim, metric, q, 10).map((h) => h.label));
      }
      expect(recall(found, exact)).toBeGreaterThanOrEqual(0.95);
      lab.free(x);
    });
  }

  it("applies the filter during the walk: k accepted results, as good as a filtered brute force", () => {
    const found: number[][] = [], exact: number[][] = [];
    for (let i = 0; i < queries; i++) {
      const hits = lab.knn(index, row(qs, i, dim), 10, 50, 7);
      expect(hits).toHaveLength(10);
      expect(hits.every((h) => h.label % 7 === 0)).toBe(true);
      found.push(hits.map((h) => h.label));
      exact.push(reference(data, dim, METRIC.L2, row(qs, i, dim), 10, (l) => l % 7 === 0).map((h) => h.label));
    }
    expect(recall(found, exact)).toBeGreaterThanOrEqual(0.95);
  });

  it("a very selective filter (1 label in 1000) still finds its matches, exactly", () => {
    const q = row(qs, 0, dim);
    const want = reference(data, dim, METRIC.L2, q, 10, (l) => l % 1000 === 0).map((h) => h.label);
    expect(lab.knn(index, q, 10, 10, 1000).map((h) => h.label)).toEqual(want);
    expect(lab.knn(index, q, 10, 10, 1000, 3).map((h) => h.label)).toEqual(want); // ad-hoc brute force
  });

  it("range: the vectors within the radius, nearest first, none outside; EPSILON widens the walk", () => {
    const found: number[][] = [], exact: number[][] = [];
    for (let i = 0; i < 10; i++) {
      const q = row(qs, i, dim);
      const all = reference(data, dim, METRIC.L2, q, n);
      const radius = all[30].distance;
      const got = lab.range(index, q, radius, 0.1);
      expect(got.every((h, j) => h.distance <= radius && (j === 0 || got[j - 1].distance <= h.distance))).toBe(true);
      found.push(got.map((h) => h.label));
      exact.push(all.filter((h) => h.distance <= radius).map((h) => h.label));
      const filtered = lab.range(index, q, radius, 0.1, 2);
      expect(filtered.length).toBeGreaterThan(0);
      expect(filtered.every((h) => h.label % 2 === 0 && h.distance <= radius)).toBe(true);
    }
    expect(recall(found, exact)).toBeGreaterThanOrEqual(0.95);
  });

  it("memory per vector is within 1.5× the raw bytes plus the links", () => {
    const raw = dim * 4, links = (2 * 16 + 1) * 4;
    expect(lab.memoryUsage(index) / n).toBeLessThanOrEqual(1.5 * raw + links);
  });
});

describe("HNSW deletes and updates", () => {
  it("deleted labels are never results; updates move a label; compaction keeps the index exact enough", () => {
    const dim = 16, n = 2000;
    const data = uniformVectors(n, dim, 21);
    const index = lab.create({ algo: ALGO.HNSW, type: TYPE.FLOAT32, dim, metric: METRIC.L2, blockSize: 128 });
    lab.add(index, 0, data, dim);
    for (let l = 0; l < 1000; l++) expect(lab.delete(index, l)).toBe(true);
    expect(lab.delete(index, 5)).toBe(false);
    expect(lab.size(index)).toBe(1000);
    const keep = (l: number) => l >= 1000;
    const found: number[][] = [], exact: number[][] = [];
    for (let i = 0; i < 50; i++) {
      const q = row(data, i * 37, dim);
      const hits = lab.knn(index, q, 10, 64);
      expect(hits.every((h) => h.label >= 1000)).toBe(true);
      found.push(hits.map((h) => h.label));
      exact.push(reference(data, dim, METRIC.L2, q, 10, keep).map((h) => h.label));
    }
    expect(recall(found, exact)).toBeGreaterThanOrEqual(0.95);
    // Updating a label replaces its vector: the old place no longer finds it.
    const memoryBefore = lab.memoryUsage(index);
    const target = new Float32Array(dim).fill(5);
    lab.add(index, 1500, target, dim);
    expect(lab.knn(index, target, 1)).toEqual([{ label: 1500, distance: 0 }]);
    expect(lab.knn(index, row(data, 1500, dim), 1, 64)[0].label).not.toBe(1500);
    // One more delete makes tombstones (1001) outnumber the 999 live vectors: the graph is rebuilt.
    lab.delete(index, 1999);
    expect(lab.size(index)).toBe(999);
    expect(lab.memoryUsage(index)).toBeLessThan(memoryBefore);
    expect(lab.knn(index, target, 1)).toEqual([{ label: 1500, distance: 0 }]);
    const q = row(data, 1234, dim);
    expect(lab.knn(index, q, 1, 64)).toEqual([{ label: 1234, distance: 0 }]);
  });

  it("an empty index and k 0 answer nothing", () => {
    const index = lab.create({ algo: ALGO.HNSW, type: TYPE.FLOAT32, dim: 4, metric: METRIC.IP });
    expect(lab.knn(index, new Float32Array(4), 10)).toEqual([]);
    expect(lab.range(index, new Float32Array(4), 1)).toEqual([]);
    lab.add(index, 42, new Float32Array([1, 0, 0, 0]), 4);
    expect(lab.knn(index, new Float32Array([1, 0, 0, 0]), 0)).toEqual([]);
    expect(lab.knn(index, new Float32Array([1, 0, 0, 0]), 5)).toEqual([{ label: 42, distance: 0 }]);
    lab.delete(index, 42);
    expect(lab.knn(index, new Float32Array([1, 0, 0, 0]), 5)).toEqual([]);
  });
});
