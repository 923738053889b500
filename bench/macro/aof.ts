// SET throughput with the append-only file on (appendonly yes, appendfsync everysec) on both servers,
// as a ratio to redis-server with the same setting, in the same run: what logging every write costs
// Ferrite next to what it costs Redis. Order alternates per pipeline depth, as in throughput.ts.
import { runBenchmark } from "./redis-benchmark.js";
import type { Kind, Pair } from "./servers.js";
import { fmt, printTable } from "./report.js";

export const AOF_FLAGS = ["--appendonly", "yes", "--appendfsync", "everysec"];
const PIPELINES = [1, 16];

export interface AofRow {
  pipeline: number;
  redis: number | null;
  ferrite: number | null;
  ratio: number | null;
  errors: string[];
}

export async function runAof(pair: Pair, requests: number): Promise<AofRow[]> {
  const timeoutMs = 10_000 + (requests / 2000) * 1000;
  // Warm-up (discarded): the optimizing compilers, and the AOF files past their first appends.
  for (const s of [pair.redis, pair.ferrite]) if (s) await runBenchmark({ port: s.port, args: ["-t", "set"], pipeline: 16, requests: 100_000, timeoutMs });
  const rows: AofRow[] = [];
  for (const [i, pipeline] of PIPELINES.entries()) {
    const row: AofRow = { pipeline, redis: null, ferrite: null, ratio: null, errors: [] };
    const order: Kind[] = i % 2 === 0 ? ["redis", "ferrite"] : ["ferrite", "redis"];
    for (const kind of order) {
      const server = kind === "redis" ? pair.redis : pair.ferrite;
      if (!server) continue;
      const rps = await runBenchmark({ port: server.port, args: ["-t", "set", "-r", "100000"], pipeline, requests, timeoutMs });
      if (typeof rps === "number") row[kind === "redis" ? "redis" : "ferrite"] = rps;
      else row.errors.push(`${kind}: ${rps}`);
    }
    if (row.redis && row.ferrite) row.ratio = row.ferrite / row.redis;
    for (const e of row.errors) console.error(`  SET -P ${pipeline} (AOF) failed on ${e}`);
    rows.push(row);
  }
  printTable(
    ["test", "pipeline", "redis ops/s", "ferrite ops/s", "ratio"],
    rows.map((r) => ["SET (AOF everysec)", String(r.pipeline), fmt(r.redis), fmt(r.ferrite), fmt(r.ratio, 2)]),
  );
  return rows;
}
