// GRAPH.EXPLAIN graph query: the operations the query runs, outermost first, as FalkorDB lists them.
import { explainLines } from "../cypher/explain";
import { parseQueryArg } from "../run-query";
import { replyLines } from "../cypher/reply";

export function run(_argc: i32, argv: usize): void {
  const q = parseQueryArg(argv);
  if (q !== null) replyLines(explainLines(q));
  __collect();
}
