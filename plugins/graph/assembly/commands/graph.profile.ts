// GRAPH.PROFILE graph query [--compact] [TIMEOUT ms]: runs the query and replies its plan, each operation
// with the records it produced and its execution time.
import { PROFILE, runQuery } from "../run-query";

export function run(argc: i32, argv: usize): void { runQuery(argc, argv, PROFILE); }
