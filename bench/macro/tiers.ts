// Tiered storage under a GET load: `keys` 1000-byte strings, the hot budget at 10 % of their hot bytes,
// for a uniform and a Zipf(0.99) key distribution, next to the same loads with every value hot. Driven
// by get-load.ts (redis-benchmark's -r draws uniformly only). One Ferrite server; redis-server has no tiers.
import { startServer } from "./servers.js";
import { getLoad, uniformPicker, zipfPicker, type LoadResult } from "./get-load.js";
import { fmt, MiB, printTable, type Goal } from "./report.js";
import { Redis } from "ioredis";

const VALUE = "v".repeat(1000);

async function info(r: Redis): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const line of (await r.info("tiers")).split("\r\n")) {
    const [k, v] = line.split(":");
    if (v !== undefined) out[k] = Number(v);
  }
  return out;
}

async function settle(r: Redis): Promise<Record<string, number>> {
  for (;;) {
    const i = await info(r);
    if (i.tier_hot_max_memory === 0 || i.tier_hot_bytes <= i.tier_hot_max_memory) return i;
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

export async function runTiers(keys: number, seconds: number): Promise<{ rows: Record<string, unknown>[]; goals: Goal[] }> {
  const server = await startServer("ferrite", ["--tier-hot-max-memory", "0"]);
  const r = new Redis({ port: server.port, host: "127.0.0.1" });
  const rows: Record<string, unknown>[] = [];
  try {
    for (let i = 0; i < keys; i += 1000) {
      const p = r.pipeline();
      for (let j = i; j < Math.min(keys, i + 1000); j++) p.set(`key:${j}`, VALUE);
      await p.exec();
    }
    const hotBytes = (await info(r)).tier_hot_bytes;
    const budget = Math.floor(hotBytes / 10);
    console.log(`  ${keys} keys, ${fmt(hotBytes / MiB, 1)} MiB hot; tiered runs with tier-hot-max-memory ${fmt(budget / MiB, 1)} MiB`);
    const name = (i: number) => `key:${i}`;
    const run = async (label: string, dist: string, pick: () => number) => {
      const before = await info(r);
      const res: LoadResult = await getLoad(server.port, name, pick, seconds);
      const after = await settle(r);
      const lookups = (k: string) => after[k]! - before[k]!;
      const total = lookups("tier_hot_hits") + lookups("tier_warm_hits") + lookups("tier_cold_hits");
      rows.push({ setup: label, dist, ...res, hotHitRatio: total ? lookups("tier_hot_hits") / total : 1, promotions: lookups("tier_promotions") });
    };
    const zipf = zipfPicker(keys);
    await run("all hot", "uniform", uniformPicker(keys));
    await run("all hot", "zipf 0.99", zipf);
    await r.config("SET", "tier-hot-max-memory", String(budget));
    await settle(r);
    await run("hot = 10 %", "uniform", uniformPicker(keys));
    await run("hot = 10 %", "zipf 0.99", zipf);
  } finally {
    r.disconnect();
    await server.stop();
  }
  printTable(["setup", "keys", "GET/s", "p50 ms", "p99 ms", "hot hit ratio", "promotions"], rows.map((row) => [
    String(row.setup), String(row.dist), fmt(row.opsPerSec as number), fmt(row.p50Ms as number, 2), fmt(row.p99Ms as number, 2),
    fmt((row.hotHitRatio as number) * 100, 1) + " %", fmt(row.promotions as number),
  ]));
  const allHot = rows.find((x) => x.setup === "all hot" && x.dist === "zipf 0.99")!.opsPerSec as number;
  const tiered = rows.find((x) => x.setup === "hot = 10 %" && x.dist === "zipf 0.99")!.opsPerSec as number;
  return { rows, goals: [{ what: `Zipf GET throughput with 10 % hot ≥ half the all-hot figure (${fmt(tiered)} vs ${fmt(allHot)})`, met: tiered >= allHot / 2 }] };
}
