// One key of every built-in type (and the counter fixture loaded with MODULE LOAD), some with TTLs, and
// everything observable about them read back with each type's own commands: what restart tests compare.
import { expect } from "vitest";
import type { Redis } from "ioredis";
import { COUNTER_WASM } from "./restarts.js";

/** One key of each built-in type (plus a second encoding where the plugin has one), some with TTLs. */
export async function populate(r: Redis): Promise<void> {
  await r.set("str", "hello");
  await r.set("int", "12345", "PX", 500_000);
  await r.set("bin", Buffer.from([0, 255, 13, 10, 7]));
  await r.hset("hash", "f1", "v1", "f2", "v2");
  await r.hset("bighash", Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`field${i}`, `value${i}`])));
  await r.pexpire("bighash", 400_000);
  await r.rpush("list", "a", "b", "c");
  await r.rpush("biglist", ...Array.from({ length: 2000 }, (_, i) => `item-${i}`));
  await r.sadd("set", "x", "y", "z");
  await r.sadd("intset", 1, 2, 3, 100000);
  await r.zadd("zset", 1, "a", 2.5, "b", -3, "c");
  await r.geoadd("geo", 13.361389, 38.115556, "Palermo", 15.087269, 37.502669, "Catania");
  await r.xadd("stream", "1-1", "a", "1");
  await r.xadd("stream", "2-1", "b", "2");
  await r.xgroup("CREATE", "stream", "g1", "0");
  await r.xreadgroup("GROUP", "g1", "c1", "COUNT", 1, "STREAMS", "stream", ">");
  await r.pfadd("hll", "a", "b", "c", "d", "e");
  await r.call("module", "load", COUNTER_WASM);
  await r.call("counter.incrby", "ctr", 41);
  await r.call("counter.incrby", "ctr", 1);
  await r.pexpire("ctr", 300_000);
  await r.select(5);
  await r.set("in-db-5", "five");
  await r.select(0);
  await r.set("gone", "soon", "PX", 1); // expired before the restart: not loaded
}

/** Everything observable about those keys, read with each type's own commands. */
export async function observe(r: Redis): Promise<Record<string, unknown>> {
  const sorted = (a: string[]) => [...a].sort();
  const out: Record<string, unknown> = {
    keys: sorted(await r.keys("*")),
    str: await r.get("str"),
    int: await r.get("int"),
    bin: (await r.getBuffer("bin"))?.toString("hex"),
    hash: await r.hgetall("hash"),
    bighash: await r.hgetall("bighash"),
    list: await r.lrange("list", 0, -1),
    biglist: await r.lrange("biglist", 0, -1),
    set: sorted(await r.smembers("set")),
    intset: sorted(await r.smembers("intset")),
    encodings: [await r.object("ENCODING", "intset"), await r.object("ENCODING", "list"), await r.object("ENCODING", "bighash")],
    zset: await r.zrange("zset", 0, -1, "WITHSCORES"),
    geo: [await r.geopos("geo", "Palermo", "Catania"), await r.geodist("geo", "Palermo", "Catania")],
    stream: await r.xrange("stream", "-", "+"),
    groups: await r.xinfo("GROUPS", "stream"),
    pending: await r.xpending("stream", "g1"),
    hll: await r.pfcount("hll"),
    ctr: await r.call("counter.get", "ctr"),
    types: await Promise.all(["str", "hash", "list", "set", "zset", "geo", "stream", "hll", "ctr"].map((k) => r.type(k))),
  };
  await r.select(5);
  out.db5 = await r.get("in-db-5");
  await r.select(0);
  return out;
}

export async function ttls(r: Redis): Promise<number[]> {
  return Promise.all(["int", "bighash", "ctr", "str"].map((k) => r.pttl(k)));
}

export function expectTtlsKept(before: number[], after: number[]): void {
  expect(after[3]).toBe(-1);
  for (let i = 0; i < 3; i++) {
    expect(after[i]).toBeLessThanOrEqual(before[i]);
    expect(after[i]).toBeGreaterThan(before[i] - 10_000);
  }
}
