// The graph figures of issue 19 (no redis-server anchor: it has no graphs, so the figures are absolute,
// printed beside the load average). A graph of BENCH_GRAPH_NODES nodes (:N {id}) and BENCH_GRAPH_EDGES
// random [:E] edges, created through UNWIND batches (edges between nodes found through the exact-match
// index on :N(id)); its memory per entity; 1-hop and 2-hop neighbour counts from a node looked up by id,
// with the index and without it (a label scan); shortestPath between random pairs. Latencies are client
// round trips, one query at a time.
import { loadavg } from "node:os";
import { Redis } from "ioredis";
import { startServer } from "./servers.js";
import { fmt, printTable, type Goal } from "./report.js";
import { xorshift32 } from "./xorshift.js";

const NODE_BATCH = 5000;
const EDGE_BATCH = 5000;
const HOP_QUERIES = 400;
const SCAN_QUERIES = 20;
const PATH_QUERIES = 100;

export interface GraphResult {
  nodes: number;
  edges: number;
  nodesPerSecond: number;
  edgesPerSecond: number;
  indexSeconds: number;
  bytesPerNode: number;
  bytesPerEdge: number;
  latencyMs: Record<string, { p50: number; p99: number; samples: number }>;
  load: number[];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

async function timed(r: Redis, queries: string[]): Promise<{ p50: number; p99: number; samples: number }> {
  const times: number[] = [];
  for (const q of queries) {
    const started = performance.now();
    await r.call("GRAPH.RO_QUERY", "bench", q);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), samples: times.length };
}

export async function runGraph(nodes: number, edges: number): Promise<{ result: GraphResult; goals: Goal[] }> {
  // A batch may take more than the default 1 s plugin budget on a loaded machine.
  const ferrite = await startServer("ferrite", ["--plugin-call-budget-ms", "30000"]);
  const r = new Redis({ port: ferrite.port, maxRetriesPerRequest: 0 });
  const rand = xorshift32(7);
  const pick = () => Math.floor(rand() * nodes);
  try {
    const memory = async () => (await r.call("MEMORY", "USAGE", "bench")) as number;
    let started = performance.now();
    for (let from = 0; from < nodes; from += NODE_BATCH) {
      await r.call("GRAPH.QUERY", "bench", `UNWIND range(${from}, ${Math.min(nodes, from + NODE_BATCH) - 1}) AS i CREATE (:N {id: i})`);
    }
    const nodesPerSecond = nodes / ((performance.now() - started) / 1000);
    const afterNodes = await memory();
    started = performance.now();
    await r.call("GRAPH.QUERY", "bench", "CREATE INDEX FOR (n:N) ON (n.id)");
    const indexSeconds = (performance.now() - started) / 1000;
    const withIndex = await memory();
    started = performance.now();
    for (let done = 0; done < edges; done += EDGE_BATCH) {
      const pairs: string[] = [];
      for (let k = 0; k < Math.min(EDGE_BATCH, edges - done); k++) pairs.push(`[${pick()}, ${pick()}]`);
      await r.call("GRAPH.QUERY", "bench", `CYPHER pairs=[${pairs.join(", ")}] UNWIND $pairs AS p MATCH (a:N {id: p[0]}), (b:N {id: p[1]}) CREATE (a)-[:E]->(b)`);
    }
    const edgesPerSecond = edges / ((performance.now() - started) / 1000);
    const afterEdges = await memory();

    const hop = (n: number, q: (x: number) => string) => Array.from({ length: n }, () => q(pick()));
    const latencyMs: GraphResult["latencyMs"] = {};
    latencyMs["1-hop, index"] = await timed(r, hop(HOP_QUERIES, (x) => `MATCH (n:N {id: ${x}})-[:E]->(m) RETURN count(m)`));
    latencyMs["2-hop, index"] = await timed(r, hop(HOP_QUERIES, (x) => `MATCH (n:N {id: ${x}})-[:E]->()-[:E]->(m) RETURN count(m)`));
    latencyMs["shortestPath, index"] = await timed(
      r,
      hop(PATH_QUERIES, (x) => `MATCH (a:N {id: ${x}}), (b:N {id: ${pick()}}) RETURN length(shortestPath((a)-[:E*]->(b)))`),
    );
    await r.call("GRAPH.QUERY", "bench", "DROP INDEX ON :N(id)");
    latencyMs["1-hop, label scan"] = await timed(r, hop(SCAN_QUERIES, (x) => `MATCH (n:N {id: ${x}})-[:E]->(m) RETURN count(m)`));
    latencyMs["2-hop, label scan"] = await timed(r, hop(SCAN_QUERIES, (x) => `MATCH (n:N {id: ${x}})-[:E]->()-[:E]->(m) RETURN count(m)`));

    const result: GraphResult = {
      nodes, edges, nodesPerSecond, edgesPerSecond, indexSeconds,
      bytesPerNode: afterNodes / nodes,
      bytesPerEdge: (afterEdges - withIndex) / edges,
      latencyMs,
      load: loadavg(),
    };
    printTable(["graph", "nodes/s (UNWIND CREATE)", "edges/s (UNWIND, 2 index seeks each)", "CREATE INDEX s", "B/node", "B/edge", "load avg"], [
      [`${fmt(nodes)} nodes, ${fmt(edges)} edges`, fmt(nodesPerSecond), fmt(edgesPerSecond), fmt(indexSeconds, 2), fmt(result.bytesPerNode), fmt(result.bytesPerEdge), result.load.map((l) => l.toFixed(1)).join(" ")],
    ]);
    printTable(["query", "p50 ms", "p99 ms", "samples"], Object.entries(latencyMs).map(([k, v]) => [k, fmt(v.p50, 2), fmt(v.p99, 2), fmt(v.samples)]));
    const hopIndex = latencyMs["1-hop, index"].p50, hopScan = latencyMs["1-hop, label scan"].p50;
    return { result, goals: [{ what: `a 1-hop count from an indexed node beats a label scan (p50 ${fmt(hopIndex, 2)} ms vs ${fmt(hopScan, 2)} ms)`, met: hopIndex < hopScan }] };
  } finally {
    r.disconnect();
    await ferrite.stop();
  }
}
