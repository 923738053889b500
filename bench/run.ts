// `make bench`: Ferrite against Debian's redis-server on this machine, in one run — throughput
// (redis-benchmark), memory per key, and the longest event-loop stall under load. The first two get fresh
// servers, so throughput leaves no garbage for the memory figure; the stall phase then reuses the keys
// the memory phase loaded. See bench/README.md.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runThroughput } from "./macro/throughput.js";
import { runMemory } from "./macro/memory.js";
import { runStall } from "./macro/stall.js";
import { startPair, type Pair } from "./macro/servers.js";
import { ROOT } from "./root.js";
import { printGoals, type Goal } from "./macro/report.js";

const PHASES = ["throughput", "memory", "stall"] as const;
type Phase = (typeof PHASES)[number];

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got '${raw}'`);
  return n;
}

function selectedPhases(): Phase[] {
  const only = process.env.BENCH_ONLY;
  if (!only) return [...PHASES];
  const names = only.split(",").map((s) => s.trim());
  const unknown = names.filter((n) => !(PHASES as readonly string[]).includes(n));
  if (unknown.length) throw new Error(`BENCH_ONLY: unknown phase ${unknown.join(", ")} (phases: ${PHASES.join(", ")})`);
  return names as Phase[];
}

/** A crash log's error lines, not its stack trace. */
function errorLines(log: string): string {
  const lines = log.split("\n");
  const errors = lines.filter((l) => /error/i.test(l));
  return (errors.length ? errors : lines).slice(0, 6).join("\n");
}

async function withPair<T>(run: (pair: Pair) => Promise<T>, withFloor = false): Promise<T> {
  const pair = await startPair(withFloor);
  if (!pair.ferrite) console.error(`  Ferrite did not start, redis-server figures only:\n${errorLines(pair.ferriteError)}`);
  try {
    return await run(pair);
  } finally {
    await pair.stop();
  }
}

async function main(): Promise<void> {
  const requests = envInt("BENCH_REQUESTS", 200_000);
  const keys = envInt("BENCH_KEYS", 1_000_000);
  const stallSeconds = envInt("BENCH_STALL_SECONDS", 30);
  const phases = selectedPhases();
  const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, requests, keys, stallSeconds };
  const goals: Goal[] = [];

  if (phases.includes("throughput")) {
    console.log(`\n== Throughput: redis-benchmark -c 50 -n ${requests}, alternating servers per test ==`);
    const t = await withPair((pair) => runThroughput(pair, requests), true);
    results.throughput = t.rows;
    goals.push(...t.goals);
  }
  // Memory then stall share one pair: the stall load runs over the keys the memory phase loaded.
  if (phases.includes("memory") || phases.includes("stall")) {
    await withPair(async (pair) => {
      if (phases.includes("memory")) {
        console.log(`\n== Memory: ${keys} keys × 16-byte values, pipelined SET ==`);
        const m = await runMemory(pair, keys);
        results.memory = m.result;
        goals.push(...m.goals);
      }
      if (phases.includes("stall")) {
        console.log(`\n== Stall: ${stallSeconds} s of GET + SET (-P 16, 50 clients) over ${keys} keys ==`);
        const s = await runStall(pair, keys, stallSeconds);
        results.stall = s.result;
        goals.push(...s.goals);
      }
    });
  }

  console.log("\n== Goals ==");
  printGoals(goals);
  results.goals = goals;
  const dir = join(ROOT, "bench/results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "latest.json"), JSON.stringify(results, null, 2) + "\n");
  console.log(`\nResults written to bench/results/latest.json`);
}

await main();
