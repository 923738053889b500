// GRAPH.QUERY and GRAPH.RO_QUERY: parse, validate, open (or create) the graph, run, reply. The query
// engine works in managed objects (AST, rows, values); __collect() at the end of every call frees them
// all, since none is reachable once the command is done. A stored graph is never a managed object, so
// the collection walks only this command's garbage.
import {
  FIND_WRITE, MISSING, WRONGTYPE, argLen, argPtr, clockUs, keyFindArg, keySetArg, replyError, replyWrongType,
} from "ferrite-sdk";
import { GRAPH_TYPE } from "./graph-type";
import { Graph, graphCreate } from "./store/graph";
import { Ctx } from "./cypher/context";
import { evaluate } from "./cypher/eval";
import { execute } from "./cypher/execute";
import { failed, failureText, resetFailure } from "./cypher/failure";
import { parseQuery } from "./cypher/parser";
import { replyResult } from "./cypher/reply";
import { Row } from "./cypher/row";
import { isWriteQuery, validate } from "./cypher/validate";
import { Query } from "./cypher/ast";
import { validUtf8 } from "./cypher/utf8-check";
import { compactReply, parseQueryArgs, timeoutMs } from "./query-args";

export const EMPTY_KEY = "ERR Invalid graph operation on empty key";

/** The parsed and validated query in argument 2, or null after replying its error. */
export function parseQueryArg(argv: usize): Query | null {
  resetFailure();
  if (!validUtf8(argPtr(argv, 2), argLen(argv, 2))) {
    replyError("Invalid UTF8 string");
    return null;
  }
  const text = String.UTF8.decodeUnsafe(argPtr(argv, 2), argLen(argv, 2));
  const q = parseQuery(text);
  if (!failed()) validate(q);
  if (failed()) {
    replyError(failureText());
    return null;
  }
  return q;
}

function run(argc: i32, argv: usize, readOnly: bool): void {
  const started = clockUs();
  if (!parseQueryArgs(argc, argv)) return;
  const q = parseQueryArg(argv);
  if (q === null) return;
  const writes = isWriteQuery(q);
  if (readOnly && writes) {
    replyError("graph.RO_QUERY is to be executed only on read-only queries");
    return;
  }
  const handle = keyFindArg(argv, 1, GRAPH_TYPE, writes ? FIND_WRITE : 0);
  if (handle == WRONGTYPE) {
    replyWrongType();
    return;
  }
  let g: Graph;
  if (handle == MISSING) {
    if (readOnly) {
      replyError(EMPTY_KEY);
      return;
    }
    // GRAPH.QUERY creates the graph, as FalkorDB does, even for a query that only reads.
    g = graphCreate();
    keySetArg(argv, 1, GRAPH_TYPE, <f64>changetype<usize>(g));
  } else g = changetype<Graph>(<usize>handle);

  const ctx = new Ctx(g);
  for (let i = 0; i < q.paramNames.length && !failed(); i++) {
    ctx.paramNames.push(q.paramNames[i]);
    ctx.paramValues.push(evaluate(q.paramValues[i], new Row(), ctx));
  }
  if (timeoutMs > 0) ctx.setTimeout(started, timeoutMs);
  const result = execute(q, ctx);
  if (failed()) replyError(failureText());
  else replyResult(result, ctx, compactReply, clockUs() - started);
}

export function runQuery(argc: i32, argv: usize, readOnly: bool): void {
  run(argc, argv, readOnly);
  __collect();
}
