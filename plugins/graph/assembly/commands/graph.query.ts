// GRAPH.QUERY graph query [--compact] [TIMEOUT ms]
import { QUERY, runQuery } from "../run-query";

export function run(argc: i32, argv: usize): void { runQuery(argc, argv, QUERY); }
