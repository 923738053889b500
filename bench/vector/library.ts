// The vector phase, in-process part: the SDK's HNSW (the vectorlab fixture, fuel-instrumented as the
// server runs plugins) against hnswlib-node's native HNSW on the same data, one core each, one after
// the other: build time, recall@10 and queries per second at several EF_RUNTIME values, memory per vector.
import hnswlib from "hnswlib-node";
import { fmt, type Goal, printTable } from "../macro/report.js";
import { clusteredVectors, recall, uniformVectors } from "./data.js";
import { ALGO, METRIC, TYPE, VectorLab } from "./lab.js";

export interface VectorLoad {
  vectors: number;
  queries: number;
  dim: number;
  m: number;
  efConstruction: number;
  efRuntimes: number[];
  datasets: string[];
}

export interface EfRow {
  ef: number;
  ferriteRecall: number;
  ferriteQps: number;
  hnswlibRecall: number;
  hnswlibQps: number;
}

export interface DatasetResult {
  dataset: string;
  ferriteBuildPerSec: number;
  hnswlibBuildPerSec: number;
  bytesPerVector: number;
  rawPlusLinks: number;
  rows: EfRow[];
}

const K = 10;

export function makeDataset(name: string, n: number, dim: number, seed: number): Float32Array {
  return name === "clustered" ? clusteredVectors(n, dim, 100, 0.05, seed) : uniformVectors(n, dim, seed);
}

function row(data: Float32Array, i: number, dim: number): Float32Array {
  return data.subarray(i * dim, (i + 1) * dim);
}

/** Exact top-10 labels of each query, by the library's FLAT index (the same f32 arithmetic, SIMD). */
export function groundTruth(lab: VectorLab, data: Float32Array, queries: Float32Array, dim: number): number[][] {
  const flat = lab.create({ algo: ALGO.FLAT, type: TYPE.FLOAT32, dim, metric: METRIC.L2 });
  lab.add(flat, 0, data, dim);
  const truth: number[][] = [];
  for (let i = 0; i < queries.length / dim; i++) truth.push(lab.knn(flat, row(queries, i, dim), K).map((h) => h.label));
  lab.free(flat);
  return truth;
}

/** The lowest EF_RUNTIME whose recall reaches 0.95, or null. */
export function efFor95(rows: { ef: number; recall: number }[]): number | null {
  return rows.find((r) => r.recall >= 0.95)?.ef ?? null;
}

export function runVectorLibrary(lab: VectorLab, load: VectorLoad): { results: DatasetResult[]; goals: Goal[] } {
  const { vectors: n, queries: q, dim } = load;
  const results: DatasetResult[] = [];
  const goals: Goal[] = [];
  for (const dataset of load.datasets) {
    const data = makeDataset(dataset, n, dim, 1);
    const queries = makeDataset(dataset, q, dim, 2);
    const truth = groundTruth(lab, data, queries, dim);

    const index = lab.create({ algo: ALGO.HNSW, type: TYPE.FLOAT32, dim, metric: METRIC.L2, m: load.m, efConstruction: load.efConstruction, initialCap: n });
    let t = performance.now();
    lab.add(index, 0, data, dim);
    const ferriteBuild = (performance.now() - t) / 1000;

    const points = Array.from({ length: n }, (_, i) => Array.from(row(data, i, dim)));
    const native = new hnswlib.HierarchicalNSW("l2", dim);
    native.initIndex(n, load.m, load.efConstruction, 100);
    t = performance.now();
    for (let i = 0; i < n; i++) native.addPoint(points[i], i);
    const hnswlibBuild = (performance.now() - t) / 1000;

    const queryArrays = Array.from({ length: q }, (_, i) => Array.from(row(queries, i, dim)));
    const rows: EfRow[] = [];
    for (const ef of load.efRuntimes) {
      const found: number[][] = [];
      for (let i = 0; i < Math.min(q, 50); i++) lab.knnCount(index, row(queries, i, dim), K, ef); // warm the JIT
      t = performance.now();
      for (let i = 0; i < q; i++) lab.knnCount(index, row(queries, i, dim), K, ef);
      const ferriteSeconds = (performance.now() - t) / 1000;
      for (let i = 0; i < q; i++) found.push(lab.knn(index, row(queries, i, dim), K, ef).map((h) => h.label));

      native.setEf(ef);
      const nativeFound: number[][] = [];
      t = performance.now();
      for (let i = 0; i < q; i++) nativeFound.push(native.searchKnn(queryArrays[i], K).neighbors);
      const nativeSeconds = (performance.now() - t) / 1000;
      rows.push({ ef, ferriteRecall: recall(found, truth), ferriteQps: q / ferriteSeconds, hnswlibRecall: recall(nativeFound, truth), hnswlibQps: q / nativeSeconds });
    }
    const bytesPerVector = lab.memoryUsage(index) / n;
    const rawPlusLinks = dim * 4 + (2 * load.m + 1) * 4;
    lab.free(index);
    const result = { dataset, ferriteBuildPerSec: n / ferriteBuild, hnswlibBuildPerSec: n / hnswlibBuild, bytesPerVector, rawPlusLinks, rows };
    results.push(result);

    console.log(`\n${dataset}: ${n} × ${dim}-d FLOAT32, M ${load.m}, EF_CONSTRUCTION ${load.efConstruction}, ${q} queries, KNN ${K}`);
    console.log(`build: Ferrite ${fmt(result.ferriteBuildPerSec)} vectors/s, hnswlib-node ${fmt(result.hnswlibBuildPerSec)} vectors/s (${fmt(result.ferriteBuildPerSec / result.hnswlibBuildPerSec, 2)}×)`);
    console.log(`memory: ${fmt(bytesPerVector, 1)} B per vector (raw ${dim * 4} B + level-0 links ${rawPlusLinks - dim * 4} B = ${rawPlusLinks} B)`);
    printTable(
      ["EF_RUNTIME", "Ferrite recall", "Ferrite QPS", "hnswlib recall", "hnswlib QPS", "ratio"],
      rows.map((r) => [String(r.ef), fmt(r.ferriteRecall, 3), fmt(r.ferriteQps), fmt(r.hnswlibRecall, 3), fmt(r.hnswlibQps), fmt(r.ferriteQps / r.hnswlibQps, 2)]),
    );
    const ef95 = efFor95(rows.map((r) => ({ ef: r.ef, recall: r.ferriteRecall })));
    goals.push({ what: `vector ${dataset}: recall@10 ≥ 0.95 (at EF_RUNTIME ${ef95 ?? "none tried"})`, met: ef95 !== null });
    goals.push({ what: `vector ${dataset}: build ≥ 0.3 × hnswlib-node (${fmt(result.ferriteBuildPerSec / result.hnswlibBuildPerSec, 2)}×)`, met: result.ferriteBuildPerSec >= 0.3 * result.hnswlibBuildPerSec });
    goals.push({ what: `vector ${dataset}: memory ≤ 1.5 × raw + links (${fmt(bytesPerVector, 0)} B ≤ ${fmt(1.5 * dim * 4 + rawPlusLinks - dim * 4, 0)} B)`, met: bytesPerVector <= 1.5 * dim * 4 + rawPlusLinks - dim * 4 });
  }
  return { results, goals };
}
