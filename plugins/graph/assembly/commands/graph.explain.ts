// GRAPH.EXPLAIN graph query: the operations the query runs, outermost first, as FalkorDB lists them.
import { replyArray } from "ferrite-sdk";
import { explainLines } from "../cypher/explain";
import { parseQueryArg } from "../run-query";
import { replyText } from "../cypher/reply";

export function run(_argc: i32, argv: usize): void {
  const q = parseQueryArg(argv);
  if (q !== null) {
    const lines = explainLines(q);
    replyArray(lines.length);
    for (let i = 0; i < lines.length; i++) replyText(lines[i]);
  }
  __collect();
}
