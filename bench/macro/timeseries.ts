// The time series figures of issue 18, in the same run as redis-server: TS.ADD `*` at -P 16 against
// redis-server's XADD `*` (both append to one log per key; redis-server has no TS.ADD), the bytes a
// sample costs after a million of them (small integers at a regular 1 s interval, and a random walk with
// two decimals), how fast TS.RANGE … AGGREGATION avg scans a million samples, compressed against
// uncompressed, and what a label query costs the server over 10,000 labelled series (INFO commandstats'
// usec_per_call: no redis-server counterpart, and a figure the machine's load moves less than a rate).
import { Redis } from "ioredis";
import { loadCommands } from "./loader.js";
import { runBenchmark } from "./redis-benchmark.js";
import { commandOnce } from "./resp.js";
import { withPair, type Server } from "./servers.js";
import { fmt, printGoals, printTable, type Goal } from "./report.js";
import { xorshift32 } from "./xorshift.js";

/** The aims: TS.ADD * ≥ 0.8 × XADD * at -P 16; ≤ 2 bytes per regular small-integer sample. */
const ADD_GOAL = 0.8;
const BYTES_GOAL = 2;
const T0 = 1_700_000_000_000;
const RANGE_REPEATS = 5;
const INDEX_SERIES = 10_000;
const INDEX_QUERIES = 200;

export interface TimeseriesResult {
  add: { redisXadd: number | null; ferriteTsAdd: number | null; ratio: number | null; errors: string[] };
  bytesPerSample: { case: string; samples: number; bytes: number | null }[];
  range: { encoding: string; samples: number; samplesPerSecond: number | null }[];
  index: { query: string; matches: number; usecPerCall: number | null }[];
}

const VALUE_CASES: { name: string; values: () => () => string }[] = [
  { name: "integers 0–9, uniform", values: () => { const r = xorshift32(1); return () => String(Math.floor(r() * 10)); } },
  { name: "integers, a ±1 random walk", values: () => { const r = xorshift32(2); let v = 50; return () => String((v += r() < 0.5 ? -1 : 1)); } },
  { name: "two decimals, a random walk", values: () => { const r = xorshift32(3); let v = 100; return () => String((v = Math.round((v + r() - 0.5) * 100) / 100)); } },
];

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

async function measureAdd(redis: Server, ferrite: Server, requests: number, rounds: number): Promise<TimeseriesResult["add"]> {
  // Many TS.ADD * land in one millisecond: LAST keeps the newest value, as a counter of events would.
  await commandOnce(ferrite.port, "TS.CREATE", "bench:ts", "DUPLICATE_POLICY", "LAST");
  const runs = { redis: ["xadd", "bench:stream", "*", "field", "value"], ferrite: ["ts.add", "bench:ts", "*", "1"] };
  const timeoutMs = 10_000 + requests / 2;
  const errors: string[] = [];
  for (const [server, args] of [[redis, runs.redis], [ferrite, runs.ferrite]] as const) await runBenchmark({ port: server.port, args, pipeline: 16, requests: requests >> 2, timeoutMs });
  const rates = { redis: [] as number[], ferrite: [] as number[] };
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (["redis", "ferrite"] as const) : (["ferrite", "redis"] as const);
    const got: Partial<Record<"redis" | "ferrite", number>> = {};
    for (const kind of order) {
      const rps = await runBenchmark({ port: (kind === "redis" ? redis : ferrite).port, args: runs[kind], pipeline: 16, requests, timeoutMs });
      if (typeof rps === "number") rates[kind].push((got[kind] = rps));
      else errors.push(`${kind}: ${rps}`);
    }
    if (got.redis && got.ferrite) ratios.push(got.ferrite / got.redis);
  }
  return { redisXadd: median(rates.redis), ferriteTsAdd: median(rates.ferrite), ratio: median(ratios), errors };
}

async function loadSeries(server: Server, key: string, samples: number, values: () => string, encoding = "COMPRESSED"): Promise<void> {
  await commandOnce(server.port, "TS.CREATE", key, "ENCODING", encoding);
  await loadCommands(server.port, samples, (i) => ["TS.ADD", key, String(T0 + i * 1000), values()]);
}

async function measureBytes(ferrite: Server, samples: number): Promise<TimeseriesResult["bytesPerSample"]> {
  const rows: TimeseriesResult["bytesPerSample"] = [];
  for (const [i, c] of VALUE_CASES.entries()) {
    const key = `bench:bytes:${i}`;
    await loadSeries(ferrite, key, samples, c.values());
    rows.push({ case: c.name, samples, bytes: Number(await commandOnce(ferrite.port, "MEMORY", "USAGE", key)) / samples });
  }
  return rows;
}

async function measureRange(ferrite: Server, samples: number): Promise<TimeseriesResult["range"]> {
  const rows: TimeseriesResult["range"] = [];
  const client = new Redis({ port: ferrite.port, maxRetriesPerRequest: 0 });
  try {
    for (const encoding of ["COMPRESSED", "UNCOMPRESSED"]) {
      const key = `bench:range:${encoding}`;
      await loadSeries(ferrite, key, samples, VALUE_CASES[2].values(), encoding);
      const query = ["TS.RANGE", key, "-", "+", "AGGREGATION", "avg", "60000"];
      await client.call(query[0], ...query.slice(1)); // warm
      const started = performance.now();
      for (let i = 0; i < RANGE_REPEATS; i++) await client.call(query[0], ...query.slice(1));
      rows.push({ encoding: encoding.toLowerCase(), samples, samplesPerSecond: (samples * RANGE_REPEATS) / ((performance.now() - started) / 1000) });
    }
  } finally {
    client.disconnect();
  }
  return rows;
}

/** The server CPU per call of `command` since the last CONFIG RESETSTAT (INFO commandstats). */
async function usecPerCall(client: Redis, command: string): Promise<number | null> {
  const info = (await client.call("INFO", "commandstats")) as string;
  const found = new RegExp(`cmdstat_${command.replace(".", "\\.")}:.*usec_per_call=([\\d.]+)`).exec(info);
  return found ? Number(found[1]) : null;
}

/** Label queries over INDEX_SERIES series labelled host (100 values), region (4) and id (one each). */
async function measureIndex(ferrite: Server): Promise<TimeseriesResult["index"]> {
  await loadCommands(ferrite.port, INDEX_SERIES, (i) => ["TS.ADD", `bench:idx:${i}`, String(T0), "1", "LABELS", "host", `h${i % 100}`, "region", `r${i % 4}`, "id", String(i)]);
  const client = new Redis({ port: ferrite.port, maxRetriesPerRequest: 0 });
  const queries: { query: string; matches: number; command: string; args: (k: number) => string[] }[] = [
    { query: "TS.QUERYINDEX id=k", matches: 1, command: "ts.queryindex", args: (k) => ["TS.QUERYINDEX", `id=${k}`] },
    { query: "TS.MGET FILTER host=h", matches: INDEX_SERIES / 100, command: "ts.mget", args: (k) => ["TS.MGET", "FILTER", `host=h${k % 100}`] },
    { query: "TS.MGET FILTER region=r host=h", matches: INDEX_SERIES / 100, command: "ts.mget", args: (k) => ["TS.MGET", "FILTER", `region=r${k % 4}`, `host=h${k % 100}`] },
  ];
  const rows: TimeseriesResult["index"] = [];
  try {
    for (const q of queries) {
      for (let k = 0; k < INDEX_QUERIES; k++) await client.call(...(q.args(k) as [string, ...string[]])); // warm
      await client.call("CONFIG", "RESETSTAT");
      for (let k = 0; k < INDEX_QUERIES; k++) await client.call(...(q.args(k) as [string, ...string[]]));
      rows.push({ query: q.query, matches: q.matches, usecPerCall: await usecPerCall(client, q.command) });
    }
  } finally {
    client.disconnect();
  }
  return rows;
}

export async function runTimeseries(requests: number, rounds: number, samples: number): Promise<{ result: TimeseriesResult | null; goals: Goal[] }> {
  return withPair(async (pair) => {
    if (!pair.ferrite) return { result: null, goals: [] };
    const add = await measureAdd(pair.redis, pair.ferrite, requests, rounds);
    for (const e of add.errors) console.error(`  ${e}`);
    printTable(["test (-P 16, -c 50)", "redis XADD * ops/s", "ferrite TS.ADD * ops/s", "ratio"], [["append to one key", fmt(add.redisXadd), fmt(add.ferriteTsAdd), fmt(add.ratio, 2)]]);
    const bytesPerSample = await measureBytes(pair.ferrite, samples);
    printTable(["samples at 1 s intervals", "samples", "bytes/sample (MEMORY USAGE)"], bytesPerSample.map((r) => [r.case, fmt(r.samples), fmt(r.bytes, 3)]));
    const range = await measureRange(pair.ferrite, samples);
    printTable(["TS.RANGE - + AGGREGATION avg 60000", "samples", "samples scanned/s"], range.map((r) => [r.encoding, fmt(r.samples), fmt(r.samplesPerSecond)]));
    const index = await measureIndex(pair.ferrite);
    printTable([`label query over ${fmt(INDEX_SERIES)} series`, "matches", "server µs per call"], index.map((r) => [r.query, fmt(r.matches), fmt(r.usecPerCall, 1)]));
    const regular = bytesPerSample[0].bytes;
    const goals: Goal[] = [
      { what: `TS.ADD * -P 16: ≥ ${ADD_GOAL} × redis-server's XADD * (measured ${fmt(add.ratio, 2)})`, met: add.ratio === null ? null : add.ratio >= ADD_GOAL },
      { what: `bytes/sample, ${fmt(samples)} regular small-integer samples: ≤ ${BYTES_GOAL} (measured ${fmt(regular, 3)})`, met: regular === null ? null : regular <= BYTES_GOAL },
    ];
    printGoals(goals);
    return { result: { add, bytesPerSample, range, index }, goals };
  });
}
