// GRAPH.DELETE graph: FalkorDB replies OK, or its empty-key error for a missing or non-graph key.
import { MISSING, WRONGTYPE, keyDeleteArg, keyFindArg, replyError, replyOk } from "ferrite-sdk";
import { GRAPH_TYPE } from "../graph-type";
import { EMPTY_KEY } from "../run-query";

export function run(_argc: i32, argv: usize): void {
  const handle = keyFindArg(argv, 1, GRAPH_TYPE);
  if (handle == MISSING || handle == WRONGTYPE) {
    replyError(EMPTY_KEY);
    return;
  }
  keyDeleteArg(argv, 1);
  replyOk();
}
