// What a running query carries: the graph, its parameters, the statistics it reports, its deadline.
import { Graph } from "../store/graph";
import { fail } from "./failure";
import { Expr } from "./ast";
import { V } from "./value";

const STEPS_PER_MS: i64 = 1000;

export class Stats {
  labelsAdded: i32 = 0;
  labelsRemoved: i32 = 0;
  nodesCreated: i32 = 0;
  nodesDeleted: i32 = 0;
  propertiesSet: i32 = 0;
  propertiesRemoved: i32 = 0;
  relationshipsCreated: i32 = 0;
  relationshipsDeleted: i32 = 0;
}

export class Ctx {
  /** 0 until the graph exists (a read query on a missing key runs over nothing). */
  g: Graph;
  paramNames: Array<string> = [];
  paramValues: Array<V> = [];
  stats: Stats = new Stats();
  /** Matching steps left before the query times out; 0 = no timeout (see setTimeout). */
  stepsLeft: i64 = 0;
  /** The aggregate calls of the projection being computed and their values for the current group. */
  aggExprs: Array<Expr> = [];
  aggValues: Array<V> = [];

  constructor(g: Graph) { this.g = g; }

  /**
   * TIMEOUT as a step budget: the host's clock is frozen for the length of a command (ADR 0001), so a
   * query cannot read the time it has taken. A step (one node visited, one list item unwound) was
   * measured at about a microsecond; the host's CPU budget still bounds every query in wall time.
   */
  setTimeout(ms: i64): void { this.stepsLeft = ms * STEPS_PER_MS; }

  /** Counts one step; false (the query failed) once the timeout's budget is spent. */
  tick(): bool {
    if (this.stepsLeft == 0) return true;
    if (--this.stepsLeft > 0) return true;
    fail("Query timed out");
    return false;
  }
}
