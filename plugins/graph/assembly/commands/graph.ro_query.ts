// GRAPH.RO_QUERY graph query [--compact] [TIMEOUT ms]: refuses queries that write.
import { runQuery } from "../run-query";

export function run(argc: i32, argv: usize): void { runQuery(argc, argv, true); }
