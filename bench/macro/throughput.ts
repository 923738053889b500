// redis-benchmark against redis-server and Ferrite in the same run. On a 2-core machine the benchmark
// client competes with the server for CPU, and machine noise drifts over minutes (the same server's
// rate moves by ±30 % between two runs a few seconds apart), so each test runs back to back on both
// servers, the order alternating from one run to the next, in several rounds: a row shows each
// server's median rate and the median of the rounds' ratios.
import { runBenchmark } from "./redis-benchmark.js";
import { RespConnection } from "./resp.js";
import type { Kind, Pair, Server } from "./servers.js";
import { fmt, printGoals, printTable, type Goal } from "./report.js";

export interface ThroughputTest {
  /** Its name in BENCH_TESTS and in the table. */
  name: string;
  /** redis-benchmark's arguments for it: `-t <name>`, or an arbitrary command line. */
  args: string[];
  /** A command sent to each server before the test, to give a read something to read. */
  setup?: string[];
}

/** Without -r, HSET, SADD and ZADD would rewrite one field or member; with it, they fill a collection. */
const RANDOM_MEMBERS = ["-r", "100000"];
const ZRANGE_MEMBERS = 100;

function zsetOf(key: string, members: number): string[] {
  return ["ZADD", key, ...Array.from({ length: members }, (_, i) => [String(i), `member:${i}`]).flat()];
}

/** In run order: LPOP pops what LPUSH pushed just before on the same server. */
export const TESTS: ThroughputTest[] = [
  { name: "set", args: ["-t", "set"] },
  { name: "get", args: ["-t", "get"] },
  { name: "incr", args: ["-t", "incr"] },
  { name: "mset", args: ["-t", "mset"] },
  { name: "hset", args: [...RANDOM_MEMBERS, "-t", "hset"] },
  { name: "lpush", args: ["-t", "lpush"] },
  { name: "lpop", args: ["-t", "lpop"] },
  { name: "sadd", args: [...RANDOM_MEMBERS, "-t", "sadd"] },
  { name: "zadd", args: [...RANDOM_MEMBERS, "-t", "zadd"] },
  // redis-benchmark 7.0 has no -t test for these two.
  { name: "zrange", args: ["zrange", "bench:zset", "0", "9"], setup: zsetOf("bench:zset", ZRANGE_MEMBERS) },
  { name: "xadd", args: ["xadd", "bench:stream", "*", "field", "value"] },
];
const PIPELINES = [1, 16];
/**
 * `-n` per pipeline depth: the base count at -P 1, a quarter of the depth times it deeper (-P 16: 4×).
 * 200 k pipelined requests are over in 0.2–0.8 s, where the first few hundred milliseconds after a
 * server sat idle (while the other ran) weigh heavily on either server; a run of several seconds
 * measures what it sustains.
 */
export function requestsAt(requests: number, pipeline: number): number {
  return requests * Math.max(1, pipeline / 4);
}
/** The goals: Ferrite/redis ratio for GET and SET at each pipeline depth. */
const GOALS: Record<number, number> = { 1: 0.9, 16: 0.5 };
/** Generous: a healthy run needs well under a tenth of this. */
const MIN_RPS_BEFORE_TIMEOUT = 2000;
const WARM_UP_REQUESTS = 100_000;

export interface ThroughputRow {
  test: string;
  pipeline: number;
  redis: number | null;
  ferrite: number | null;
  floor: number | null;
  ratio: number | null;
  errors: string[];
}

async function setUp(server: Server, command: string[]): Promise<void> {
  const conn = await RespConnection.open(server.port);
  try {
    await conn.command(...command);
  } finally {
    conn.close();
  }
}

/**
 * A discarded pass over every server before measuring: a freshly started Node server runs its hot path
 * in the interpreter and its plugins in V8's baseline wasm tier until the optimizing compilers catch
 * up (measured: the first 300 k GETs at -P 16 ran at about half the steady rate). A server's figure is
 * its steady state, for redis-server alike.
 */
async function warmUp(pair: Pair, timeoutMs: number): Promise<void> {
  for (const server of [pair.redis, pair.ferrite, pair.floor])
    if (server) await runBenchmark({ port: server.port, args: ["-t", "set,get,incr,lpush,lpop,sadd,hset,zadd"], pipeline: 16, requests: WARM_UP_REQUESTS, timeoutMs });
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function runThroughput(pair: Pair, requests: number, tests: ThroughputTest[], rounds: number): Promise<{ rows: ThroughputRow[]; goals: Goal[] }> {
  const rows: ThroughputRow[] = [];
  const timeoutMs = 10_000 + (requestsAt(requests, Math.max(...PIPELINES)) / MIN_RPS_BEFORE_TIMEOUT) * 1000;
  await warmUp(pair, timeoutMs);
  let turn = 0;
  for (const pipeline of PIPELINES) {
    for (const test of tests) {
      const row: ThroughputRow = { test: test.name, pipeline, redis: null, ferrite: null, floor: null, ratio: null, errors: [] };
      const rates: Record<Kind, number[]> = { redis: [], ferrite: [], floor: [] };
      const ratios: number[] = [];
      for (let round = 0; round < rounds && row.errors.length === 0; round++) {
        const order: Kind[] = turn++ % 2 === 0 ? ["redis", "ferrite", "floor"] : ["floor", "ferrite", "redis"];
        const measured: Partial<Record<Kind, number>> = {};
        for (const kind of order) {
          const server = pair[kind];
          if (!server) continue;
          let rps: number | string;
          try {
            // The floor answers every command with a fixed reply: it has nothing to set up.
            if (test.setup && kind !== "floor") await setUp(server, test.setup);
            rps = await runBenchmark({ port: server.port, args: test.args, pipeline, requests: requestsAt(requests, pipeline), timeoutMs });
          } catch (e) {
            rps = `setup: ${(e as Error).message}`;
          }
          if (typeof rps === "number") rates[kind].push((measured[kind] = rps));
          else row.errors.push(`${kind}: ${rps}`);
        }
        if (measured.redis && measured.ferrite) ratios.push(measured.ferrite / measured.redis);
      }
      row.redis = median(rates.redis);
      row.ferrite = median(rates.ferrite);
      row.floor = median(rates.floor);
      row.ratio = median(ratios);
      rows.push(row);
      for (const e of row.errors) console.error(`  ${test.name.toUpperCase()} -P ${pipeline} failed on ${e}`);
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
