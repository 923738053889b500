// VECTOR fields: the seam between this plugin and the SDK's vector indexes (ferrite-sdk/vector,
// ADR 0035). This file parses `VECTOR {FLAT|HNSW} nargs [TYPE t] [DIM d] [DISTANCE_METRIC m] …`,
// replies FT.INFO's attributes, keeps each field's index (`engine`, created on the first document or
// query), indexes a document's blob, and runs KNN and VECTOR_RANGE nodes, applying a KNN's filter
// during the HNSW walk. The distances come back as the result set's scores (lower is nearer) and as
// the field RediSearch returns them under (`AS name`, or `__<field>_score`): vector-score.ts.
import { argLen, argPtr, parseF64, parseI64, parsedF64, parsedI64, replyBulk, replyInt, replyDouble } from "ferrite-sdk";
import { VectorIndex, VectorParams as EngineParams, vectorParamsInit } from "ferrite-sdk/vector";
import { isWord } from "./bytes";
import { Index, fieldAt } from "./index-spec";
import { errAround, errAscii, errInt, errStart } from "./errors";
import { Q_KNN, QueryNode } from "./query/node";
import { ResultSet, resultId, resultPush, resultsNew } from "./query/results";
import { Field } from "./schema";
import { scratchAlloc } from "./scratch";
import { sortU64 } from "./sort-u64";
import { multiAdd, multiBytes, multiFree, multiKnn, multiRange, multiRemove } from "./vector-multi";
import { vectorScoreSet } from "./vector-score";

export const ALGO_FLAT: i32 = 0;
export const ALGO_HNSW: i32 = 1;
export const ALGO_NAMES: string[] = ["FLAT", "HNSW"];
export const VTYPE_NAMES: string[] = ["FLOAT32", "FLOAT64", "FLOAT16", "BFLOAT16"];
export const METRIC_NAMES: string[] = ["L2", "IP", "COSINE"];

@unmanaged export class VectorParams {
  algorithm: i32;
  /** Index into VTYPE_NAMES. */
  type: i32;
  dim: i32;
  /** Index into METRIC_NAMES. */
  metric: i32;
  initialCap: i64;
  blockSize: i64;
  m: i64;
  efConstruction: i64;
  efRuntime: i64;
  epsilon: f64;
  /** The vector engine's index for this field (0 until the first document or query). */
  engine: usize;
  /** A JSON field whose path may match several arrays (`$.vs[*]`): several vectors per document. */
  multi: bool;
  /** Multi-value only: the state vector-multi.ts keeps (engine label → doc id, doc id → labels). */
  owners: usize;
}

let vectorEnd: i32 = 0;

/** The argument index after the last parsed vector parameter. */
export function parsedVectorEnd(): i32 { return vectorEnd; }

function pick(ptr: usize, len: i32, names: string[]): i32 {
  for (let i = 0; i < names.length; i++) if (isWord(ptr, len, names[i])) return i;
  return -1;
}

/**
 * Parses `{FLAT|HNSW} nargs attr value …` starting at argument `i`, for the field named by namePtr.
 * Returns the parameters, or null with the error text built (errors.ts).
 */
export function parseVectorParams(argc: i32, argv: usize, i: i32, namePtr: usize, nameLen: i32): VectorParams | null {
  if (i >= argc) { errStart("Bad arguments for vector similarity algorithm"); return null; }
  const algorithm = pick(argPtr(argv, i), argLen(argv, i), ALGO_NAMES);
  if (algorithm < 0) { errAround("Bad arguments for vector similarity algorithm: ", argPtr(argv, i), argLen(argv, i), ""); return null; }
  i++;
  if (i >= argc || !parseI64(argPtr(argv, i), argLen(argv, i)) || parsedI64 < 0 || (parsedI64 & 1) != 0) {
    errAround("Bad arguments for vector similarity number of parameters for field `", namePtr, nameLen, "`");
    return null;
  }
  const nargs = <i32>parsedI64;
  i++;
  if (i + nargs > argc) { errStart("Bad arguments for vector similarity number of parameters"); return null; }
  const p = changetype<VectorParams>(heap.alloc(offsetof<VectorParams>()));
  memory.fill(changetype<usize>(p), 0, offsetof<VectorParams>());
  p.algorithm = algorithm;
  p.type = -1;
  p.metric = -1;
  p.initialCap = 0;
  p.blockSize = 1024;
  p.m = 16;
  p.efConstruction = 200;
  p.efRuntime = 10;
  p.epsilon = 0.01;
  const end = i + nargs;
  for (; i < end; i += 2) {
    const k = argPtr(argv, i), kl = argLen(argv, i);
    const v = argPtr(argv, i + 1), vl = argLen(argv, i + 1);
    const isInt = parseI64(v, vl) && parsedI64 > 0;
    if (isWord(k, kl, "TYPE")) { p.type = pick(v, vl, VTYPE_NAMES); if (p.type < 0) return fail(p, algorithm, "vector type"); }
    else if (isWord(k, kl, "DIM")) { if (!isInt) return fail(p, algorithm, "vector dimension"); p.dim = <i32>parsedI64; }
    else if (isWord(k, kl, "DISTANCE_METRIC")) { p.metric = pick(v, vl, METRIC_NAMES); if (p.metric < 0) return fail(p, algorithm, "distance metric"); }
    else if (isWord(k, kl, "INITIAL_CAP")) { if (!parseI64(v, vl) || parsedI64 < 0) return fail(p, algorithm, "initial capacity"); p.initialCap = parsedI64; }
    else if (isWord(k, kl, "BLOCK_SIZE") && algorithm == ALGO_FLAT) { if (!isInt) return fail(p, algorithm, "block size"); p.blockSize = parsedI64; }
    else if (isWord(k, kl, "M") && algorithm == ALGO_HNSW) { if (!isInt) return fail(p, algorithm, "max number of connections"); p.m = parsedI64; }
    else if (isWord(k, kl, "EF_CONSTRUCTION") && algorithm == ALGO_HNSW) { if (!isInt) return fail(p, algorithm, "efConstruction"); p.efConstruction = parsedI64; }
    else if (isWord(k, kl, "EF_RUNTIME") && algorithm == ALGO_HNSW) { if (!isInt) return fail(p, algorithm, "efRuntime"); p.efRuntime = parsedI64; }
    else if (isWord(k, kl, "EPSILON") && algorithm == ALGO_HNSW) { if (!parseF64(v, vl) || parsedF64 <= 0) return fail(p, algorithm, "epsilon"); p.epsilon = parsedF64; }
    else {
      vectorParamsFree(p);
      errAround(algorithm == ALGO_HNSW ? "Bad arguments for vector similarity HNSW index: Unknown argument `" : "Bad arguments for vector similarity FLAT index: Unknown argument `", k, kl, "`");
      return null;
    }
  }
  if (p.type < 0) return missing(p, algorithm, "TYPE argument");
  if (p.dim == 0) return missing(p, algorithm, "DIM argument");
  if (p.metric < 0) return missing(p, algorithm, "DISTANCE_METRIC argument");
  vectorEnd = end;
  return p;
}

function fail(p: VectorParams, algorithm: i32, what: string): VectorParams | null {
  vectorParamsFree(p);
  errAround(algorithm == ALGO_HNSW ? "Bad arguments for vector similarity HNSW index " : "Bad arguments for vector similarity FLAT index ", 0, 0, what);
  return null;
}

function missing(p: VectorParams, algorithm: i32, what: string): VectorParams | null {
  vectorParamsFree(p);
  errAround(algorithm == ALGO_HNSW ? "Missing mandatory parameter: cannot create HNSW index without specifying " : "Missing mandatory parameter: cannot create FLAT index without specifying ", 0, 0, what);
  return null;
}

export function vectorParamsFree(p: VectorParams): void {
  multiFree(p);
  if (p.engine != 0) changetype<VectorIndex>(p.engine).free();
  heap.free(changetype<usize>(p));
}

const engineParams = memory.data(offsetof<EngineParams>());

/** The field's vector index, created on first use. */
export function engine(p: VectorParams): VectorIndex {
  if (p.engine != 0) return changetype<VectorIndex>(p.engine);
  const e = changetype<EngineParams>(engineParams);
  vectorParamsInit(e, p.algorithm, p.type, p.dim, p.metric);
  e.initialCap = <i32>min(p.initialCap, 1 << 24);
  e.blockSize = <i32>min(p.blockSize, 1 << 20);
  e.m = <i32>min(p.m, 512);
  e.efConstruction = <i32>min(p.efConstruction, 1 << 20);
  e.efRuntime = <i32>min(p.efRuntime, 1 << 20);
  e.epsilon = p.epsilon;
  const index = VectorIndex.create(e);
  p.engine = changetype<usize>(index);
  return index;
}

/** FT.INFO's vector_index_sz_mb: what the index's vector fields hold, in MiB. */
export function vectorIndexSizeMb(x: Index): f64 {
  let bytes: usize = 0;
  for (let i = 0; i < x.fields.len; i++) {
    const p = fieldAt(x, i).vector;
    if (p != null && p.engine != 0) bytes += changetype<VectorIndex>(p.engine).memoryUsage() + multiBytes(p);
  }
  return <f64>bytes / 1048576;
}

/** The pairs FT.INFO adds to a VECTOR attribute (after identifier, attribute and type). */
export function vectorInfoPairs(p: VectorParams): i32 { return p.algorithm == ALGO_HNSW ? 8 : 5; }

/** Writes those pairs (keys as RediSearch 2.8 names them). */
export function vectorInfoReply(p: VectorParams): void {
  bulk("algorithm"); bulk(ALGO_NAMES[p.algorithm]);
  bulk("data_type"); bulk(VTYPE_NAMES[p.type]);
  bulk("dim"); replyInt(p.dim);
  bulk("distance_metric"); bulk(METRIC_NAMES[p.metric]);
  if (p.algorithm == ALGO_HNSW) {
    bulk("M"); replyInt(p.m);
    bulk("ef_construction"); replyInt(p.efConstruction);
    bulk("ef_runtime"); replyInt(p.efRuntime);
    bulk("epsilon"); replyDouble(p.epsilon);
  } else {
    bulk("block_size"); replyInt(p.blockSize);
  }
}

const nameBuf = memory.data(32);

function bulk(s: string): void {
  for (let i = 0; i < s.length; i++) store<u8>(nameBuf + <usize>i, <u8>s.charCodeAt(i));
  replyBulk(nameBuf, s.length);
}

/**
 * A document's value for a vector field (the hash field's raw bytes, or a JSON array as json-vectors.ts
 * encodes it: little-endian elements of the field's TYPE). False when it is not a vector of the field's
 * size: RediSearch then fails the whole document. A multi-value field takes each of a document's vectors
 * in turn (vector-multi.ts).
 */
export function vectorIndexDoc(p: VectorParams, docId: u32, ptr: usize, len: i32): bool {
  const index = engine(p);
  if (len != index.blobBytes) return false;
  if (p.multi) multiAdd(p, docId, ptr);
  else index.add(docId, ptr);
  return true;
}

/** Every document leaves the index (its database was flushed or swapped away). */
export function vectorClear(p: VectorParams): void {
  multiFree(p);
  if (p.engine == 0) return;
  changetype<VectorIndex>(p.engine).free();
  p.engine = 0; // created afresh by the next document or query
}

/** A document leaves the index (deleted, changed, expired). */
export function vectorRemoveDoc(p: VectorParams, docId: u32): void {
  if (p.multi) multiRemove(p, docId);
  else if (p.engine != 0) changetype<VectorIndex>(p.engine).delete(docId);
}

/** The KNN filter: whether a doc id is in the filter's result set (ids ascending: a binary search). */
export function inFilter(docId: u32, ctx: usize): bool {
  const r = changetype<ResultSet>(ctx);
  let lo = 0, hi = r.len;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const id = resultId(r, mid);
    if (id == docId) return true;
    if (id < docId) lo = mid + 1;
    else hi = mid;
  }
  return false;
}

/**
 * Runs a KNN or VECTOR_RANGE node (query/node.ts, kind KNN or VECTOR_RANGE). Returns the result set
 * (query/results.ts) with the distances as scores, or 0 with the error text built (errors.ts).
 * `filter` is the result set of the node's filter (0 = every document), applied during the search.
 */
export function vectorQuery(node: usize, filter: usize): usize {
  const n = changetype<QueryNode>(node);
  const f = changetype<Field>(n.field);
  const p = changetype<VectorParams>(f.vector);
  const index = engine(p);
  if (n.strLen != index.blobBytes) {
    errStart("Error parsing vector similarity query: query vector blob size (");
    errInt(n.strLen);
    errAscii(") does not match index's expected size (");
    errInt(index.blobBytes);
    errAscii(").");
    return 0;
  }
  vectorScoreSet(n);
  const k = <i32>min(n.max, <f64>0x7fffffff);
  if (p.multi) {
    const r = n.kind == Q_KNN ? multiKnn(p, n.str, k, <i32>n.radius, filter) : multiRange(p, n.str, n.max);
    return changetype<usize>(r);
  }
  let count: i32;
  if (n.kind == Q_KNN) {
    count = filter == 0
      ? index.knn(n.str, k, <i32>n.radius, null, 0, -1)
      : index.knn(n.str, k, <i32>n.radius, inFilter, filter, changetype<ResultSet>(filter).len);
  } else {
    count = index.range(n.str, n.max, -1, null, 0);
  }
  return changetype<usize>(byDocId(index, count));
}

/** The engine's results (nearest first) as a result set, doc ids ascending. */
function byDocId(index: VectorIndex, count: i32): ResultSet {
  const keys = scratchAlloc(<usize>max(count, 1) << 3);
  for (let i = 0; i < count; i++) store<u64>(keys + (<usize>i << 3), (<u64>index.resultLabel(i) << 32) | <u64>i);
  return resultsByKey(index, keys, count);
}

/**
 * The `n` keys at `keys`, each (doc id << 32 | position of one of the engine's results), as a result
 * set: doc ids ascending, each scored with its result's distance.
 */
export function resultsByKey(index: VectorIndex, keys: usize, n: i32): ResultSet {
  sortU64(keys, n);
  const r = resultsNew(n);
  for (let i = 0; i < n; i++) {
    const key = load<u64>(keys + (<usize>i << 3));
    resultPush(r, <u32>(key >> 32), index.resultDistance(<i32>(key & 0xffffffff)));
  }
  return r;
}
