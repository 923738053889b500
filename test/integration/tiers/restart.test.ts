// A dataset 20× the hot budget survives a restart, through a snapshot and through the AOF: the values
// are read back exactly, and the restarted server holds them demoted again within the budget — loading
// demotes as it goes, so the whole dataset is never hot at once.
import { expect, it, vi } from "vitest";
import type { Redis } from "ioredis";
import { useRestarts } from "../../helpers/restarts.js";
import { tierInfo, waitForTiers } from "./tier-helpers.js";

vi.setConfig({ testTimeout: 180_000 });

const BUDGET = 1024 * 1024;
const TIERS = ["--tier-hot-max-memory", String(BUDGET), "--tier-segment-size", "1mb", "--tier-warm-max-memory", "4mb"];
const restarts = useRestarts();

const blob = (i: number, n: number) => `${i}:`.padEnd(n, String.fromCharCode(97 + (i % 26)));

async function write(r: Redis): Promise<void> {
  const p = r.pipeline();
  for (let i = 0; i < 12_000; i++) p.set(`s:${i}`, blob(i, 1000)); // 12 MB
  for (let i = 0; i < 400; i++) p.hset(`h:${i}`, Object.fromEntries(Array.from({ length: 10 }, (_, f) => [`f${f}`, blob(i + f, 1000)]))); // 4 MB
  for (let i = 0; i < 400; i++) p.rpush(`l:${i}`, ...Array.from({ length: 10 }, (_, e) => blob(i * 7 + e, 1000))); // 4 MB
  await p.exec();
}

async function readBack(r: Redis): Promise<void> {
  for (let i = 0; i < 12_000; i += 1000) {
    const q = r.pipeline();
    for (let j = i; j < i + 1000; j++) q.get(`s:${j}`);
    expect((await q.exec())!.map(([, v]) => v)).toEqual(Array.from({ length: 1000 }, (_, k) => blob(i + k, 1000)));
  }
  for (let i = 0; i < 400; i += 37) {
    expect(await r.hgetall(`h:${i}`)).toEqual(Object.fromEntries(Array.from({ length: 10 }, (_, f) => [`f${f}`, blob(i + f, 1000)])));
    expect(await r.lrange(`l:${i}`, 0, -1)).toEqual(Array.from({ length: 10 }, (_, e) => blob(i * 7 + e, 1000)));
  }
}

/**
 * Right after a restart, before any read promotes anything: every key is back, most of them demoted —
 * the hot bytes a few blocks' worth at most, not the 20 MB of the dataset — and the budget is met soon.
 */
async function expectDemotedAfterLoad(r: Redis): Promise<void> {
  const info = await tierInfo(r);
  expect(info.tier_hot_keys + info.tier_warm_keys + info.tier_cold_keys).toBe(12_800);
  expect(info.tier_hot_bytes).toBeLessThanOrEqual(4 * BUDGET);
  expect(info.tier_warm_bytes + info.tier_cold_bytes).toBeGreaterThan(15 * BUDGET);
  await waitForTiers(r, (i) => i.tier_hot_bytes <= BUDGET);
}

it("a snapshot of a dataset 20x the hot budget (most of it demoted when saved) loads back demoted and exact", async () => {
  const dir = restarts.newDir();
  const a = await restarts.start(dir, [...TIERS, "--save", ""]);
  await write(a.r);
  await waitForTiers(a.r, (i) => i.tier_hot_bytes <= BUDGET && i.tier_cold_keys > 1000);
  expect(await a.r.save()).toBe("OK");
  await restarts.killAll();

  const b = await restarts.start(dir, [...TIERS, "--save", ""]);
  await expectDemotedAfterLoad(b.r);
  await readBack(b.r);
});

it("an AOF of the same dataset replays into demoted values, and again from a rewritten base", async () => {
  const dir = restarts.newDir();
  const aof = [...TIERS, "--save", "", "--appendonly", "yes", "--appendfsync", "always"];
  const a = await restarts.start(dir, aof);
  await write(a.r);
  await waitForTiers(a.r, (i) => i.tier_hot_bytes <= BUDGET);
  await restarts.killAll();

  const b = await restarts.start(dir, aof);
  await expectDemotedAfterLoad(b.r);
  await readBack(b.r);
  await b.r.bgrewriteaof();
  await waitForRewrite(b.r);
  await restarts.killAll();

  const c = await restarts.start(dir, aof);
  await expectDemotedAfterLoad(c.r);
  await readBack(c.r);
});

async function waitForRewrite(r: Redis): Promise<void> {
  const until = Date.now() + 60_000;
  while (/aof_rewrite_in_progress:1|aof_rewrite_scheduled:1/.test(await r.info("persistence"))) {
    if (Date.now() > until) throw new Error("BGREWRITEAOF did not finish");
    await new Promise((ok) => setTimeout(ok, 50));
  }
}
