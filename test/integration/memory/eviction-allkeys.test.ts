// maxmemory with the allkeys-* policies, over real clients: writes past a limit a few MB above the empty
// server evict keys (any key), used memory stays at the limit, and the policy decides which keys go.
// Sizes are fractions of what fits (`capacity`), so the same test holds for Ferrite and redis-server
// (TEST_AGAINST=redis), whose per-key costs differ.
import { expect, it } from "vitest";
import { useServer, sleep } from "../../helpers/server.js";
import { capacity, fill, limitAboveEmpty, missingEvicted, readKeys, settledEvictions, surviving, usedMemory } from "./fill.js";

const server = useServer();
/** The last write may land after the eviction that preceded it: one value and some bookkeeping over. */
const SLACK = 64 * 1024;

it("allkeys-random evicts keys to stay under maxmemory, and counts them in evicted_keys", async () => {
  const r = server.r;
  const limit = await limitAboveEmpty(r, "allkeys-random");
  const fits = await capacity(r);
  await fill(r, "k", 2 * fits);
  const evicted = await settledEvictions(r);
  expect(evicted).toBeGreaterThan(fits / 2);
  expect(await missingEvicted(r, "k", 2 * fits)).toBeGreaterThanOrEqual(evicted);
  expect(await usedMemory(r)).toBeLessThanOrEqual(limit + SLACK);
});

it("allkeys-lru keeps the keys read recently", async () => {
  const r = server.r;
  await limitAboveEmpty(r, "allkeys-lru");
  const fits = await capacity(r);
  const old = Math.floor(fits * 0.8);
  const hot = Math.floor(fits * 0.1);
  await fill(r, "old", old);
  await sleep(2100); // the LRU clock counts seconds
  await readKeys(r, "old", hot); // old:0..hot-1 are recent again
  await fill(r, "new", Math.floor(fits * 0.4));
  const evicted = await settledEvictions(r);
  expect(evicted).toBeGreaterThan(fits * 0.1);
  expect(await surviving(r, "old", hot)).toBe(hot);
  // What went were the keys idle for two seconds.
  expect(await missingEvicted(r, "old", old, hot)).toBeGreaterThanOrEqual(evicted);
});

it("allkeys-lfu keeps the keys read often", async () => {
  const r = server.r;
  await limitAboveEmpty(r, "allkeys-lfu");
  const fits = await capacity(r);
  const hot = Math.floor(fits * 0.1);
  await r.config("SET", "lfu-log-factor", "0"); // every access counts, so the test is deterministic
  try {
    await fill(r, "k", Math.floor(fits * 0.8));
    await readKeys(r, "k", hot, 10);
    await fill(r, "more", Math.floor(fits * 0.4));
  } finally {
    await r.config("SET", "lfu-log-factor", "10");
  }
  expect(await settledEvictions(r)).toBeGreaterThan(fits * 0.1);
  expect(await surviving(r, "k", hot)).toBe(hot);
});
