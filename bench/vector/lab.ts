// The SDK's vector index run in this process: the vectorlab fixture (test/fixtures/plugins/vectorlab)
// instantiated with its host imports stubbed, optionally with the host's fuel instrumentation (what the
// server runs), for the library's tests and the vector benchmark.
import { readFileSync } from "node:fs";
import { instrumentFuel } from "../../runtime/src/plugin/wasm/instrument.js";

export const ALGO = { FLAT: 0, HNSW: 1 } as const;
export const TYPE = { FLOAT32: 0, FLOAT64: 1, FLOAT16: 2, BFLOAT16: 3 } as const;

/** Vectors as blobs: FLOAT16 and BFLOAT16 elements go as their 16-bit patterns. */
export type Blob = Float32Array | Float64Array | Uint16Array;
export const METRIC = { L2: 0, IP: 1, COSINE: 2 } as const;

export interface IndexOptions {
  algo: number;
  type: number;
  dim: number;
  metric: number;
  m?: number;
  efConstruction?: number;
  efRuntime?: number;
  blockSize?: number;
  initialCap?: number;
  epsilon?: number;
}

export interface Hit {
  label: number;
  distance: number;
}

interface Exports {
  vl_create(algo: number, type: number, dim: number, metric: number, m: number, efc: number, efr: number, block: number, cap: number, eps: number): number;
  vl_free(index: number): void;
  vl_alloc(bytes: number): number;
  vl_release(ptr: number): void;
  vl_add(index: number, firstLabel: number, vectors: number, count: number): void;
  vl_delete(index: number, label: number): number;
  vl_size(index: number): number;
  vl_memory(index: number): number;
  vl_knn(index: number, query: number, k: number, ef: number, divisor: number, estimate: number): number;
  vl_range(index: number, query: number, radius: number, epsilon: number, divisor: number): number;
  vl_label(index: number, i: number): number;
  vl_result_distance(index: number, i: number): number;
  vl_distance_to(index: number, label: number, query: number): number;
}

/** Vectors are passed through one staging block of this many bytes, grown when needed. */
const STAGING = 1 << 20;

export class VectorLab {
  private staging: number;
  private stagingBytes = STAGING;

  private constructor(
    private readonly x: Exports,
    readonly memory: WebAssembly.Memory,
  ) {
    this.staging = x.vl_alloc(STAGING);
  }

  /** Loads the built fixture; `fuel` applies the host's CPU-budget instrumentation first, as the server does. */
  static load(wasmPath: string, fuel = true): VectorLab {
    const raw = readFileSync(wasmPath);
    const module = new WebAssembly.Module(fuel ? instrumentFuel(raw) : raw);
    const memory = new WebAssembly.Memory({ initial: 16, maximum: 32768 });
    const ferrite = {
      abort: () => {
        throw new Error("vectorlab aborted");
      },
      fuel: () => 0x7fffffff,
    };
    const instance = new WebAssembly.Instance(module, { ferrite, env: { memory } });
    return new VectorLab(instance.exports as unknown as Exports, memory);
  }

  create(o: IndexOptions): number {
    return this.x.vl_create(o.algo, o.type, o.dim, o.metric, o.m ?? 0, o.efConstruction ?? 0, o.efRuntime ?? 0, o.blockSize ?? 0, o.initialCap ?? 0, o.epsilon ?? -1);
  }

  free(index: number): void {
    this.x.vl_free(index);
  }

  /** Copies `data` into the staging block; returns its address there. */
  private stage(data: Blob): number {
    if (data.byteLength > this.stagingBytes) {
      this.x.vl_release(this.staging);
      this.stagingBytes = data.byteLength;
      this.staging = this.x.vl_alloc(this.stagingBytes);
    }
    new Uint8Array(this.memory.buffer, this.staging, data.byteLength).set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    return this.staging;
  }

  /** Adds the vectors stored back to back in `data` (dim each), labelled firstLabel, firstLabel + 1, … */
  add(index: number, firstLabel: number, data: Blob, dim: number): void {
    const perChunk = Math.max(1, Math.floor(STAGING / (dim * data.BYTES_PER_ELEMENT)));
    for (let at = 0; at < data.length / dim; at += perChunk) {
      const chunk = data.subarray(at * dim, Math.min(data.length, (at + perChunk) * dim));
      this.x.vl_add(index, firstLabel + at, this.stage(chunk), chunk.length / dim);
    }
  }

  delete(index: number, label: number): boolean {
    return this.x.vl_delete(index, label) !== 0;
  }

  size(index: number): number {
    return this.x.vl_size(index);
  }

  memoryUsage(index: number): number {
    return this.x.vl_memory(index);
  }

  /** The k nearest; `divisor` > 0 filters to labels divisible by it (with `estimate` accepted labels, -1 unknown). */
  knn(index: number, query: Blob, k: number, ef = 0, divisor = 0, estimate = -1): Hit[] {
    return this.hits(index, this.x.vl_knn(index, this.stage(query), k, ef, divisor, estimate));
  }

  /** knn without reading the results back: the benchmark's inner loop. */
  knnCount(index: number, query: Float32Array | Float64Array, k: number, ef: number): number {
    return this.x.vl_knn(index, this.stage(query), k, ef, 0, -1);
  }

  range(index: number, query: Blob, radius: number, epsilon = -1, divisor = 0): Hit[] {
    return this.hits(index, this.x.vl_range(index, this.stage(query), radius, epsilon, divisor));
  }

  distanceTo(index: number, label: number, query: Blob): number {
    return this.x.vl_distance_to(index, label, this.stage(query));
  }

  private hits(index: number, n: number): Hit[] {
    const out: Hit[] = [];
    for (let i = 0; i < n; i++) out.push({ label: this.x.vl_label(index, i), distance: this.x.vl_result_distance(index, i) });
    return out;
  }
}
