// used_memory is honest: it counts what plugins hold (a big hash moves it by about its size) and drops
// again when the value is deleted, though wasm memory itself never shrinks. Also runs against redis-server.
import { expect, it } from "vitest";
import { useServer } from "../../helpers/server.js";
import { against } from "../../helpers/target.js";
import { infoField, usedMemory } from "./fill.js";

const server = useServer();

it("moves with a big hash written and deleted", async () => {
  const r = server.r;
  const before = await usedMemory(r);
  // In commands of 1000 fields: one huge command would mostly measure the argument buffer it needs.
  for (let from = 0; from < 20_000; from += 1000) {
    const fields: Record<string, string> = {};
    for (let i = from; i < from + 1000; i++) fields[`field:${i}`] = "v".repeat(100);
    await r.hset("big", fields);
  }
  const full = await usedMemory(r);
  expect(full - before).toBeGreaterThan(20_000 * 100);
  expect(full - before).toBeLessThan(20_000 * 400);
  await r.del("big");
  const after = await usedMemory(r);
  expect(full - after).toBeGreaterThan((full - before) * 0.8);
  const info = await r.info("memory");
  expect(infoField(info, "used_memory_peak")).toBeGreaterThanOrEqual(full);
  expect(info).toMatch(/^used_memory_human:[\d.]+[BKMG]\r$/m);
  expect(info).toMatch(/^maxmemory_policy:noeviction\r$/m);
  expect(infoField(info, "maxmemory")).toBe(0);
  if (against === "ferrite") {
    // The parts add up to the whole.
    const parts = ["used_memory_js", "used_memory_index", "used_memory_plugins"].map((f) => infoField(info, f));
    expect(parts.reduce((a, b) => a + b)).toBe(infoField(info, "used_memory"));
  }
});

it("reports maxmemory and its policy in INFO and CONFIG GET, in Redis's units", async () => {
  const r = server.r;
  await r.config("SET", "maxmemory", "100mb", "maxmemory-policy", "allkeys-lru");
  try {
    const info = await r.info("memory");
    expect(infoField(info, "maxmemory")).toBe(100 * 1024 * 1024);
    expect(info).toMatch(/^maxmemory_human:100\.00M\r$/m);
    expect(info).toMatch(/^maxmemory_policy:allkeys-lru\r$/m);
    expect(await r.config("GET", "maxmemory*")).toEqual(expect.arrayContaining(["maxmemory", String(100 * 1024 * 1024), "maxmemory-samples", "5"]));
    expect((await r.config("SET", "maxmemory-policy", "nope").catch((e: Error) => e.message))).toBe(
      "ERR CONFIG SET failed (possibly related to argument 'maxmemory-policy') - argument(s) must be one of the following: " +
      "volatile-lru, volatile-lfu, volatile-random, volatile-ttl, allkeys-lru, allkeys-lfu, allkeys-random, noeviction");
    expect((await r.config("SET", "maxmemory", "1zb").catch((e: Error) => e.message))).toBe(
      "ERR CONFIG SET failed (possibly related to argument 'maxmemory') - argument must be a memory value");
  } finally {
    await r.config("SET", "maxmemory", "0", "maxmemory-policy", "noeviction");
  }
});
