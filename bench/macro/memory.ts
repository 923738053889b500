// Resident memory after loading N keys of 16-byte values into fresh servers. The goal is judged on the
// whole process RSS (what an operator pays), which charges Ferrite for all it holds before the first key;
// bytes per key (RSS growth / N) is printed beside it as the figure that scales.
import { loadKeys, VALUE_BYTES } from "./loader.js";
import { dbsize } from "./resp.js";
import type { Pair, Server } from "./servers.js";
import { fmt, MiB, printGoals, printTable, type Goal } from "./report.js";

const GOAL_RATIO = 1.5;
/** Lets a server finish what the load left pending (lazy frees, a GC) before RSS is read. */
const SETTLE_MS = 1000;

export interface MemoryFigure {
  rssBefore: number;
  rssAfter: number;
  bytesPerKey: number;
  loadSeconds: number;
}

export interface MemoryResult {
  keys: number;
  redis: MemoryFigure | null;
  ferrite: MemoryFigure | null;
  ratio: number | null;
  error?: string;
}

async function measure(server: Server, keys: number): Promise<MemoryFigure> {
  const rssBefore = server.rss();
  const started = performance.now();
  await loadKeys(server.port, keys);
  const loadSeconds = (performance.now() - started) / 1000;
  const size = await dbsize(server.port);
  if (size !== keys) throw new Error(`${server.kind} holds ${size} keys after loading ${keys}`);
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const rssAfter = server.rss();
  return { rssBefore, rssAfter, bytesPerKey: (rssAfter - rssBefore) / keys, loadSeconds };
}

export async function runMemory(pair: Pair, keys: number): Promise<{ result: MemoryResult; goals: Goal[] }> {
  const result: MemoryResult = { keys, redis: await measure(pair.redis, keys), ferrite: null, ratio: null };
  if (pair.ferrite) {
    try {
      result.ferrite = await measure(pair.ferrite, keys);
      result.ratio = result.ferrite.rssAfter / result.redis!.rssAfter;
    } catch (e) {
      result.error = (e as Error).message;
      console.error(`  ferrite: ${result.error}`);
    }
  }
  const row = (name: string, f: MemoryFigure | null) =>
    f ? [name, fmt(f.rssBefore / MiB, 1), fmt(f.rssAfter / MiB, 1), fmt(f.bytesPerKey, 1), fmt(keys / f.loadSeconds)] : [name, "-", "-", "-", "-"];
  printTable(
    ["server", "RSS empty MiB", `RSS ${fmt(keys)} keys MiB`, "bytes/key", "load SETs/s"],
    [row("redis", result.redis), row("ferrite", result.ferrite)],
  );
  const goals = [{ what: `RSS with ${fmt(keys)} keys × ${VALUE_BYTES} B: ferrite/redis ≤ ${GOAL_RATIO} (measured ${fmt(result.ratio, 2)})`, met: result.ratio === null ? null : result.ratio <= GOAL_RATIO }];
  printGoals(goals);
  return { result, goals };
}
