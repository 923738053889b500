// GRAPH.MEMORY USAGE graph [SAMPLES n]: the graph's memory by component in whole MB, as FalkorDB's
// Graph_Memory replies it (a map of six). SAMPLES is checked and accepted; the counts here are exact.
import {
  MISSING, WRONGTYPE, argIs, argLen, argPtr, keyFindArg, parseF64, parsedF64, replyArityError, replyError, replyInt, replyMap,
} from "ferrite-sdk";
import { GRAPH_TYPE } from "../graph-type";
import { EMPTY_KEY } from "../run-query";
import { replyText } from "../cypher/reply";
import { Graph } from "../store/graph";
import { graphFootprint } from "../store/footprint";

const MB: i64 = 1 << 20;

function replyPair(name: string, mb: i64): void {
  replyText(name);
  replyInt(mb);
}

export function run(argc: i32, argv: usize): void {
  if (argc != 3 && argc != 5) {
    replyArityError(argv);
    return;
  }
  if (!argIs(argv, 1, "usage")) {
    replyError("ERR unknown subcommand '" + String.UTF8.decodeUnsafe(argPtr(argv, 1), argLen(argv, 1)) + "'. expecting GRAPH.MEMORY USAGE <key>");
    __collect();
    return;
  }
  if (argc == 5) {
    if (!argIs(argv, 3, "samples")) {
      replyError("ERR unknown subcommand '" + String.UTF8.decodeUnsafe(argPtr(argv, 3), argLen(argv, 3)) + "'. expecting GRAPH.MEMORY USAGE <key> SAMPLES <x>");
      __collect();
      return;
    }
    if (!parseF64(argPtr(argv, 4), argLen(argv, 4)) || parsedF64 < 0) {
      replyError("SAMPLES must be a non-negative integer");
      return;
    }
  }
  const handle = keyFindArg(argv, 2, GRAPH_TYPE);
  if (handle == MISSING || handle == WRONGTYPE) {
    replyError(EMPTY_KEY);
    return;
  }
  const f = graphFootprint(changetype<Graph>(<usize>handle));
  const labels = f.labels / MB, relations = f.relations / MB, nodes = f.nodes / MB, edges = f.edges / MB, indexes = f.indexes / MB;
  replyMap(6);
  replyPair("total_graph_sz_mb", labels + relations + nodes + edges + indexes);
  replyPair("label_matrices_sz_mb", labels);
  replyPair("relation_matrices_sz_mb", relations);
  replyPair("amortized_node_storage_sz_mb", nodes);
  replyPair("amortized_edge_storage_sz_mb", edges);
  replyPair("indices_sz_mb", indexes);
  __collect();
}
