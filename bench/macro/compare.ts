// One command line per server run back to back on a pair, the order alternating from round to round
// (a warm or a noisy moment favours neither), after one discarded pass that lets V8's optimizing tiers
// catch up: the medians of each server's rates and of the per-round ratios (bloom, scripting).
import { runBenchmark } from "./redis-benchmark.js";
import type { Pair } from "./servers.js";
import { median } from "./throughput.js";

export interface Case {
  name: string;
  pipeline: number;
  ferrite: string[];
  redis: string[];
}

export interface Compared {
  test: string;
  redis: number | null;
  ferrite: number | null;
  ratio: number | null;
}

export async function compareCases(pair: Pair, cases: Case[], requests: (c: Case) => number, rounds: number): Promise<Compared[]> {
  const timeoutMs = (c: Case) => 10_000 + (requests(c) / 2000) * 1000;
  for (const c of cases)
    for (const kind of ["redis", "ferrite"] as const) {
      const server = pair[kind];
      if (server) await runBenchmark({ port: server.port, args: c[kind], pipeline: c.pipeline, requests: requests(c) / 4, timeoutMs: timeoutMs(c) });
    }
  const compared: Compared[] = [];
  let turn = 0;
  for (const c of cases) {
    const rates: Record<"redis" | "ferrite", number[]> = { redis: [], ferrite: [] };
    const ratios: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const order = turn++ % 2 === 0 ? (["redis", "ferrite"] as const) : (["ferrite", "redis"] as const);
      const measured: Partial<Record<"redis" | "ferrite", number>> = {};
      for (const kind of order) {
        const server = pair[kind];
        if (!server) continue;
        const rps = await runBenchmark({ port: server.port, args: c[kind], pipeline: c.pipeline, requests: requests(c), timeoutMs: timeoutMs(c) });
        if (typeof rps === "number") rates[kind].push((measured[kind] = rps));
        else console.error(`  ${c.name} failed on ${kind}: ${rps}`);
      }
      if (measured.redis && measured.ferrite) ratios.push(measured.ferrite / measured.redis);
    }
    compared.push({ test: c.name, redis: median(rates.redis), ferrite: median(rates.ferrite), ratio: median(ratios) });
  }
  return compared;
}
