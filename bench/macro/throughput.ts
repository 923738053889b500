// redis-benchmark against redis-server and Ferrite in the same run. On a 2-core machine the benchmark
// client competes with the server for CPU, and machine noise drifts over minutes, so each test runs
// back to back on both servers and the order alternates from one test to the next.
import { runBenchmark } from "./redis-benchmark.js";
import type { Kind, Pair } from "./servers.js";
import { fmt, printGoals, printTable, type Goal } from "./report.js";

const TESTS = ["set", "get", "incr", "mset"];
const PIPELINES = [1, 16];
/** The goals: Ferrite/redis ratio for GET and SET at each pipeline depth. */
const GOALS: Record<number, number> = { 1: 0.9, 16: 0.5 };
/** Generous: a healthy run needs well under a tenth of this. */
const MIN_RPS_BEFORE_TIMEOUT = 2000;

export interface ThroughputRow {
  test: string;
  pipeline: number;
  redis: number | null;
  ferrite: number | null;
  floor: number | null;
  ratio: number | null;
  errors: string[];
}

export async function runThroughput(pair: Pair, requests: number): Promise<{ rows: ThroughputRow[]; goals: Goal[] }> {
  const rows: ThroughputRow[] = [];
  const timeoutMs = 10_000 + (requests / MIN_RPS_BEFORE_TIMEOUT) * 1000;
  let turn = 0;
  for (const pipeline of PIPELINES) {
    for (const test of TESTS) {
      const row: ThroughputRow = { test, pipeline, redis: null, ferrite: null, floor: null, ratio: null, errors: [] };
      const order: Kind[] = turn++ % 2 === 0 ? ["redis", "ferrite", "floor"] : ["floor", "ferrite", "redis"];
      for (const kind of order) {
        const server = pair[kind];
        if (!server) continue;
        const rps = await runBenchmark({ port: server.port, test, pipeline, requests, timeoutMs });
        if (typeof rps === "number") row[kind] = rps;
        else row.errors.push(`${kind}: ${rps}`);
      }
      if (row.redis && row.ferrite) row.ratio = row.ferrite / row.redis;
      rows.push(row);
      for (const e of row.errors) console.error(`  ${test.toUpperCase()} -P ${pipeline} failed on ${e}`);
    }
  }
  printTable(
    ["test", "pipeline", "redis ops/s", "ferrite ops/s", "ratio", "node floor ops/s", "floor/redis", "ferrite/floor"],
    rows.map((r) => [
      r.test.toUpperCase(), String(r.pipeline), fmt(r.redis), fmt(r.ferrite), fmt(r.ratio, 2),
      fmt(r.floor), fmt(r.floor && r.redis ? r.floor / r.redis : null, 2), fmt(r.floor && r.ferrite ? r.ferrite / r.floor : null, 2),
    ]),
  );
  const goals = rows
    .filter((r) => r.test === "get" || r.test === "set")
    .map((r) => ({
      what: `${r.test.toUpperCase()} -P ${r.pipeline}: ratio ≥ ${GOALS[r.pipeline]} (measured ${fmt(r.ratio, 2)})`,
      met: r.ratio === null ? null : r.ratio >= GOALS[r.pipeline],
    }));
  printGoals(goals);
  return { rows, goals };
}
