// GRAPH.PROFILE's measures: rows out of each clause and when it ended, and per node pattern of a MATCH
// how many nodes it matched. The executor runs clause by clause over materialized rows, so an
// operation's time is from the start of the run to the end of its clause: cumulative, as in FalkorDB's
// pull model where an operation's time includes its children's.
import { clockUs } from "ferrite-sdk";
import { Op, UNION_JOINED, UNION_RESULT, operations, planLines } from "./explain";
import { millis } from "./reply";
import { Query } from "./ast";
import { Graph } from "../store/graph";

export class Profile {
  startUs: f64 = clockUs();
  clauseRows: Array<i32> = [];
  clauseEndUs: Array<f64> = [];
  /** Matches per node pattern, by PathPattern.profileSlot + its index. */
  hits: Array<i32> = [];
  resultRows: i32 = 0;
  /** A UNION's rows before Distinct. */
  joinedRows: i32 = 0;
  ops: Array<Op>;

  /** Plans `q` (giving its patterns their count slots) before it runs. */
  constructor(q: Query, g: Graph) {
    this.ops = operations(q, g);
    // Slots are numbered per node pattern: make room for every node of every pattern of every part.
    for (let u = -1; u < q.unions.length; u++) {
      const part = u < 0 ? q : q.unions[u];
      for (let i = 0; i < part.clauses.length; i++) {
        const patterns = part.clauses[i].patterns;
        for (let p = 0; p < patterns.length; p++) {
          while (patterns[p].profileSlot >= 0 && this.hits.length < patterns[p].profileSlot + patterns[p].nodes.length) this.hits.push(0);
        }
      }
    }
  }

  /** Rows out of an operation. */
  records(op: Op): i32 {
    if (op.slot >= 0) return this.hits[op.slot];
    if (op.clause == UNION_RESULT || op.text == "Results") return this.resultRows;
    return op.clause == UNION_JOINED ? this.joinedRows : this.clauseRows[op.clause];
  }

  clauseDone(rows: i32): void {
    this.clauseRows.push(rows);
    this.clauseEndUs.push(clockUs());
  }

  /** The plan's lines with " | Records produced: n, Execution time: t ms" on each. */
  lines(): Array<string> {
    const texts = new Array<string>();
    for (let i = 0; i < this.ops.length; i++) {
      const op = this.ops[i];
      // the union's operations end with its last clause
      const end = op.clause < 0 ? this.clauseEndUs[this.clauseEndUs.length - 1] : this.clauseEndUs[op.clause];
      texts.push(op.text + " | Records produced: " + this.records(op).toString() + ", Execution time: " + millis(end - this.startUs) + " ms");
    }
    return planLines(this.ops, texts);
  }
}
