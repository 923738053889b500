// GRAPH.EXPLAIN's lines: the operation tree of a linear query, root first, each level indented by four
// spaces, named as FalkorDB names its operations. The plan is this engine's: clause by clause, every
// pattern walked from its first node (a label scan when it has a label).
import { C_CALL, C_CREATE, C_DELETE, C_MATCH, C_MERGE, C_REMOVE, C_RETURN, C_SET, C_UNWIND, C_WITH, Clause, DIR_IN, DIR_OUT, E_CALL, E_COUNT_STAR, Expr, NodePattern, Query, RelPattern } from "./ast";
import { AGGREGATES } from "./functions";

function nodeText(n: NodePattern): string {
  let s = "(" + (n.variable.startsWith("  ") ? "" : n.variable);
  for (let i = 0; i < n.labels.length; i++) s += ":" + n.labels[i];
  return s + ")";
}

function relText(r: RelPattern): string {
  let s = (r.dir == DIR_IN ? "<-[" : "-[") + (r.variable.startsWith("  ") ? "" : r.variable);
  for (let i = 0; i < r.types.length; i++) s += (i == 0 ? ":" : "|") + r.types[i];
  if (r.varLength) s += "*" + r.minHops.toString() + ".." + (r.maxHops < 0 ? "INF" : r.maxHops.toString());
  return s + (r.dir == DIR_OUT ? "]->" : "]-");
}

function hasAggregate(e: Expr | null): bool {
  if (e === null) return false;
  if (e.kind == E_COUNT_STAR || (e.kind == E_CALL && AGGREGATES.includes(e.name))) return true;
  for (let i = 0; i < e.args.length; i++) if (hasAggregate(e.args[i])) return true;
  return false;
}

function projectionOps(c: Clause, ops: Array<string>): void {
  let aggregate = false;
  for (let i = 0; i < c.items.length; i++) if (hasAggregate(c.items[i].expr)) aggregate = true;
  ops.push(aggregate ? "Aggregate" : "Project");
  if (c.distinct) ops.push("Distinct");
  if (c.order.length > 0) ops.push("Sort");
  if (c.skip !== null) ops.push("Skip");
  if (c.limit !== null) ops.push("Limit");
  if (c.where !== null) ops.push("Filter");
}

/** Operations in the order they run. */
function operations(q: Query): Array<string> {
  const ops = new Array<string>();
  for (let i = 0; i < q.clauses.length; i++) {
    const c = q.clauses[i];
    if (c.kind == C_MATCH) {
      for (let p = 0; p < c.patterns.length; p++) {
        const pat = c.patterns[p];
        const first = pat.nodes[0];
        ops.push((first.labels.length > 0 ? "Node By Label Scan | " : "All Node Scan | ") + nodeText(first));
        for (let r = 0; r < pat.rels.length; r++) {
          const op = pat.rels[r].varLength ? "Conditional Variable Length Traverse | " : "Conditional Traverse | ";
          ops.push(op + nodeText(pat.nodes[r]) + relText(pat.rels[r]) + nodeText(pat.nodes[r + 1]));
        }
        if (p > 0) ops.push("Cartesian Product");
      }
      if (c.optional) ops.push("Optional");
      if (c.where !== null) ops.push("Filter");
    } else if (c.kind == C_CREATE) ops.push("Create");
    else if (c.kind == C_MERGE) ops.push("Merge");
    else if (c.kind == C_SET || c.kind == C_REMOVE) ops.push("Update");
    else if (c.kind == C_DELETE) ops.push("Delete");
    else if (c.kind == C_UNWIND) ops.push("Unwind");
    else if (c.kind == C_CALL) ops.push("ProcedureCall");
    else if (c.kind == C_WITH || c.kind == C_RETURN) projectionOps(c, ops);
  }
  const last = q.clauses.length > 0 ? q.clauses[q.clauses.length - 1].kind : -1;
  if (last == C_RETURN || last == C_CALL) ops.push("Results");
  return ops;
}

export function explainLines(q: Query): Array<string> {
  const ops = operations(q);
  const lines = new Array<string>();
  for (let i = ops.length - 1, depth = 0; i >= 0; i--, depth++) lines.push(" ".repeat(depth * 4) + ops[i]);
  return lines;
}
