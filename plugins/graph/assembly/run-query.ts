// GRAPH.QUERY, GRAPH.RO_QUERY and GRAPH.PROFILE: parse, validate, open (or create) the graph, run,
// reply (PROFILE replies the plan with what each operation produced), log in GRAPH.SLOWLOG. The query
// engine works in managed objects (AST, rows, values); __collect() at the end of every call frees them
// all, since none is reachable once the command is done. A stored graph is never a managed object, so
// the collection walks only this command's garbage.
import {
  FIND_WRITE, MISSING, WRONGTYPE, argLen, argPtr, clockUs, keyFindArg, keySetArg, nowUs, replyError, replyWrongType, utf8Valid,
} from "ferrite-sdk";
import { Profile } from "./cypher/profile";
import { slowLogAdd } from "./slowlog";
import { undoCommit, undoRollback } from "./cypher/undo";
import { queryViolation } from "./cypher/constraint-check";
import { GRAPH_TYPE } from "./graph-type";
import { Graph, graphCreate } from "./store/graph";
import { Ctx } from "./cypher/context";
import { evaluate } from "./cypher/eval";
import { execute } from "./cypher/execute";
import { fail, failed, failureText, resetFailure } from "./cypher/failure";
import { parseQuery } from "./cypher/parser";
import { replyLines, replyResult } from "./cypher/reply";
import { Row } from "./cypher/row";
import { isWriteQuery, validate } from "./cypher/validate";
import { Query } from "./cypher/ast";
import { compactReply, parseQueryArgs, timeoutMs } from "./query-args";
import { RESULTSET_SIZE, optionValue, queryTimeout } from "./config/options";

export const EMPTY_KEY = "ERR Invalid graph operation on empty key";

/** The parsed and validated query in argument 2, or null after replying its error. */
export function parseQueryArg(argv: usize): Query | null {
  resetFailure();
  if (!utf8Valid(argPtr(argv, 2), argLen(argv, 2))) {
    replyError("Invalid UTF8 string");
    return null;
  }
  const text = String.UTF8.decodeUnsafe(argPtr(argv, 2), argLen(argv, 2));
  const q = parseQuery(text);
  q.text = text;
  if (!failed()) validate(q);
  if (failed()) {
    replyError(failureText());
    return null;
  }
  return q;
}

export const QUERY = 0;
export const RO_QUERY = 1;
export const PROFILE = 2;
const COMMANDS = ["GRAPH.QUERY", "GRAPH.RO_QUERY", "GRAPH.PROFILE"];

function run(argc: i32, argv: usize, mode: i32): void {
  const started = clockUs();
  const readOnly = mode == RO_QUERY;
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
  const timeout = queryTimeout(timeoutMs, writes);
  if (timeout > 0) ctx.setTimeout(started, timeout);
  if (mode == PROFILE) ctx.profile = new Profile(q, g);
  const result = execute(q, ctx);
  if (!failed() && writes) {
    const violation = queryViolation(ctx);
    if (violation.length > 0) fail(violation);
  }
  // A failed write leaves nothing behind; a successful one drops its undo copies.
  if (failed()) undoRollback(ctx);
  else undoCommit(ctx);
  // RESULTSET_SIZE caps the rows replied (FalkorDB's ResultSet stops there); -1 is unlimited.
  const cap = optionValue(RESULTSET_SIZE);
  if (cap >= 0 && <i64>result.rows.length > cap) result.rows.length = <i32>cap;
  const elapsedUs = clockUs() - started;
  if (failed()) replyError(failureText());
  else if (mode == PROFILE) replyLines(ctx.profile!.lines());
  else replyResult(result, ctx, compactReply, elapsedUs);
  slowLogAdd(changetype<usize>(g), COMMANDS[mode], q.text, q.bodyStart, elapsedUs / 1000, Math.floor(nowUs() / 1e6));
}

export function runQuery(argc: i32, argv: usize, mode: i32): void {
  run(argc, argv, mode);
  __collect();
}
