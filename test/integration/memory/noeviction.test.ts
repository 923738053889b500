// maxmemory-policy noeviction: past the limit, commands flagged denyoom get Redis's OOM error byte for
// byte, while reads and deletes still run and deleting makes room again. Also runs against redis-server.
import { expect, it } from "vitest";
import { errorOf, useServer } from "../../helpers/server.js";
import { RawConnection } from "../../helpers/raw-resp.js";
import { VALUE, evictedKeys, limitAboveEmpty, usedMemory } from "./fill.js";

const server = useServer();

it("answers OOM to writes past maxmemory, serves GET and DEL, and writes again after deleting", async () => {
  const r = server.r;
  const limit = await limitAboveEmpty(r, "noeviction");
  let written = 0;
  for (; written < 10_000; written++) {
    try {
      await r.set(`k:${written}`, VALUE);
    } catch (e) {
      expect((e as Error).message).toBe("OOM command not allowed when used memory > 'maxmemory'.");
      break;
    }
  }
  expect(written).toBeGreaterThan(500);
  expect(written).toBeLessThan(10_000);
  // Near the limit: Redis's usage also moves with its client buffers, which the refused SET had filled.
  expect(await usedMemory(r)).toBeGreaterThan(limit - 64 * 1024);
  expect(await evictedKeys(r)).toBe(0);
  expect(await r.dbsize()).toBe(written);
  // Not denyoom: reads, deletes, TTL changes, other introspection.
  expect(await r.get("k:0")).toBe(VALUE);
  expect(await r.exists("k:1")).toBe(1);
  expect(await errorOf(r.lpush("list", "x"))).toMatch(/^OOM /);
  expect(await errorOf(r.hset("hash", "f", "v"))).toMatch(/^OOM /);
  const raw = await RawConnection.open(server.port);
  try {
    expect(await raw.send(["SET", "x", "y"])).toBe("-OOM command not allowed when used memory > 'maxmemory'.\r\n");
  } finally {
    raw.close();
  }
  const keys = Array.from({ length: 300 }, (_, i) => `k:${i}`);
  expect(await r.del(...keys)).toBe(300);
  expect(await r.set("after-delete", "fits again")).toBe("OK");
  await r.config("SET", "maxmemory", "0");
  expect(await r.set("unlimited", VALUE)).toBe("OK");
});
