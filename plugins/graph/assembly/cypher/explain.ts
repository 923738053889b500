// GRAPH.EXPLAIN's lines: the operation tree of a linear query, root first, each level indented by four
// spaces, named as FalkorDB names its operations. The plan is this engine's: clause by clause, every
// pattern walked from its first node (a label scan when it has a label). GRAPH.PROFILE adds to each
// line what the run measured (profile.ts).
import { C_CALL, C_CREATE, C_FOREACH, C_INDEX, C_DELETE, C_MATCH, C_MERGE, C_REMOVE, C_RETURN, C_SET, C_UNWIND, C_WITH, Clause, DIR_IN, DIR_OUT, E_CALL, E_COUNT_STAR, Expr, NodePattern, PathPattern, Query, RelPattern } from "./ast";
import { AGGREGATES } from "./functions";
import { findSeek } from "./index-seek";
import { patternVariables } from "./match";
import { Graph } from "../store/graph";

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

function scanText(g: Graph, pat: PathPattern, where: Expr | null, clauseVariables: Array<string>): string {
  const first = pat.nodes[0];
  if (changetype<usize>(g) != 0 && findSeek(g, pat, where, clauseVariables, null) !== null) return "Node By Index Scan | " + nodeText(first);
  return (first.labels.length > 0 ? "Node By Label Scan | " : "All Node Scan | ") + nodeText(first);
}

function hasAggregate(e: Expr | null): bool {
  if (e === null) return false;
  if (e.kind == E_COUNT_STAR || (e.kind == E_CALL && AGGREGATES.includes(e.name))) return true;
  for (let i = 0; i < e.args.length; i++) if (hasAggregate(e.args[i])) return true;
  return false;
}

/** One operation: its text, the clause that runs it, and for a scan or traverse its pattern node's slot. */
export class Op {
  text: string;
  clause: i32;
  /** The count slot of the node pattern the operation reaches (Walk counts its matches), or -1. */
  slot: i32;
  constructor(text: string, clause: i32, slot: i32) {
    this.text = text;
    this.clause = clause;
    this.slot = slot;
  }
}

function projectionOps(c: Clause, i: i32, ops: Array<Op>): void {
  let aggregate = false;
  for (let k = 0; k < c.items.length; k++) if (hasAggregate(c.items[k].expr)) aggregate = true;
  ops.push(new Op(aggregate ? "Aggregate" : "Project", i, -1));
  if (c.distinct) ops.push(new Op("Distinct", i, -1));
  if (c.order.length > 0) ops.push(new Op("Sort", i, -1));
  if (c.skip !== null) ops.push(new Op("Skip", i, -1));
  if (c.limit !== null) ops.push(new Op("Limit", i, -1));
  if (c.where !== null) ops.push(new Op("Filter", i, -1));
}

function clauseOp(kind: i32): string {
  if (kind == C_CREATE) return "Create";
  if (kind == C_MERGE) return "Merge";
  if (kind == C_SET || kind == C_REMOVE) return "Update";
  if (kind == C_DELETE) return "Delete";
  if (kind == C_UNWIND) return "Unwind";
  if (kind == C_INDEX) return "Index";
  if (kind == C_FOREACH) return "Foreach";
  return "ProcedureCall";
}

/**
 * Operations in the order they run over graph `g` (0 for none: its indexes decide scans); gives each
 * MATCH pattern its count slots (PathPattern.profileSlot).
 */
export function operations(q: Query, g: Graph): Array<Op> {
  const ops = new Array<Op>();
  let slots = 0;
  for (let i = 0; i < q.clauses.length; i++) {
    const c = q.clauses[i];
    if (c.kind == C_MATCH) {
      const clauseVariables = new Array<string>();
      for (let p = 0; p < c.patterns.length; p++) patternVariables(c.patterns[p], clauseVariables);
      for (let p = 0; p < c.patterns.length; p++) {
        const pat = c.patterns[p];
        pat.profileSlot = slots;
        slots += pat.nodes.length;
        ops.push(new Op(scanText(g, pat, c.where, clauseVariables), i, pat.profileSlot));
        for (let r = 0; r < pat.rels.length; r++) {
          const op = pat.rels[r].varLength ? "Conditional Variable Length Traverse | " : "Conditional Traverse | ";
          ops.push(new Op(op + nodeText(pat.nodes[r]) + relText(pat.rels[r]) + nodeText(pat.nodes[r + 1]), i, pat.profileSlot + r + 1));
        }
        if (p > 0) ops.push(new Op("Cartesian Product", i, -1));
      }
      if (c.optional) ops.push(new Op("Optional", i, -1));
      if (c.where !== null) ops.push(new Op("Filter", i, -1));
    } else if (c.kind == C_WITH || c.kind == C_RETURN) projectionOps(c, i, ops);
    else ops.push(new Op(clauseOp(c.kind), i, -1));
  }
  const last = q.clauses.length > 0 ? q.clauses[q.clauses.length - 1].kind : -1;
  if (last == C_RETURN || last == C_CALL) ops.push(new Op("Results", q.clauses.length - 1, -1));
  return ops;
}

/** The operations as a tree, root (the last to run) first, each level four spaces deeper. */
export function planLines(ops: Array<Op>, texts: Array<string>): Array<string> {
  const lines = new Array<string>();
  for (let i = ops.length - 1, depth = 0; i >= 0; i--, depth++) lines.push(" ".repeat(depth * 4) + texts[i]);
  return lines;
}

export function explainLines(q: Query, g: Graph): Array<string> {
  const ops = operations(q, g);
  const texts = new Array<string>();
  for (let i = 0; i < ops.length; i++) texts.push(ops[i].text);
  return planLines(ops, texts);
}
