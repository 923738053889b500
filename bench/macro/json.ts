// The JSON plugin against redis-server holding the same text as a plain string (issue 16's figures):
// JSON.SET and JSON.GET `$` of a ~1 KB document at -P 16 vs SET/GET of its text, JSON.NUMINCRBY on a
// nested path vs HINCRBY, and the memory of 100,000 such documents vs as many strings. Throughput runs
// alternate the servers round by round, as the throughput phase does; memory is each server's RSS growth
// while loading (Ferrite's empty process is several times redis-server's, which is not the documents').
// Beside each pairing, Ferrite running redis-server's command (SET/GET/HINCRBY of the same text): the CPU
// its host spends on a command of that size, so that the JSON work is the difference (ADR 0053).
import { readFileSync } from "node:fs";
import { loadCommands } from "./loader.js";
import { runBenchmark } from "./redis-benchmark.js";
import { commandOnce } from "./resp.js";
import { withPair, type Server } from "./servers.js";
import { fmt, MiB, printGoals, printTable, type Goal } from "./report.js";

const PIPELINE = 16;
const SETTLE_MS = 1000;

/** A ~1 KB document of the usual shapes: nested objects, arrays, strings, integers and floats (ASCII). */
export function benchDocument(i: number): string {
  return JSON.stringify({
    id: i,
    name: `Product ${i}`,
    description: "A sturdy, well-reviewed item for everyday use, shipped in recyclable packaging.",
    price: 19.99 + (i % 100),
    currency: "EUR",
    tags: ["home", "kitchen", "steel", "gift", `batch-${i % 17}`],
    stock: { warehouse: "north", count: 120 + (i % 50), reserved: 3, reorder: false },
    dimensions: { width: 12.5, height: 30, depth: 8.25, unit: "cm" },
    ratings: [5, 4, 4, 5, 3, 5, 4],
    stats: { views: 0, sales: 17, returns: 1 },
    seller: { id: 1000 + (i % 300), name: "Acme Supplies Ltd.", country: "DE", verified: true },
    variants: [
      { sku: `SKU-${i}-S`, color: "black", size: "S", available: true },
      { sku: `SKU-${i}-M`, color: "black", size: "M", available: true },
      { sku: `SKU-${i}-L`, color: "white", size: "L", available: false },
    ],
    created: "2026-01-15T10:20:30Z",
  });
}

interface Pairing {
  name: string;
  goal: number;
  redis: string[];
  ferrite: string[];
  /** Sent to each server once before the runs. */
  setupRedis: string[];
  setupFerrite: string[];
}

export interface JsonRow {
  name: string;
  redis: number | null;
  ferrite: number | null;
  ratio: number | null;
  goal: number;
  /** Server CPU (user + system) per command in µs, medians over the rounds: what the machine's load moves least. */
  redisCpuUs: number | null;
  ferriteCpuUs: number | null;
  /** Ferrite's CPU per command of redis-server's side (SET/GET/HINCRBY): the host's share, without the plugin's JSON work. */
  ferriteBaseCpuUs: number | null;
}

/** A process's CPU time (user + system) in µs, from /proc (clock ticks of 10 ms). */
function cpuUs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function rss(server: Server, load: (port: number) => Promise<void>): Promise<number> {
  const before = server.rss();
  await load(server.port);
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  return server.rss() - before;
}

export async function runJson(requests: number, rounds: number, documents: number): Promise<{ rows: JsonRow[]; memory: Record<string, number | null>; goals: Goal[] }> {
  const doc = benchDocument(0);
  const pairings: Pairing[] = [
    { name: `JSON.SET $ (${doc.length} B) vs SET`, goal: 0.5, redis: ["SET", "bench:doc", doc], ferrite: ["JSON.SET", "bench:doc", "$", doc], setupRedis: [], setupFerrite: [] },
    { name: "JSON.GET $ vs GET", goal: 0.5, redis: ["GET", "bench:doc"], ferrite: ["JSON.GET", "bench:doc", "$"], setupRedis: ["SET", "bench:doc", doc], setupFerrite: ["JSON.SET", "bench:doc", "$", doc] },
    { name: "JSON.NUMINCRBY $.stats.views vs HINCRBY", goal: 0.7, redis: ["HINCRBY", "bench:hash", "views", "1"], ferrite: ["JSON.NUMINCRBY", "bench:doc", "$.stats.views", "1"], setupRedis: ["HSET", "bench:hash", "views", "0"], setupFerrite: ["JSON.SET", "bench:doc", "$", doc] },
  ];
  const timeoutMs = 10_000 + (requests / 2000) * 1000;
  const rows = await withPair(async (pair) => {
    const out: JsonRow[] = [];
    // Warm both (V8's optimizing tiers for Ferrite's hot path and the plugin).
    for (const p of pairings) {
      await commandOnce(pair.redis.port, ...(p.setupRedis.length ? p.setupRedis : ["PING"]));
      await runBenchmark({ port: pair.redis.port, args: p.redis, pipeline: PIPELINE, requests: requests / 4, timeoutMs });
      if (pair.ferrite) {
        await commandOnce(pair.ferrite.port, ...(p.setupFerrite.length ? p.setupFerrite : ["PING"]));
        await runBenchmark({ port: pair.ferrite.port, args: p.ferrite, pipeline: PIPELINE, requests: requests / 4, timeoutMs });
      }
    }
    let turn = 0;
    for (const p of pairings) {
      const r: number[] = [], f: number[] = [], ratios: number[] = [], rCpu: number[] = [], fCpu: number[] = [], baseCpu: number[] = [];
      // Ferrite runs redis's command on keys of its own (bench:doc is the JSON document there).
      const base = p.redis.map((a) => (a === "bench:doc" ? "bench:text" : a));
      if (pair.ferrite && p.setupRedis.length) await commandOnce(pair.ferrite.port, ...p.setupRedis.map((a) => (a === "bench:doc" ? "bench:text" : a)));
      for (let round = 0; round < rounds; round++) {
        const order = turn++ % 2 === 0 ? ["redis", "ferrite"] : ["ferrite", "redis"];
        const measured: Record<string, number> = {};
        for (const kind of order) {
          const server = kind === "redis" ? pair.redis : pair.ferrite;
          if (!server) continue;
          const cpuBefore = cpuUs(server.pid);
          const rps = await runBenchmark({ port: server.port, args: kind === "redis" ? p.redis : p.ferrite, pipeline: PIPELINE, requests, timeoutMs });
          (kind === "redis" ? rCpu : fCpu).push((cpuUs(server.pid) - cpuBefore) / requests);
          if (typeof rps === "number") (kind === "redis" ? r : f).push((measured[kind] = rps));
          else console.error(`  ${p.name} on ${kind}: ${rps}`);
        }
        if (measured.redis && measured.ferrite) ratios.push(measured.ferrite / measured.redis);
        if (pair.ferrite) {
          const cpuBefore = cpuUs(pair.ferrite.pid);
          await runBenchmark({ port: pair.ferrite.port, args: base, pipeline: PIPELINE, requests, timeoutMs });
          baseCpu.push((cpuUs(pair.ferrite.pid) - cpuBefore) / requests);
        }
      }
      out.push({
        name: p.name, redis: median(r), ferrite: median(f), ratio: median(ratios), goal: p.goal, redisCpuUs: median(rCpu), ferriteCpuUs: median(fCpu),
        ferriteBaseCpuUs: median(baseCpu),
      });
    }
    return out;
  });
  printTable(
    ["test (-P 16)", "redis ops/s", "ferrite ops/s", "ratio", "goal", "redis CPU µs/cmd", "ferrite CPU µs/cmd", "ferrite CPU µs/cmd of redis's command"],
    rows.map((r) => [r.name, fmt(r.redis), fmt(r.ferrite), fmt(r.ratio, 2), `≥ ${r.goal}`, fmt(r.redisCpuUs, 2), fmt(r.ferriteCpuUs, 2), fmt(r.ferriteBaseCpuUs, 2)]),
  );
  const memory = await withPair(async (pair) => {
    const redis = await rss(pair.redis, (port) => loadCommands(port, documents, (i) => ["SET", `doc:${i}`, benchDocument(i)]));
    const ferrite = pair.ferrite ? await rss(pair.ferrite, (port) => loadCommands(port, documents, (i) => ["JSON.SET", `doc:${i}`, "$", benchDocument(i)])) : null;
    const usage = pair.ferrite ? Number(await commandOnce(pair.ferrite.port, "MEMORY", "USAGE", "doc:1")) : null;
    return { redisMiB: redis / MiB, ferriteMiB: ferrite === null ? null : ferrite / MiB, ratio: ferrite === null ? null : ferrite / redis, ferriteMemoryUsageOfOne: usage };
  });
  printTable(
    [`${fmt(documents)} documents`, "redis RSS growth MiB", "ferrite RSS growth MiB", "ratio", "goal", "MEMORY USAGE (one, ferrite)"],
    [["JSON.SET vs SET", fmt(memory.redisMiB, 1), fmt(memory.ferriteMiB, 1), fmt(memory.ratio, 2), "≤ 1.5", fmt(memory.ferriteMemoryUsageOfOne)]],
  );
  const goals: Goal[] = [
    ...rows.map((r) => ({ what: `${r.name} -P 16: ratio ≥ ${r.goal} (measured ${fmt(r.ratio, 2)})`, met: r.ratio === null ? null : r.ratio >= r.goal })),
    { what: `memory of ${fmt(documents)} documents: ferrite/redis ≤ 1.5 (measured ${fmt(memory.ratio, 2)})`, met: memory.ratio === null ? null : memory.ratio <= 1.5 },
  ];
  printGoals(goals);
  return { rows, memory, goals };
}
