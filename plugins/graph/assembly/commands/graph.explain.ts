// GRAPH.EXPLAIN graph query: the operations the query runs, outermost first, as FalkorDB lists them
// (the graph's indexes decide where a pattern starts; a missing graph has none).
import { MISSING, WRONGTYPE, keyFindArg } from "ferrite-sdk";
import { explainLines } from "../cypher/explain";
import { parseQueryArg } from "../run-query";
import { replyLines } from "../cypher/reply";
import { GRAPH_TYPE } from "../graph-type";
import { Graph } from "../store/graph";

export function run(_argc: i32, argv: usize): void {
  const q = parseQueryArg(argv);
  if (q !== null) {
    const handle = keyFindArg(argv, 1, GRAPH_TYPE);
    const g = handle == MISSING || handle == WRONGTYPE ? changetype<Graph>(0) : changetype<Graph>(<usize>handle);
    replyLines(explainLines(q, g));
  }
  __collect();
}
