// A restart keeps series, rules and the label index: from a snapshot (the index travels as the plugin's
// aux data) and from the AOF (the commands rebuild it); eviction keeps the index exact too.
import { Redis } from "ioredis";
import { expect, it, vi } from "vitest";
import { useRestarts } from "../../../test/helpers/restarts.js";
import { useServer } from "../../../test/helpers/server.js";

vi.setConfig({ testTimeout: 120_000 });

const restarts = useRestarts();

async function fill(r: Redis): Promise<void> {
  await r.call("TS.CREATE", "p:src", "LABELS", "kind", "raw", "room", "1");
  await r.call("TS.CREATE", "p:avg", "LABELS", "kind", "avg", "room", "1");
  await r.call("TS.CREATE", "p:other", "LABELS", "kind", "raw", "room", "2");
  await r.call("TS.CREATERULE", "p:src", "p:avg", "AGGREGATION", "avg", "10");
  for (let ts = 0; ts < 35; ts++) await r.call("TS.ADD", "p:src", String(ts), String(ts % 9));
  await r.call("TS.ADD", "p:other", "1", "1");
  await r.call("TS.CREATE", "p:gone", "LABELS", "kind", "raw");
  await r.del("p:gone");
}

/** The average of ts % 9 over the bucket [from, from + n). */
function bucketAvg(from: number, n: number): string {
  let sum = 0;
  for (let ts = from; ts < from + n; ts++) sum += ts % 9;
  return String(sum / n);
}

async function check(r: Redis): Promise<void> {
  expect(await r.call("TS.QUERYINDEX", "kind=raw")).toEqual(["p:other", "p:src"]);
  expect(await r.call("TS.QUERYINDEX", "room=1")).toEqual(["p:avg", "p:src"]);
  expect(await r.call("TS.RANGE", "p:avg", "-", "+")).toEqual([[0, bucketAvg(0, 10)], [10, bucketAvg(10, 10)], [20, bucketAvg(20, 10)]]);
  expect(await r.call("TS.GET", "p:avg", "LATEST")).toEqual([30, bucketAvg(30, 5)]);
  await r.call("TS.ADD", "p:src", "40", "0");
  expect(await r.call("TS.GET", "p:avg")).toEqual([30, bucketAvg(30, 5)]);
  expect(((await r.call("TS.RANGE", "p:src", "-", "+")) as unknown[]).length).toBe(36);
}

it("comes back from a snapshot with its index", async () => {
  const dir = restarts.newDir();
  const a = await restarts.start(dir, ["--save", ""]);
  await fill(a.r);
  expect(await a.r.save()).toBe("OK");
  await restarts.killAll();
  const b = await restarts.start(dir, ["--save", ""]);
  await check(b.r);
});

it("comes back from the AOF", async () => {
  const dir = restarts.newDir();
  const aof = ["--save", "", "--appendonly", "yes", "--appendfsync", "always"];
  const a = await restarts.start(dir, aof);
  await fill(a.r);
  await restarts.killAll();
  const b = await restarts.start(dir, aof);
  await check(b.r);
});

const evicting = useServer();

it("drops evicted series from the index", async () => {
  const r = evicting.r;
  // Room for about 700 series of one 4 KiB chunk above what the server uses idle.
  const used = Number(/used_memory:(\d+)/.exec(await r.info("memory"))?.[1]);
  await r.config("SET", "maxmemory", String(used + 3 * 1024 * 1024));
  await r.config("SET", "maxmemory-policy", "allkeys-random");
  for (let i = 0; i < 2000; i++) {
    try {
      await r.call("TS.ADD", `ev:${i}`, "1", "1", "LABELS", "group", "g");
    } catch {
      break; // past maxmemory with nothing left to evict: the writes stop, the server stays up
    }
  }
  const stats = await r.info("stats");
  expect(Number(/evicted_keys:(\d+)/.exec(stats)?.[1])).toBeGreaterThan(0);
  // Reads evict too while over maxmemory (as in Redis, ADR 0046): lift the limit so that no key goes
  // between the two reads compared below.
  await r.config("SET", "maxmemory", "0");
  const indexed = ((await r.call("TS.QUERYINDEX", "group=g")) as string[]).sort();
  const live = ((await r.call("KEYS", "ev:*")) as string[]).sort();
  expect(indexed).toEqual(live);
});
