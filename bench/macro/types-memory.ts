// Resident memory of each data type at size: a million fields, elements or members in one key, and
// the same million fields spread over small hashes (where redis-server's compact listpack encoding
// is hardest to match). Each case gets fresh servers, so every figure is one process holding only
// that data — what an operator would pay for it.
import { loadCommands } from "./loader.js";
import { RespConnection } from "./resp.js";
import { withPair, type Server } from "./servers.js";
import { fmt, MiB, printGoals, printTable, type Goal } from "./report.js";

/** The aim for the hash cases: Ferrite RSS ≤ 2 × redis-server's for the same data. */
const GOAL_RATIO = 2;
/** Elements per command where a case fills one big key. */
const PER_COMMAND = 100;
const SMALL_HASH_FIELDS = 10;
/** Lets a server finish what the load left pending (lazy frees, a GC) before RSS is read. */
const SETTLE_MS = 1000;

/** What fills a server with one case's data, and how to check that all of it arrived. */
interface Load {
  /** Commands to send, each answered by one line. */
  count: number;
  command(i: number): string[];
  /** A command whose integer reply must be `expect` once loaded. */
  check: string[];
  expect: number;
}

interface Case {
  name: string;
  load(elements: number): Load;
  /** Judged against GOAL_RATIO. */
  goal: boolean;
}

/** One big key filled PER_COMMAND elements at a time; `length` is the command that counts them. */
function bigKey(write: string, length: string, key: string, element: (j: number) => string[]) {
  return (elements: number): Load => ({
    count: Math.ceil(elements / PER_COMMAND),
    command: (i) => {
      const args = [write, key];
      for (let j = i * PER_COMMAND; j < Math.min(elements, (i + 1) * PER_COMMAND); j++) args.push(...element(j));
      return args;
    },
    check: [length, key],
    expect: elements,
  });
}

function smallHashes(elements: number): Load {
  const hashes = Math.ceil(elements / SMALL_HASH_FIELDS);
  const fields = (i: number) => Array.from({ length: SMALL_HASH_FIELDS }, (_, j) => [`field:${j}`, `value:${i}:${j}`]).flat();
  return { count: hashes, command: (i) => ["HSET", `hash:${i}`, ...fields(i)], check: ["DBSIZE"], expect: hashes };
}

const CASES: Case[] = [
  { name: "fields in one hash", load: bigKey("HSET", "HLEN", "hash", (j) => [`field:${j}`, `value:${j}`]), goal: true },
  { name: `fields in hashes of ${SMALL_HASH_FIELDS}`, load: smallHashes, goal: true },
  { name: "elements in one list", load: bigKey("RPUSH", "LLEN", "list", (j) => [`element:${j}`]), goal: false },
  { name: "members in one set", load: bigKey("SADD", "SCARD", "set", (j) => [`member:${j}`]), goal: false },
  { name: "members in one zset", load: bigKey("ZADD", "ZCARD", "zset", (j) => [String(j), `member:${j}`]), goal: false },
];

export interface TypeMemoryFigure {
  rssBefore: number;
  rssAfter: number;
  loadSeconds: number;
}

export interface TypeMemoryRow {
  case: string;
  elements: number;
  redis: TypeMemoryFigure | null;
  ferrite: TypeMemoryFigure | null;
  ratio: number | null;
  error?: string;
}

async function measure(server: Server, c: Case, elements: number): Promise<TypeMemoryFigure> {
  const rssBefore = server.rss();
  const started = performance.now();
  const load = c.load(elements);
  await loadCommands(server.port, load.count, load.command);
  const loadSeconds = (performance.now() - started) / 1000;
  const conn = await RespConnection.open(server.port);
  try {
    const loaded = Number(await conn.command(...load.check));
    if (loaded !== load.expect) throw new Error(`${server.kind}: ${load.check.join(" ")} is ${loaded}, expected ${load.expect}`);
  } finally {
    conn.close();
  }
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  return { rssBefore, rssAfter: server.rss(), loadSeconds };
}

async function runCase(c: Case, elements: number): Promise<TypeMemoryRow> {
  return withPair(async (pair) => {
    const row: TypeMemoryRow = { case: c.name, elements, redis: await measure(pair.redis, c, elements), ferrite: null, ratio: null };
    if (!pair.ferrite) return row;
    try {
      row.ferrite = await measure(pair.ferrite, c, elements);
      row.ratio = row.ferrite.rssAfter / row.redis!.rssAfter;
    } catch (e) {
      row.error = (e as Error).message;
      console.error(`  ferrite: ${row.error}`);
    }
    return row;
  });
}

export async function runTypesMemory(elements: number): Promise<{ rows: TypeMemoryRow[]; goals: Goal[] }> {
  const rows: TypeMemoryRow[] = [];
  for (const c of CASES) rows.push(await runCase(c, elements));
  const mib = (f: TypeMemoryFigure | null, key: "rssBefore" | "rssAfter") => (f ? fmt(f[key] / MiB, 1) : "-");
  printTable(
    ["case", "redis empty MiB", "redis MiB", "ferrite empty MiB", "ferrite MiB", "ratio", "redis load s", "ferrite load s"],
    rows.map((r) => [
      `${fmt(r.elements)} ${r.case}`, mib(r.redis, "rssBefore"), mib(r.redis, "rssAfter"), mib(r.ferrite, "rssBefore"), mib(r.ferrite, "rssAfter"),
      fmt(r.ratio, 2), fmt(r.redis?.loadSeconds ?? null, 1), fmt(r.ferrite?.loadSeconds ?? null, 1),
    ]),
  );
  const goals = rows.filter((_, i) => CASES[i].goal).map((r) => ({
    what: `RSS with ${fmt(r.elements)} ${r.case}: ferrite/redis ≤ ${GOAL_RATIO} (measured ${fmt(r.ratio, 2)})`,
    met: r.ratio === null ? null : r.ratio <= GOAL_RATIO,
  }));
  printGoals(goals);
  return { rows, goals };
}
