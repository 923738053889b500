// Tail latency under a pipelined load (issue 11): `redis-benchmark -t set,get -c 50 -P 16` on freshly
// started servers, redis-server, the Node floor and Ferrite in the same run, the order alternating from
// round to round. The first round is each server's first load after its start, where Ferrite's tail used
// to sit (JIT warm-up, wasm tier-up); it is not discarded. Each row carries the machine's load average
// when it ran: on a shared 2-core machine a max is mostly the scheduler's, and the redis-server row is
// the noise floor of that moment.
import { loadavg } from "node:os";
import { runBenchmarkRows, type BenchmarkRow } from "./redis-benchmark.js";
import type { Kind, Pair } from "./servers.js";
import { fmt, printTable, type Goal } from "./report.js";

/** The goal for Ferrite's worst request in any round. */
const MAX_GOAL_MS = 10;
const PIPELINE = 16;
/** Generous: a healthy run needs well under a tenth of this. */
const MIN_RPS_BEFORE_TIMEOUT = 2000;

export interface LatencyRow {
  round: number;
  server: Kind;
  /** One-minute load average when the run started. */
  load: number;
  set: BenchmarkRow | null;
  get: BenchmarkRow | null;
  error: string;
}

function cells(r: BenchmarkRow | null): string[] {
  return r ? [fmt(r.rps), fmt(r.p50Ms, 3), fmt(r.p99Ms, 3), fmt(r.maxMs, 3)] : ["-", "-", "-", "-"];
}

export async function runLatency(pair: Pair, requests: number, rounds: number): Promise<{ rows: LatencyRow[]; goals: Goal[] }> {
  const rows: LatencyRow[] = [];
  const timeoutMs = 10_000 + (2 * requests / MIN_RPS_BEFORE_TIMEOUT) * 1000;
  for (let round = 1; round <= rounds; round++) {
    const order: Kind[] = round % 2 === 1 ? ["redis", "floor", "ferrite"] : ["ferrite", "floor", "redis"];
    for (const kind of order) {
      const server = pair[kind];
      if (!server) continue;
      const row: LatencyRow = { round, server: kind, load: loadavg()[0], set: null, get: null, error: "" };
      const result = await runBenchmarkRows({ port: server.port, args: ["-t", "set,get"], pipeline: PIPELINE, requests, timeoutMs });
      if (typeof result === "string") row.error = result;
      else {
        row.set = result.find((r) => r.test === "SET") ?? null;
        row.get = result.find((r) => r.test === "GET") ?? null;
      }
      rows.push(row);
      if (row.error) console.error(`  round ${round} failed on ${kind}: ${row.error}`);
    }
  }
  printTable(
    ["round", "server", "load", "SET ops/s", "p50 ms", "p99 ms", "max ms", "GET ops/s", "p50 ms", "p99 ms", "max ms"],
    rows.map((r) => [String(r.round), r.server, fmt(r.load, 1), ...cells(r.set), ...cells(r.get)]),
  );
  const ferrite = rows.filter((r) => r.server === "ferrite");
  const worst = (test: "set" | "get") => {
    const maxima = ferrite.map((r) => r[test]?.maxMs ?? NaN);
    return maxima.length === 0 || maxima.some(Number.isNaN) ? null : Math.max(...maxima);
  };
  const goals = (["set", "get"] as const).map((test) => {
    const max = worst(test);
    return { what: `${test.toUpperCase()} -c 50 -P 16: Ferrite's max latency < ${MAX_GOAL_MS} ms in every round (measured ${fmt(max, 1)} ms)`, met: max === null ? null : max < MAX_GOAL_MS };
  });
  return { rows, goals };
}
