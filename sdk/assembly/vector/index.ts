// Vector indexes for plugins: FLAT and HNSW over FLOAT32/FLOAT64/FLOAT16/BFLOAT16 vectors with RediSearch's L2, IP and
// COSINE scores, SIMD distance kernels, memory owned by the plugin. Import from "ferrite-sdk/vector".
//
//   const p = changetype<VectorParams>(memory.data(offsetof<VectorParams>()));   // or heap.alloc
//   vectorParamsInit(p, ALGO_HNSW, TYPE_FLOAT32, 128, METRIC_COSINE);
//   p.m = 16; p.efConstruction = 200;
//   const index = VectorIndex.create(p);            // index.free() at FT.DROPINDEX
//   index.add(docId, blobPtr);                      // blob: index.blobBytes bytes; replaces docId's vector
//   index.delete(docId);
//   const n = index.knn(queryPtr, 10, 0, myFilter, myCtx, -1);   // filter applied during the walk
//   for (let i = 0; i < n; i++) use(index.resultLabel(i), index.resultDistance(i));
//   index.range(queryPtr, radius, -1, null, 0);     // VECTOR_RANGE
//   index.memoryUsage(); index.size();
//
// Results stay valid until the next knn/range on the same index. Persistence: the index keeps no saved
// form; its owner rebuilds it from the documents on load (docs/adr/0035-vector-indexes.md).
export * from "./params";
export { VectorIndex } from "./vector-index";
export { l2Squared, dot, copyNormalized } from "./distance";
export { f16ToF32, f32ToBf16, f32ToF16, storeElement, widenToF32 } from "./elements";
