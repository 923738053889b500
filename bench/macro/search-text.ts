// The text search figure of issue 17: a single-term FT.SEARCH over BENCH_SEARCH_DOCUMENTS short
// documents (five words drawn from a 1000-word vocabulary, so one word is in about 0.5 % of them),
// queries pipelined 16 deep, against the same question answered in the client by SCAN + HGET of every
// document and a substring test (what an application without an index does). Also how fast FT.CREATE
// indexes the documents already there (the walk in slices), and the HSET rate into an indexed prefix
// against an unindexed one.
import { Redis } from "ioredis";
import { loadCommands } from "./loader.js";
import { commandOnce } from "./resp.js";
import { startServer } from "./servers.js";
import { fmt, printTable, type Goal } from "./report.js";

const VOCABULARY = 1000;
const WORDS_PER_DOC = 5;
const QUERY_TERM = "w17";
const QUERIES = 20_000;
const PIPELINE = 16;

export interface SearchTextResult {
  documents: number;
  indexSeconds: number;
  ftSearchQps: number;
  scanFilterQps: number;
  ratio: number;
  matches: number;
  hsetIndexed: number;
  hsetPlain: number;
}

/** xorshift32: the same documents on every run. */
function words(seed: number): () => string {
  let s = seed >>> 0;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return `w${s % VOCABULARY}`;
  };
}

function doc(next: () => string): string {
  const w: string[] = [];
  for (let k = 0; k < WORDS_PER_DOC; k++) w.push(next());
  return w.join(" ");
}

async function waitIndexed(r: Redis, index: string): Promise<void> {
  for (;;) {
    const info = (await r.call("FT.INFO", index)) as unknown[];
    if (info[info.indexOf("indexing") + 1] === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function searchQps(r: Redis): Promise<{ qps: number; matches: number }> {
  const first = (await r.call("FT.SEARCH", "bench", QUERY_TERM, "NOCONTENT", "LIMIT", "0", "10")) as unknown[];
  const started = performance.now();
  for (let sent = 0; sent < QUERIES; sent += PIPELINE) {
    const p = r.pipeline();
    for (let k = 0; k < PIPELINE; k++) p.call("FT.SEARCH", "bench", QUERY_TERM, "NOCONTENT", "LIMIT", "0", "10");
    await p.exec();
  }
  return { qps: QUERIES / ((performance.now() - started) / 1000), matches: first[0] as number };
}

/** One answer by SCAN + HGET: every document read and tested in the client. */
async function scanFilterOnce(r: Redis): Promise<number> {
  let cursor = "0";
  let found = 0;
  const pattern = new RegExp(`(^| )${QUERY_TERM}( |$)`);
  do {
    const [next, keys] = await r.scan(cursor, "MATCH", "doc:*", "COUNT", 1000);
    cursor = next;
    const p = r.pipeline();
    for (const k of keys) p.hget(k, "body");
    for (const [, body] of (await p.exec()) ?? []) if (pattern.test(body as string)) found++;
  } while (cursor !== "0");
  return found;
}

async function hsetRate(port: number, prefix: string, count: number): Promise<number> {
  const next = words(99);
  const started = performance.now();
  await loadCommands(port, count, (i) => ["HSET", `${prefix}${i}`, "body", doc(next)]);
  return count / ((performance.now() - started) / 1000);
}

export async function runSearchText(documents: number): Promise<{ result: SearchTextResult | null; goals: Goal[] }> {
  const ferrite = await startServer("ferrite");
  const r = new Redis({ port: ferrite.port, maxRetriesPerRequest: 0 });
  try {
    const next = words(1);
    await loadCommands(ferrite.port, documents, (i) => ["HSET", `doc:${i}`, "body", doc(next)]);
    const started = performance.now();
    await commandOnce(ferrite.port, "FT.CREATE", "bench", "PREFIX", "1", "doc:", "SCHEMA", "body", "TEXT");
    await waitIndexed(r, "bench");
    const indexSeconds = (performance.now() - started) / 1000;
    const { qps, matches } = await searchQps(r);
    const scanStarted = performance.now();
    const scanned = await scanFilterOnce(r);
    const scanFilterQps = 1 / ((performance.now() - scanStarted) / 1000);
    if (scanned !== matches) throw new Error(`SCAN-and-filter found ${scanned} documents, FT.SEARCH ${matches}`);
    await commandOnce(ferrite.port, "FT.CREATE", "writes", "PREFIX", "1", "indexed:", "SCHEMA", "body", "TEXT");
    const hsetIndexed = await hsetRate(ferrite.port, "indexed:", 50_000);
    const hsetPlain = await hsetRate(ferrite.port, "plain:", 50_000);
    const result = { documents, indexSeconds, ftSearchQps: qps, scanFilterQps, ratio: qps / scanFilterQps, matches, hsetIndexed, hsetPlain };
    printTable(["documents", "indexed in s", "term matches", "FT.SEARCH q/s (-P 16)", "SCAN+HGET filter q/s", "ratio"], [
      [fmt(documents), fmt(indexSeconds, 2), fmt(matches), fmt(qps), fmt(scanFilterQps, 2), fmt(result.ratio)],
    ]);
    printTable(["HSET of a 5-word document", "ops/s"], [["into an indexed prefix (one TEXT field)", fmt(hsetIndexed)], ["into no index", fmt(hsetPlain)]]);
    return { result, goals: [{ what: `FT.SEARCH of one term beats SCAN-and-filter in the client (measured ${fmt(result.ratio)}×)`, met: result.ratio > 1 }] };
  } finally {
    r.disconnect();
    await ferrite.stop();
  }
}
