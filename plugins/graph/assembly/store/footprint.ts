// GRAPH.MEMORY USAGE's components, counted exactly (FalkorDB samples; this store can walk it): label
// sets, relations (edge records and adjacency vectors), edge properties; node storage is the rest of
// the graph's running byte total (node records and properties, names, free lists, the header); indexes.
import { heapFootprint } from "ferrite-sdk";
import { E_ALIVE, E_PROPS, EDGE_SIZE, Graph, N_ALIVE, N_IN, N_LABELS, N_OUT, edgeRec, nodeRec } from "./graph";
import { propsBytes } from "./props";
import { vecBytes } from "./u32-vec";
import { indexBytes } from "./index";

export class Footprint {
  labels: i64 = 0;
  relations: i64 = 0;
  nodes: i64 = 0;
  edges: i64 = 0;
  indexes: i64 = 0;
}

export function graphFootprint(g: Graph): Footprint {
  const f = new Footprint();
  for (let id: u32 = 0; id < g.nodeSlots; id++) {
    const r = nodeRec(g, id);
    if (load<u32>(r + N_ALIVE) == 0) continue;
    f.labels += <i64>vecBytes(load<usize>(r + N_LABELS));
    f.relations += <i64>(vecBytes(load<usize>(r + N_OUT)) + vecBytes(load<usize>(r + N_IN)));
  }
  if (g.edges != 0) f.relations += <i64>heapFootprint(<usize>g.edgeCap * EDGE_SIZE);
  for (let id: u32 = 0; id < g.edgeSlots; id++) {
    const r = edgeRec(g, id);
    if (load<u32>(r + E_ALIVE) != 0) f.edges += <i64>propsBytes(load<usize>(r + E_PROPS));
  }
  f.indexes = <i64>indexBytes(g);
  f.nodes = g.bytes - f.labels - f.relations - f.edges - f.indexes;
  return f;
}
