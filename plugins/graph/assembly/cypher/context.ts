// What a running query carries: the graph, its parameters, the statistics it reports, its deadline.
import { Graph } from "../store/graph";
import { fail } from "./failure";
import { Expr } from "./ast";
import { V } from "./value";
import { clockUs } from "ferrite-sdk";
import { Profile } from "./profile";
import { UndoLog } from "./undo";

/** Steps between two reads of the clock: a host call per step (about a microsecond) would be felt. */
const STEPS_PER_CLOCK_READ: i32 = 64;

export class Stats {
  labelsAdded: i32 = 0;
  labelsRemoved: i32 = 0;
  nodesCreated: i32 = 0;
  nodesDeleted: i32 = 0;
  propertiesSet: i32 = 0;
  propertiesRemoved: i32 = 0;
  relationshipsCreated: i32 = 0;
  relationshipsDeleted: i32 = 0;
  indicesCreated: i32 = 0;
  indicesDeleted: i32 = 0;
}

export class Ctx {
  /** 0 until the graph exists (a read query on a missing key runs over nothing). */
  g: Graph;
  paramNames: Array<string> = [];
  paramValues: Array<V> = [];
  stats: Stats = new Stats();
  /** When the query times out, on the host's fresh clock (clockUs); 0 = no timeout (see setTimeout). */
  deadlineUs: f64 = 0;
  /** Steps until the next read of the clock. */
  stepsToClock: i32 = STEPS_PER_CLOCK_READ;
  /** The aggregate calls of the projection being computed and their values for the current group. */
  aggExprs: Array<Expr> = [];
  aggValues: Array<V> = [];
  /** GRAPH.PROFILE's measures, null for any other command. */
  profile: Profile | null = null;
  /** What a write query changed, to undo it if it fails (undo.ts). */
  undo: UndoLog = new UndoLog();

  constructor(g: Graph) { this.g = g; }

  /**
   * TIMEOUT in wall time from the query's start, as FalkorDB's, read on host API 1.6's fresh clock
   * (time_ms/time_us stay frozen for the command: Redis's cached time).
   */
  setTimeout(startedUs: f64, ms: i64): void { this.deadlineUs = startedUs + <f64>ms * 1000; }

  /** Counts one step (a node visited, a list item unwound); false (the query failed) past the deadline. */
  tick(): bool {
    if (this.deadlineUs == 0 || --this.stepsToClock > 0) return true;
    this.stepsToClock = STEPS_PER_CLOCK_READ;
    if (clockUs() < this.deadlineUs) return true;
    fail("Query timed out");
    return false;
  }
}
