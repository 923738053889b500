// maxmemory with the volatile-* policies: only keys with a TTL are evicted; when none is left, writes get
// OOM. volatile-ttl takes the shortest TTLs first. Sizes are fractions of what fits (`capacity`); also
// runs against redis-server (TEST_AGAINST=redis).
import { expect, it } from "vitest";
import { useServer } from "../../helpers/server.js";
import { VALUE, capacity, fill, limitAboveEmpty, missingEvicted, settledEvictions, surviving } from "./fill.js";

const server = useServer();
const OOM = "OOM command not allowed when used memory > 'maxmemory'.";
const HOUR = 3600;

for (const policy of ["volatile-random", "volatile-lru", "volatile-lfu"]) {
  it(`${policy} evicts only keys with a TTL, then refuses writes`, async () => {
    const r = server.r;
    await limitAboveEmpty(r, policy);
    const fits = await capacity(r);
    const persistent = Math.floor(fits * 0.4);
    const volatile = Math.floor(fits * 0.9);
    await fill(r, "persistent", persistent);
    await fill(r, "volatile", volatile, () => HOUR);
    const evicted = await settledEvictions(r);
    expect(evicted).toBeGreaterThan(fits * 0.1);
    expect(await surviving(r, "persistent", persistent)).toBe(persistent);
    expect(await missingEvicted(r, "volatile", volatile)).toBeGreaterThanOrEqual(evicted);
    // Persistent keys past the limit: the volatile ones go, then nothing can be evicted.
    let refused = "";
    for (let i = 0; i < 2 * fits && !refused; i++) {
      try {
        await r.set(`more:${i}`, VALUE);
      } catch (e) {
        refused = (e as Error).message;
      }
    }
    expect(refused).toBe(OOM);
    expect(await surviving(r, "volatile", volatile)).toBe(0);
    expect(await surviving(r, "persistent", persistent)).toBe(persistent);
  });
}

it("volatile-ttl evicts the keys whose TTL ends first", async () => {
  const r = server.r;
  await limitAboveEmpty(r, "volatile-ttl");
  const fits = await capacity(r);
  const batch = Math.floor(fits * 0.4);
  await fill(r, "long", batch, (i) => 100 * HOUR + i);
  await fill(r, "short", batch, (i) => HOUR + i);
  await fill(r, "later", batch, (i) => 100 * HOUR + i);
  const evicted = await settledEvictions(r);
  expect(evicted).toBeGreaterThan(fits * 0.1);
  expect(await missingEvicted(r, "short", batch)).toBeGreaterThanOrEqual(evicted * 0.9);
  expect(await surviving(r, "long", batch)).toBeGreaterThanOrEqual(batch * 0.95);
});
