// What a running query carries: the graph, its parameters, the statistics it reports, its deadline.
import { Graph } from "../store/graph";
import { nowMs } from "ferrite-sdk";
import { fail } from "./failure";
import { Expr } from "./ast";
import { V } from "./value";

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
  /** nowMs() past which the query fails; 0 = no timeout. */
  deadline: i64 = 0;
  ticks: i32 = 0;
  /** The aggregate calls of the projection being computed and their values for the current group. */
  aggExprs: Array<Expr> = [];
  aggValues: Array<V> = [];

  constructor(g: Graph) { this.g = g; }

  /** Checks the deadline every 1024 calls (a clock read is a host call); false once timed out. */
  tick(): bool {
    if (this.deadline == 0 || (++this.ticks & 1023) != 0) return true;
    if (nowMs() > this.deadline) {
      fail("Query timed out");
      return false;
    }
    return true;
  }
}
