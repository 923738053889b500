// GRAPH.EXPLAIN's lines: the operation tree of a linear query, root first, each level indented by four
// spaces, named as FalkorDB names its operations. The plan is this engine's: clause by clause, every
// pattern walked from its first node (a label scan when it has a label). GRAPH.PROFILE adds to each
// line what the run measured (profile.ts).
import { C_CALL, C_CREATE, C_FOREACH, C_INDEX, C_DELETE, C_MATCH, C_MERGE, C_REMOVE, C_RETURN, C_SET, C_SUBQUERY, C_UNWIND, C_WITH, Clause, DIR_IN, DIR_OUT, E_CALL, E_COUNT_STAR, Expr, NodePattern, PathPattern, Query, RelPattern } from "./ast";
import { AGGREGATES } from "./functions";
import { Seek, findSeek } from "./index-seek";
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

/** The index lookup that starts `pat`, or null (a scan). */
function seekOf(g: Graph, pat: PathPattern, where: Expr | null, clauseVariables: Array<string>): Seek | null {
  return changetype<usize>(g) == 0 ? null : findSeek(g, pat, where, clauseVariables, null);
}

function scanText(pat: PathPattern, seek: Seek | null): string {
  const first = pat.nodes[0];
  if (seek !== null) {
    if (seek.idx.onEdges == 0) return "Node By Index Scan | " + nodeText(first);
    const r = pat.rels[0];
    return "Edge By Index Scan | [" + (r.variable.startsWith("  ") ? "" : r.variable) + ":" + r.types[0] + "]";
  }
  return (first.labels.length > 0 ? "Node By Label Scan | " : "All Node Scan | ") + nodeText(first);
}

function hasAggregate(e: Expr | null): bool {
  if (e === null) return false;
  if (e.kind == E_COUNT_STAR || (e.kind == E_CALL && AGGREGATES.includes(e.name))) return true;
  for (let i = 0; i < e.args.length; i++) if (hasAggregate(e.args[i])) return true;
  return false;
}

/** Op.clause of the operations over a UNION's whole result: Results and Distinct, then Join. */
export const UNION_RESULT = -1;
export const UNION_JOINED = -2;

/** One operation: its text, the clause that runs it, and for a scan or traverse its pattern node's slot. */
export class Op {
  text: string;
  /** The clause's number counting the clauses of the UNION's parts before it, or UNION_RESULT/UNION_JOINED. */
  clause: i32;
  /** The count slot of the node pattern the operation reaches (Walk counts its matches), or -1. */
  slot: i32;
  /** Its depth in the printed tree (four spaces each). */
  depth: i32 = 0;
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
  if (kind == C_SUBQUERY) return "CallSubquery";
  return "ProcedureCall";
}

/**
 * The operations of one part of a query, in the order they run, its clauses numbered from `clauseBase`
 * and its node patterns given count slots from `slots[0]` on (PathPattern.profileSlot); `results`: end
 * with Results when the part returns rows (a UNION's parts do not: the union has one).
 */
function partOperations(q: Query, g: Graph, clauseBase: i32, slots: Array<i32>, results: bool): Array<Op> {
  const ops = new Array<Op>();
  for (let k = 0; k < q.clauses.length; k++) {
    const c = q.clauses[k];
    const i = clauseBase + k;
    if (c.kind == C_MATCH) {
      const clauseVariables = new Array<string>();
      for (let p = 0; p < c.patterns.length; p++) patternVariables(c.patterns[p], clauseVariables);
      for (let p = 0; p < c.patterns.length; p++) {
        const pat = c.patterns[p];
        pat.profileSlot = slots[0];
        slots[0] += pat.nodes.length;
        const seek = seekOf(g, pat, c.where, clauseVariables);
        // an edge index scan yields the first relationship with both its ends: it counts what the
        // first hop reached
        const edgeScan = seek !== null && seek.idx.onEdges != 0;
        ops.push(new Op(scanText(pat, seek), i, pat.profileSlot + (edgeScan ? 1 : 0)));
        for (let r = edgeScan ? 1 : 0; r < pat.rels.length; r++) {
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
  if (results && (last == C_RETURN || last == C_CALL)) ops.push(new Op("Results", clauseBase + q.clauses.length - 1, -1));
  return ops;
}

/** Appends a part's operations root first (the last to run), each one level below the one before. */
function printOrder(part: Array<Op>, depth: i32, into: Array<Op>): void {
  for (let i = part.length - 1; i >= 0; i--, depth++) {
    part[i].depth = depth;
    into.push(part[i]);
  }
}

/**
 * The plan of `q` over graph `g` (0 for none: its indexes decide scans), root first, each operation with
 * its depth; gives each MATCH pattern its count slots. A UNION is FalkorDB's: Results, Distinct (not for
 * UNION ALL), Join, and under it each part's operations without their Results.
 */
export function operations(q: Query, g: Graph): Array<Op> {
  const slots = [0];
  const ops = new Array<Op>();
  if (q.unions.length == 0) {
    printOrder(partOperations(q, g, 0, slots, true), 0, ops);
    return ops;
  }
  let depth = 0;
  const results = new Op("Results", UNION_RESULT, -1);
  ops.push(results);
  if (!q.unionAll[0]) {
    const distinct = new Op("Distinct", UNION_RESULT, -1);
    distinct.depth = ++depth;
    ops.push(distinct);
  }
  const join = new Op("Join", UNION_JOINED, -1);
  join.depth = ++depth;
  ops.push(join);
  let clauseBase = 0;
  for (let i = -1; i < q.unions.length; i++) {
    const part = i < 0 ? q : q.unions[i];
    printOrder(partOperations(part, g, clauseBase, slots, false), depth + 1, ops);
    clauseBase += part.clauses.length;
  }
  return ops;
}

/** The operations' texts as the plan's lines. */
export function planLines(ops: Array<Op>, texts: Array<string>): Array<string> {
  const lines = new Array<string>();
  for (let i = 0; i < ops.length; i++) lines.push(" ".repeat(ops[i].depth * 4) + texts[i]);
  return lines;
}

export function explainLines(q: Query, g: Graph): Array<string> {
  const ops = operations(q, g);
  const texts = new Array<string>();
  for (let i = 0; i < ops.length; i++) texts.push(ops[i].text);
  return planLines(ops, texts);
}
