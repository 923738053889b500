// GRAPH.COPY src dest: a new graph key holding a copy of src (through the serialized form), as
// FalkorDB's Graph_Copy: the destination must not exist; the reply is the bulk string "OK".
import { ANY_TYPE, MISSING, WRONGTYPE, keyFindArg, keySetArg, replyError } from "ferrite-sdk";
import { GRAPH_TYPE } from "../graph-type";
import { EMPTY_KEY } from "../run-query";
import { replyText } from "../cypher/reply";
import { Graph } from "../store/graph";
import { graphCopy } from "../store/codec";

export function run(_argc: i32, argv: usize): void {
  if (keyFindArg(argv, 2, ANY_TYPE) != MISSING) {
    replyError("destination key already exists");
    return;
  }
  const handle = keyFindArg(argv, 1, GRAPH_TYPE);
  if (handle == MISSING || handle == WRONGTYPE) {
    replyError(EMPTY_KEY);
    return;
  }
  keySetArg(argv, 2, GRAPH_TYPE, <f64>graphCopy(changetype<Graph>(<usize>handle)));
  replyText("OK");
}
