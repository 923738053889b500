// VECTOR fields: the seam between this plugin and the vector indexes (sdk/assembly/vector/, written
// beside this plugin). This file owns what the schema and the query parser need today, parsing
// `VECTOR {FLAT|HNSW} nargs [TYPE t] [DIM d] [DISTANCE_METRIC m] …` and FT.INFO's attributes, and the
// three entry points the rest of the plugin calls, which answer honestly until the vector engine is
// wired in: documents are not indexed into a vector field yet, and a KNN or VECTOR_RANGE query node
// fails with "ERR vector search not yet available" rather than returning made-up results.
//
// To wire the engine: keep an index handle in VectorParams (`engine`), fill vectorIndexDoc /
// vectorRemoveDoc, and make vectorQuery return the matching doc ids with their distances as the query's
// result set (query/results.ts), with the filter's doc ids (`filter`, 0 = all) applied during the search.
import { argLen, argPtr, parseF64, parseI64, parsedF64, parsedI64, replyBulk, replyInt, replyDouble } from "ferrite-sdk";
import { isWord } from "./bytes";
import { errAround, errStart } from "./errors";

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
  /** The vector engine's index for this field (0 until the engine is wired in). */
  engine: usize;
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

export function vectorParamsFree(p: VectorParams): void { heap.free(changetype<usize>(p)); }

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

/** A document's value for a vector field (raw bytes from the hash): kept by the engine, once wired in. */
export function vectorIndexDoc(p: VectorParams, docId: u32, ptr: usize, len: i32): void {}

/** A document leaves the index (deleted, changed, expired). */
export function vectorRemoveDoc(p: VectorParams, docId: u32): void {}

/**
 * Runs a KNN or VECTOR_RANGE node (query/node.ts, kind KNN or VECTOR_RANGE). Returns the result set
 * (query/results.ts), or 0 with the error text built (errors.ts). `filter` is the result set of the node's filter
 * (0 = every document), to apply during the vector search, not after it.
 */
export function vectorQuery(node: usize, filter: usize): usize {
  errStart("ERR vector search not yet available");
  return 0;
}
