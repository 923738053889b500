// Exact search: one pass over every stored record. FLAT indexes always search this way; HNSW uses it
// when a filter accepts only a few labels (the filter runs before the distance, so rejected vectors
// cost one call each).
import { VectorFilter } from "./params";
import { VectorIndex } from "./vector-index";

/** Leaves in x.results (a max-heap) the k nearest records `filter` accepts. */
export function bruteForceKnn(x: VectorIndex, q: usize, k: i32, filter: VectorFilter | null, ctx: usize): void {
  const results = x.results;
  results.size = 0;
  for (let id: u32 = 0; id < x.count; id++) {
    if (!x.accepts(id, filter, ctx)) continue;
    const d = x.distance(q, x.record(id));
    if (results.size < k) results.push(d, id);
    else if (d < results.topKey()) {
      results.pop();
      results.push(d, id);
    }
  }
}

/** Leaves in x.results every record within `radius` that `filter` accepts. */
export function bruteForceRange(x: VectorIndex, q: usize, radius: f64, filter: VectorFilter | null, ctx: usize): void {
  const results = x.results;
  results.size = 0;
  for (let id: u32 = 0; id < x.count; id++) {
    if (!x.accepts(id, filter, ctx)) continue;
    const d = x.distance(q, x.record(id));
    if (d <= radius) results.push(d, id);
  }
}
