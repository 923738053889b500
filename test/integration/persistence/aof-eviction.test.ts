// Keys evicted under maxmemory reach the AOF as DEL (as Redis propagates evictions): after kill -9 the
// replayed dataset is the one the server held, not the one before eviction.
import { expect, it, vi } from "vitest";
import { useRestarts } from "../../helpers/restarts.js";

vi.setConfig({ testTimeout: 180_000 });

const restarts = useRestarts();
const AOF = ["--save", "", "--appendonly", "yes", "--appendfsync", "always"];

it("evicted keys stay gone after the AOF replays", async () => {
  const dir = restarts.newDir();
  const a = await restarts.start(dir, AOF);
  const p = a.r.pipeline();
  for (let i = 0; i < 3000; i++) p.set(`ev:${i}`, "x".repeat(1000));
  await p.exec();
  const used = Number(/used_memory:(\d+)/.exec(await a.r.info("memory"))![1]);
  await a.r.config("SET", "maxmemory-policy", "allkeys-random");
  await a.r.config("SET", "maxmemory", String(used - 1_000_000));
  await a.r.set("ev:last", "y"); // a denyoom command: starts evicting, which goes on between commands
  const until = Date.now() + 30_000;
  while (Number(/used_memory:(\d+)/.exec(await a.r.info("memory"))![1]) > used - 1_000_000) {
    if (Date.now() > until) throw new Error("eviction did not bring used_memory under maxmemory");
    await new Promise((ok) => setTimeout(ok, 20));
  }
  await a.r.config("SET", "maxmemory", "0");
  const evicted = Number(/evicted_keys:(\d+)/.exec(await a.r.info("stats"))![1]);
  expect(evicted).toBeGreaterThan(100);
  const left = await a.r.dbsize();
  expect(left).toBe(3001 - evicted);
  // allkeys-random may evict ev:last too (eviction goes on after SET ran): what must hold is that the
  // replay gives back exactly the keys the server held.
  const held = (await a.r.keys("ev:*")).sort();
  const last = await a.r.get("ev:last");
  await restarts.killAll();

  const b = await restarts.start(dir, AOF);
  expect(await b.r.dbsize()).toBe(left);
  expect((await b.r.keys("ev:*")).sort()).toEqual(held);
  expect(await b.r.get("ev:last")).toBe(last);
});
