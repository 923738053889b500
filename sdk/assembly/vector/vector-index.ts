// A vector index (FLAT or HNSW) whose memory is the plugin's own: vectors and graph links live in
// blocks of BLOCK_SIZE fixed-size element records allocated with heap.alloc, nothing is a managed
// object, and every scratch buffer a search needs is kept in the index and reused, so a query
// allocates nothing once the buffers have reached their working size.
//
// Element record (one per stored vector, `stride` bytes, id = its position):
//   [vector: dim × 4|8 bytes (FLOAT16/BFLOAT16 widened to f32)][label u32][meta u32: level | DELETED][upper u32][l0 count u32][l0 links u32 × 2M]
// FLAT records stop after `meta`. `upper` points at a heap block holding levels 1..level, each
// [count u32][links u32 × M]; only ~1/M of the elements have one.
//
// Deletion: FLAT moves its last record into the hole. HNSW marks the record DELETED (a tombstone): it
// still routes searches but is never a result or a new neighbour; when tombstones outnumber live
// vectors (and exceed a block), the graph is rebuilt from the live ones. An update is a delete and an
// add. See docs/adr/0035-vector-indexes.md.
import { heapFootprint } from "../collections/heap-size";
import { copyNormalized, distance } from "./distance";
import { storedElementSize, storedType, widenToF32 } from "./elements";
import { bruteForceKnn, bruteForceRange } from "./flat";
import { hnswInsert, hnswKnn, hnswRange } from "./hnsw";
import { LabelMap } from "./label-map";
import { PairHeap } from "./pair-heap";
import { ALGO_HNSW, METRIC_COSINE, VectorFilter, VectorParams, elementSize } from "./params";

export const DELETED: u32 = 0x80000000;
const LEVEL_MASK: u32 = 0xff;
const HEADER_BYTES: i32 = 8; // label + meta
const HNSW_HEADER_BYTES: i32 = 16; // label + meta + upper + l0 count
/** Brute force replaces the graph walk when a filter's estimate is below count / AD_HOC_RATIO. */
const AD_HOC_RATIO: u32 = 16;

@unmanaged
export class VectorIndex {
  algo: i32;
  /** The stored element type (elements.ts: f32 for the half types). */
  type: i32;
  /** The element type of the blobs add, knn, range and distanceTo take (TYPE, as created). */
  blobType: i32;
  dim: i32;
  metric: i32;
  /** Bytes of a stored vector. */
  vectorBytes: i32;
  /** Bytes of a blob: a vector as add, knn, range and distanceTo take it. */
  blobBytes: i32;
  stride: i32;
  blockShift: i32;
  blocks: usize; // block pointers
  blockCount: i32;
  blockTableCap: i32;
  /** Records in use, tombstones included. */
  count: u32;
  /** HNSW tombstones. */
  deleted: u32;
  labels: LabelMap;
  /** Bytes of the HNSW upper-level link blocks (heap footprints). */
  upperBytes: usize;
  m: i32;
  m0: i32;
  efConstruction: i32;
  efRuntime: i32;
  epsilon: f64;
  levelMult: f64;
  entry: i32;
  maxLevel: i32;
  rng: u64;
  visited: usize; // u16 tag per record
  visitedCap: u32;
  epoch: u32;
  candidates: PairHeap;
  results: PairHeap;
  select: PairHeap; // scratch of neighbour selection: keys/ids used as plain arrays
  relink: PairHeap; // the same, while re-selecting an overflowing neighbour's links
  query: usize; // the normalized query (COSINE)
  widened: usize; // a FLOAT16/BFLOAT16 blob widened to f32 (0 for the other types)
  outLabels: usize;
  outDistances: usize;
  outCap: i32;
  outCount: i32;

  /** A new empty index; `p` is copied. */
  static create(p: VectorParams): VectorIndex {
    const x = changetype<VectorIndex>(heap.alloc(offsetof<VectorIndex>()));
    memory.fill(changetype<usize>(x), 0, offsetof<VectorIndex>());
    x.algo = p.algo;
    x.type = storedType(p.type);
    x.blobType = p.type;
    x.dim = p.dim;
    x.metric = p.metric;
    x.vectorBytes = p.dim * storedElementSize(p.type);
    x.blobBytes = p.dim * elementSize(p.type);
    x.m = max(p.m, 2);
    x.m0 = x.m << 1;
    x.efConstruction = max(p.efConstruction, x.m);
    x.efRuntime = max(p.efRuntime, 1);
    x.epsilon = p.epsilon;
    x.levelMult = 1.0 / Math.log(<f64>x.m);
    x.stride = x.vectorBytes + (p.algo == ALGO_HNSW ? HNSW_HEADER_BYTES + (x.m0 << 2) : HEADER_BYTES);
    let shift = 0;
    while (1 << shift < max(p.blockSize, 1) && shift < 20) shift++;
    x.blockShift = shift;
    x.entry = -1;
    x.rng = 0x9e3779b97f4a7c15; // a fixed seed: the same inserts build the same graph, as hnswlib's seed 100
    x.labels = LabelMap.create();
    x.blockTableCap = max(4, (p.initialCap >> shift) + 1);
    x.blocks = heap.alloc(<usize>x.blockTableCap << 2);
    x.candidates = PairHeap.create(64);
    x.results = PairHeap.create(64);
    x.select = PairHeap.create(64);
    x.relink = PairHeap.create(x.m0 + 1);
    x.query = heap.alloc(<usize>x.vectorBytes);
    if (x.blobType != x.type) x.widened = heap.alloc(<usize>x.vectorBytes);
    x.outCap = 16;
    x.outLabels = heap.alloc(<usize>x.outCap << 2);
    x.outDistances = heap.alloc(<usize>x.outCap << 3);
    return x;
  }

  /** Frees the index and everything it holds. */
  free(): void {
    this.freeContents();
    heap.free(changetype<usize>(this));
  }

  private freeContents(): void {
    if (this.algo == ALGO_HNSW) {
      for (let id: u32 = 0; id < this.count; id++) {
        const upper = load<u32>(this.record(id) + this.vectorBytes, 8);
        if (upper != 0) heap.free(upper);
      }
    }
    for (let b = 0; b < this.blockCount; b++) heap.free(load<u32>(this.blocks + (<usize>b << 2)));
    heap.free(this.blocks);
    if (this.visited != 0) heap.free(this.visited);
    this.labels.free();
    this.candidates.free();
    this.results.free();
    this.select.free();
    this.relink.free();
    heap.free(this.query);
    if (this.widened != 0) heap.free(this.widened);
    heap.free(this.outLabels);
    heap.free(this.outDistances);
  }

  /** Vectors stored (tombstones not counted). */
  @inline size(): u32 {
    return this.count - this.deleted;
  }

  /** Whether a vector is stored for `label`. */
  has(label: u32): bool {
    return this.labels.get(label) >= 0;
  }

  /**
   * Stores the vector at `vec` (blobBytes bytes, the index's TYPE) for `label` (≤ MAX_LABEL),
   * replacing the label's previous vector.
   */
  add(label: u32, vec: usize): void {
    this.store(label, this.stored(vec), this.metric == METRIC_COSINE);
  }

  /** `vec` (a blob) in the stored element type: itself, or widened into the index's buffer. */
  private stored(vec: usize): usize {
    if (this.widened == 0) return vec;
    widenToF32(this.blobType, this.widened, vec, this.dim);
    return this.widened;
  }

  /** Stores `vec`, already in the stored element type. */
  private store(label: u32, vec: usize, normalize: bool): void {
    const old = this.labels.get(label);
    if (old >= 0 && this.algo != ALGO_HNSW) {
      this.writeVector(this.record(old), vec, normalize);
      return;
    }
    if (old >= 0) this.tombstone(<u32>old);
    const id = this.newRecord();
    const rec = this.record(id);
    this.writeVector(rec, vec, normalize);
    this.labels.set(label, id);
    store<u32>(rec + this.vectorBytes, label);
    if (this.algo == ALGO_HNSW) hnswInsert(this, id);
    else store<u32>(rec + this.vectorBytes, 0, 4);
    if (old >= 0) this.compactIfSparse();
  }

  /** Removes the label's vector; false when there was none. */
  delete(label: u32): bool {
    const id = this.labels.get(label);
    if (id < 0) return false;
    if (this.algo == ALGO_HNSW) {
      this.tombstone(<u32>id);
      this.compactIfSparse();
      return true;
    }
    this.labels.delete(label);
    const last = this.count - 1;
    if (<u32>id != last) {
      memory.copy(this.record(id), this.record(last), <usize>this.stride);
      this.labels.set(this.labelOf(id), id);
    }
    this.count = last;
    return true;
  }

  /**
   * The k nearest vectors to `query` (blobBytes bytes) among those `filter` accepts (null: all), in
   * increasing distance, into resultLabel/resultDistance; returns how many (≤ k). `efRuntime` ≤ 0 uses
   * the index's EF_RUNTIME. `filterEstimate` (-1: unknown) is how many labels the filter may accept:
   * when it is a small part of the index, a brute-force pass over the accepted vectors is cheaper than
   * a graph walk that must pass over the rejected ones (RediSearch's ad-hoc mode).
   */
  knn(query: usize, k: i32, efRuntime: i32, filter: VectorFilter | null, ctx: usize, filterEstimate: i32): i32 {
    this.outCount = 0;
    if (k <= 0 || this.size() == 0) return 0;
    const q = this.prepareQuery(query);
    const adHoc = filter != null && filterEstimate >= 0 && <u32>filterEstimate * AD_HOC_RATIO < this.size();
    if (this.algo == ALGO_HNSW && !adHoc) {
      hnswKnn(this, q, k, efRuntime > 0 ? efRuntime : this.efRuntime, filter, ctx);
      // A selective filter can leave the walk short of k while the graph still holds accepted vectors.
      if (filter == null || this.results.size >= k) return this.drainResults(k);
      this.results.size = 0;
    }
    bruteForceKnn(this, q, k, filter, ctx);
    return this.drainResults(k);
  }

  /**
   * Every vector within `radius` of `query` (distance ≤ radius) that `filter` accepts, in increasing
   * distance; returns how many. HNSW bounds its walk by the radius widened by `epsilon` (< 0: the
   * index's EPSILON), so a few far-flung matches may be missed, as in RediSearch.
   */
  range(query: usize, radius: f64, epsilon: f64, filter: VectorFilter | null, ctx: usize): i32 {
    this.outCount = 0;
    if (this.size() == 0) return 0;
    const q = this.prepareQuery(query);
    if (this.algo == ALGO_HNSW) hnswRange(this, q, radius, epsilon >= 0 ? epsilon : this.epsilon, filter, ctx);
    else bruteForceRange(this, q, radius, filter, ctx);
    return this.drainResults(0x7fffffff);
  }

  /** The label of the i-th result of the last knn or range. */
  @inline resultLabel(i: i32): u32 {
    return load<u32>(this.outLabels + (<usize>i << 2));
  }

  /** The distance (the metric's score) of the i-th result of the last knn or range. */
  @inline resultDistance(i: i32): f64 {
    return load<f64>(this.outDistances + (<usize>i << 3));
  }

  /** The score of the vector stored for `label` against `query`, or NaN when there is none. */
  distanceTo(label: u32, query: usize): f64 {
    const id = this.labels.get(label);
    if (id < 0) return NaN;
    return this.distance(this.prepareQuery(query), this.record(id));
  }

  /** Bytes the index occupies in the plugin's memory (heap footprints), for MEMORY USAGE and FT.INFO. */
  memoryUsage(): usize {
    const blockBytes = heapFootprint(<usize>this.stride << this.blockShift);
    return heapFootprint(offsetof<VectorIndex>()) +
      <usize>this.blockCount * blockBytes + heapFootprint(<usize>this.blockTableCap << 2) +
      this.upperBytes + (this.visited != 0 ? heapFootprint(<usize>this.visitedCap << 1) : 0) +
      this.labels.memory() + this.candidates.memory() + this.results.memory() + this.select.memory() + this.relink.memory() +
      heapFootprint(<usize>this.vectorBytes) + (this.widened != 0 ? heapFootprint(<usize>this.vectorBytes) : 0) +
      heapFootprint(<usize>this.outCap << 2) + heapFootprint(<usize>this.outCap << 3);
  }

  // ---- internals shared with hnsw.ts and flat.ts ----

  @inline record(id: u32): usize {
    return <usize>load<u32>(this.blocks + (<usize>(id >> this.blockShift) << 2)) + <usize>(id & ((1 << this.blockShift) - 1)) * <usize>this.stride;
  }

  @inline labelOf(id: u32): u32 {
    return load<u32>(this.record(id) + this.vectorBytes);
  }

  @inline isDeleted(id: u32): bool {
    return (load<u32>(this.record(id) + this.vectorBytes, 4) & DELETED) != 0;
  }

  @inline levelOf(id: u32): i32 {
    return <i32>(load<u32>(this.record(id) + this.vectorBytes, 4) & LEVEL_MASK);
  }

  /** The score between the query at `q` and the vector at `vec`. */
  @inline distance(q: usize, vec: usize): f64 {
    return distance(this.type, this.metric, q, vec, this.dim);
  }

  /** Whether record `id` may be a result: live, and accepted by the filter. */
  @inline accepts(id: u32, filter: VectorFilter | null, ctx: usize): bool {
    if (this.isDeleted(id)) return false;
    return filter == null || filter(this.labelOf(id), ctx);
  }

  /** A fresh visited generation: tags below it count as unvisited. */
  nextEpoch(): u32 {
    if (++this.epoch == 0x10000) {
      memory.fill(this.visited, 0, <usize>this.visitedCap << 1);
      this.epoch = 1;
    }
    return this.epoch;
  }

  /** Marks `id` visited in this epoch; true when it already was. */
  @inline visit(id: u32): bool {
    const tag = this.visited + (<usize>id << 1);
    if (<u32>load<u16>(tag) == this.epoch) return true;
    store<u16>(tag, <u16>this.epoch);
    return false;
  }

  /** A uniform draw in (0, 1] (xorshift64*, per index so the graph does not depend on other indexes). */
  uniform(): f64 {
    let s = this.rng;
    s ^= s >> 12;
    s ^= s << 25;
    s ^= s >> 27;
    this.rng = s;
    return <f64>(((s * 0x2545f4914f6cdd1d) >> 11) + 1) / 9007199254740992.0;
  }

  private writeVector(rec: usize, vec: usize, normalize: bool): void {
    if (normalize) copyNormalized(this.type, rec, vec, this.dim);
    else memory.copy(rec, vec, <usize>this.vectorBytes);
  }

  private prepareQuery(blob: usize): usize {
    const query = this.stored(blob);
    if (this.metric != METRIC_COSINE) return query;
    copyNormalized(this.type, this.query, query, this.dim);
    return this.query;
  }

  private newRecord(): u32 {
    const id = this.count;
    if ((id >> this.blockShift) == <u32>this.blockCount) {
      if (this.blockCount == this.blockTableCap) {
        this.blockTableCap <<= 1;
        this.blocks = heap.realloc(this.blocks, <usize>this.blockTableCap << 2);
      }
      store<u32>(this.blocks + (<usize>this.blockCount << 2), <u32>heap.alloc(<usize>this.stride << this.blockShift));
      this.blockCount++;
      if (this.algo == ALGO_HNSW) this.growVisited(<u32>this.blockCount << this.blockShift);
    }
    this.count = id + 1;
    return id;
  }

  private growVisited(capacity: u32): void {
    const bytes = <usize>capacity << 1;
    this.visited = this.visited == 0 ? heap.alloc(bytes) : heap.realloc(this.visited, bytes);
    memory.fill(this.visited + (<usize>this.visitedCap << 1), 0, bytes - (<usize>this.visitedCap << 1));
    this.visitedCap = capacity;
  }

  private tombstone(id: u32): void {
    const meta = this.record(id) + this.vectorBytes + 4;
    store<u32>(meta, load<u32>(meta) | DELETED);
    this.labels.delete(this.labelOf(id));
    this.deleted++;
  }

  /** Rebuilds the graph from the live vectors once tombstones outnumber them (and fill a block). */
  private compactIfSparse(): void {
    if (this.deleted <= this.size() || this.deleted < (<u32>1 << this.blockShift)) return;
    const p = changetype<VectorParams>(heap.alloc(offsetof<VectorParams>()));
    p.algo = this.algo;
    p.type = this.blobType;
    p.dim = this.dim;
    p.metric = this.metric;
    p.initialCap = <i32>this.size();
    p.blockSize = 1 << this.blockShift;
    p.m = this.m;
    p.efConstruction = this.efConstruction;
    p.efRuntime = this.efRuntime;
    p.epsilon = this.epsilon;
    const fresh = VectorIndex.create(p);
    heap.free(changetype<usize>(p));
    // Stored COSINE vectors are normalized already: they are copied as they are.
    for (let id: u32 = 0; id < this.count; id++) {
      if (!this.isDeleted(id)) fresh.store(this.labelOf(id), this.record(id), false);
    }
    this.freeContents();
    memory.copy(changetype<usize>(this), changetype<usize>(fresh), offsetof<VectorIndex>());
    heap.free(changetype<usize>(fresh));
  }

  /** Moves the best `k` pairs of `results` (a max-heap) into the output arrays, nearest first. */
  private drainResults(k: i32): i32 {
    const results = this.results;
    while (results.size > k) results.pop();
    const n = results.size;
    if (n > this.outCap) {
      while (this.outCap < n) this.outCap <<= 1;
      this.outLabels = heap.realloc(this.outLabels, <usize>this.outCap << 2);
      this.outDistances = heap.realloc(this.outDistances, <usize>this.outCap << 3);
    }
    for (let i = n - 1; i >= 0; i--) {
      store<u32>(this.outLabels + (<usize>i << 2), this.labelOf(results.topId()));
      store<f64>(this.outDistances + (<usize>i << 3), results.topKey());
      results.pop();
    }
    this.outCount = n;
    return n;
  }
}
