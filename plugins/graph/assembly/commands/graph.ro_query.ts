// GRAPH.RO_QUERY graph query [--compact] [TIMEOUT ms]: refuses queries that write.
import { RO_QUERY, runQuery } from "../run-query";

export function run(argc: i32, argv: usize): void { runQuery(argc, argv, RO_QUERY); }
