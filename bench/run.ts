// `make bench`: Ferrite against Debian's redis-server on this machine, in one run — throughput
// (redis-benchmark), SET with the AOF on, memory per key, the longest event-loop stall under load, and memory per data
// type. Throughput, memory and each types-memory case get fresh servers, so no phase leaves garbage
// for another's figure; the stall phase then reuses the keys the memory phase loaded. See bench/README.md.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { requestsAt, runThroughput, TESTS } from "./macro/throughput.js";
import { runMemory } from "./macro/memory.js";
import { runStall } from "./macro/stall.js";
import { runTypesMemory } from "./macro/types-memory.js";
import { runPubsub } from "./macro/pubsub.js";
import { AOF_FLAGS, runAof } from "./macro/aof.js";
import { runTiers } from "./macro/tiers.js";
import { runJson } from "./macro/json.js";
import { runBloom } from "./macro/bloom.js";
import { runTimeseries } from "./macro/timeseries.js";
import { runLatency } from "./macro/latency.js";
import { runScripting } from "./macro/scripting.js";
import { runSearchText } from "./macro/search-text.js";
import { runVector } from "./vector/phase.js";
import { runGraph } from "./macro/graph.js";
import { withPair } from "./macro/servers.js";
import { ROOT } from "./root.js";
import { printGoals, type Goal } from "./macro/report.js";

const PHASES = ["throughput", "latency", "aof", "memory", "stall", "types-memory", "pubsub", "tiers", "json", "bloom", "timeseries", "scripting", "search-text", "vector", "graph"];

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got '${raw}'`);
  return n;
}

/** The names a comma-separated variable selects, in `all`'s order; all of them when it is unset. */
function envSelection(name: string, all: string[]): string[] {
  const raw = process.env[name];
  if (!raw) return all;
  const names = raw.split(",").map((s) => s.trim().toLowerCase());
  const unknown = names.filter((n) => !all.includes(n));
  if (unknown.length) throw new Error(`${name}: unknown ${unknown.join(", ")} (known: ${all.join(", ")})`);
  return all.filter((n) => names.includes(n));
}

async function main(): Promise<void> {
  const requests = envInt("BENCH_REQUESTS", 200_000);
  const rounds = envInt("BENCH_ROUNDS", 3);
  const keys = envInt("BENCH_KEYS", 1_000_000);
  const stallSeconds = envInt("BENCH_STALL_SECONDS", 30);
  const typeElements = envInt("BENCH_TYPE_ELEMENTS", 1_000_000);
  const phases = envSelection("BENCH_ONLY", PHASES);
  const testNames = envSelection("BENCH_TESTS", TESTS.map((t) => t.name));
  const tests = TESTS.filter((t) => testNames.includes(t.name));
  const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, requests, rounds, keys, stallSeconds, typeElements };
  const goals: Goal[] = [];

  if (phases.includes("throughput")) {
    console.log(`\n== Throughput: redis-benchmark -c 50 -n ${requests} (${requestsAt(requests, 16)} at -P 16), ${rounds} rounds alternating servers, medians ==`);
    const t = await withPair((pair) => runThroughput(pair, requests, tests, rounds), true);
    results.throughput = t.rows;
    goals.push(...t.goals);
  }
  if (phases.includes("latency")) {
    const n = requestsAt(requests, 16);
    console.log(`\n== Latency: redis-benchmark -t set,get -c 50 -P 16 -n ${n} on fresh servers, ${rounds} rounds alternating servers ==`);
    const l = await withPair((pair) => runLatency(pair, n, rounds), true);
    results.latency = l.rows;
    goals.push(...l.goals);
  }
  if (phases.includes("aof")) {
    console.log(`\n== AOF: SET with ${AOF_FLAGS.join(" ")} on both servers, redis-benchmark -c 50 -n ${requests} ==`);
    results.aof = await withPair((pair) => runAof(pair, requests), false, AOF_FLAGS);
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

  if (phases.includes("types-memory")) {
    console.log(`\n== Types memory: ${typeElements} fields, elements or members per case, fresh servers each ==`);
    const m = await runTypesMemory(typeElements);
    results.typesMemory = m.rows;
    goals.push(...m.goals);
  }

  if (phases.includes("pubsub")) {
    const load = {
      idleClients: envInt("BENCH_PUBSUB_IDLE", 1000),
      subscribers: envInt("BENCH_PUBSUB_SUBSCRIBERS", 10),
      messages: envInt("BENCH_PUBSUB_MESSAGES", 100_000),
      payloadBytes: envInt("BENCH_PUBSUB_PAYLOAD", 64),
      pipeline: envInt("BENCH_PUBSUB_PIPELINE", 16),
    };
    console.log(`\n== Pub/sub: ${load.idleClients} idle clients, ${load.subscribers} subscribers, ${load.messages} PUBLISH × ${load.payloadBytes} B (pipeline ${load.pipeline}) ==`);
    results.pubsub = await withPair((pair) => runPubsub(pair, load));
  }

  if (phases.includes("tiers")) {
    const tierKeys = envInt("BENCH_TIER_KEYS", 200_000);
    const tierSeconds = envInt("BENCH_TIER_SECONDS", 10);
    console.log(`\n== Tiers: GET over ${tierKeys} × 1000-byte strings, all hot vs hot budget 10 %, uniform and Zipf, ${tierSeconds} s each ==`);
    const t = await runTiers(tierKeys, tierSeconds);
    results.tiers = t.rows;
    goals.push(...t.goals);
  }

  if (phases.includes("json")) {
    const documents = envInt("BENCH_JSON_DOCUMENTS", 100_000);
    console.log(`\n== JSON: JSON.* vs the same text as a string, -P 16, ${rounds} rounds alternating servers; memory of ${documents} documents ==`);
    const j = await runJson(requestsAt(requests, 16), rounds, documents);
    results.json = j;
    goals.push(...j.goals);
  }

  if (phases.includes("bloom")) {
    console.log(`\n== Bloom: BF.ADD / BF.EXISTS vs SADD / SISMEMBER at -P 16 (-r 1000000), ${rounds} rounds; a 1 M, 1 % filter's memory ==`);
    const b = await withPair((pair) => runBloom(pair, requests, rounds));
    results.bloom = b.result;
    goals.push(...b.goals);
  }

  if (phases.includes("timeseries")) {
    const samples = envInt("BENCH_TS_SAMPLES", 1_000_000);
    console.log(`\n== Time series: TS.ADD * vs XADD * (-P 16, ${rounds} rounds), bytes per sample and TS.RANGE avg over ${samples} samples ==`);
    const t = await runTimeseries(requestsAt(requests, 16), rounds, samples);
    results.timeseries = t.result;
    goals.push(...t.goals);
  }

  if (phases.includes("scripting")) {
    console.log(`\n== Scripting: EVALSHA and FCALL of one GET (-c 50, -P 1 and -P 16), ${rounds} rounds alternating servers; a 10 M iteration Lua loop ==`);
    const sc = await withPair((pair) => runScripting(pair, requests, rounds));
    results.scripting = sc.result;
    goals.push(...sc.goals);
  }
  if (phases.includes("search-text")) {
    const documents = envInt("BENCH_SEARCH_DOCUMENTS", 100_000);
    console.log(`\n== Search: a one-term FT.SEARCH over ${documents} short documents vs SCAN-and-filter in the client ==`);
    const s = await runSearchText(documents);
    results.searchText = s.result;
    goals.push(...s.goals);
  }

  if (phases.includes("vector")) {
    const load = {
      vectors: envInt("BENCH_VECTORS", 20_000),
      queries: envInt("BENCH_VECTOR_QUERIES", 1000),
      dim: 128,
      m: 16,
      efConstruction: 200,
      efRuntimes: (process.env.BENCH_VECTOR_EF || "10,50,100,200,400,800").split(",").map(Number),
      datasets: envSelection("BENCH_VECTOR_DATA", ["uniform", "clustered"]),
    };
    console.log(`\n== Vector: the SDK's HNSW in-process and FT.SEARCH through the server vs hnswlib-node, ${load.vectors} × ${load.dim}-d, ${load.queries} queries per EF_RUNTIME ==`);
    const v = await runVector(load);
    results.vector = v.results;
    goals.push(...v.goals);
  }

  if (phases.includes("graph")) {
    const nodes = envInt("BENCH_GRAPH_NODES", 100_000);
    const edges = envInt("BENCH_GRAPH_EDGES", 1_000_000);
    console.log(`\n== Graph: ${nodes} nodes and ${edges} random edges through UNWIND batches; 1-hop, 2-hop and shortestPath latencies, with and without the index ==`);
    const g = await runGraph(nodes, edges);
    results.graph = g.result;
    goals.push(...g.goals);
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
