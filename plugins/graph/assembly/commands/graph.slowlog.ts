// GRAPH.SLOWLOG graph [RESET]: the graph's slowest queries as [time, command, query, params, latency ms]
// (FalkorDB's SlowLog_Replay), or OK after emptying the log.
import {
  MISSING, WRONGTYPE, argIs, formatGeneral, keyFindArg, replyArityError, replyArray, replyDouble, replyError, replyNull, replyOk,
} from "ferrite-sdk";
import { GRAPH_TYPE } from "../graph-type";
import { EMPTY_KEY } from "../run-query";
import { replyText } from "../cypher/reply";
import { slowLogOf, slowLogReset } from "../slowlog";

export function run(argc: i32, argv: usize): void {
  if (argc > 3) {
    replyArityError(argv);
    return;
  }
  if (argc == 3 && !argIs(argv, 2, "reset")) {
    replyError("Unknown subcommand");
    return;
  }
  const handle = keyFindArg(argv, 1, GRAPH_TYPE);
  if (handle == MISSING || handle == WRONGTYPE) {
    replyError(EMPTY_KEY);
    return;
  }
  const graph = <usize>handle;
  if (argc == 3) {
    slowLogReset(graph);
    replyOk();
    return;
  }
  const items = slowLogOf(graph);
  replyArray(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    replyArray(5);
    replyDouble(item.time);
    replyText(item.command);
    replyText(item.query);
    const params = item.params;
    if (params === null) replyNull();
    else replyText(params);
    replyText(formatGeneral(item.latencyMs, 5));
  }
  __collect();
}
