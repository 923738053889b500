// Snapshots across a real restart of the server process on the same dir: every built-in type (and the
// counter fixture loaded with MODULE LOAD) comes back with its value and expiry; a snapshot whose
// plugin is missing, or whose bytes are damaged, stops the server from starting and names the cause.
import { copyFileSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import type { Redis } from "ioredis";
import { COUNTER_WASM, startFailure, useRestarts } from "../../helpers/restarts.js";

const restarts = useRestarts();
const NO_RULES = ["--save", ""];

/** One key of each built-in type (plus a second encoding where the plugin has one), some with TTLs. */
async function populate(r: Redis): Promise<void> {
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
async function observe(r: Redis): Promise<Record<string, unknown>> {
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

async function ttls(r: Redis): Promise<number[]> {
  return Promise.all(["int", "bighash", "ctr", "str"].map((k) => r.pttl(k)));
}

function expectTtlsKept(before: number[], after: number[]): void {
  expect(after[3]).toBe(-1);
  for (let i = 0; i < 3; i++) {
    expect(after[i]).toBeLessThanOrEqual(before[i]);
    expect(after[i]).toBeGreaterThan(before[i] - 10_000);
  }
}

it("SAVE, kill -9, restart: every type comes back with its value and expiry", async () => {
  const dir = restarts.newDir();
  const a = await restarts.start(dir, NO_RULES);
  await populate(a.r);
  await new Promise((r) => setTimeout(r, 5));
  const before = await observe(a.r);
  const ttlBefore = await ttls(a.r);
  expect(await a.r.save()).toBe("OK");
  expect(Number(await a.r.lastsave())).toBeGreaterThan(Date.now() / 1000 - 5);
  await restarts.killAll();

  const b = await restarts.start(dir, NO_RULES);
  expect(await observe(b.r)).toEqual(before);
  expectTtlsKept(ttlBefore, await ttls(b.r));
  expect(b.target.log()).toMatch(/Plugin 'counter' loaded again from .*counter\.wasm/);
  expect(b.target.log()).toMatch(/DB loaded from disk: [\d.]+ seconds/);
  expect(await b.r.info("persistence")).toMatch(/rdb_changes_since_last_save:0\r\n/);
});

it("BGSAVE and SHUTDOWN (save rules set) both leave a snapshot that loads", async () => {
  const dir = restarts.newDir();
  const a = await restarts.start(dir, NO_RULES);
  await populate(a.r);
  await new Promise((r) => setTimeout(r, 5));
  const before = await observe(a.r);
  expect(await a.r.bgsave()).toBe("Background saving started");
  await a.target.waitForLog(/Background saving terminated with success/);
  await restarts.killAll();

  const b = await restarts.start(dir, ["--save", "3600 1"]);
  expect(await observe(b.r)).toEqual(before);
  await b.r.set("after", "restart");
  await b.r.call("shutdown").catch(() => undefined);
  expect(await b.target.exited).toBe(0);
  await restarts.killAll();

  const c = await restarts.start(dir, NO_RULES);
  expect(await c.r.get("after")).toBe("restart");
  expect(await c.r.call("counter.get", "ctr")).toBe(42);
});

it("refuses to start when the plugin defining a stored type cannot be loaded, naming the type", async () => {
  const dir = restarts.newDir();
  const wasm = join(dir, "my-counter.wasm");
  copyFileSync(COUNTER_WASM, wasm);
  const a = await restarts.start(dir, NO_RULES);
  await a.r.call("module", "load", wasm);
  await a.r.call("counter.incrby", "ctr", 7);
  await a.r.set("plain", "string");
  await a.r.save();
  await restarts.killAll();
  rmSync(wasm);
  const snapshot = readFileSync(join(dir, "dump.fsnap"));

  const message = await startFailure(restarts, dir, NO_RULES);
  expect(message).toMatch(/server exited with 1/);
  expect(message).toMatch(/holds keys of type 'counter' defined by plugin 'counter', which could not be loaded again from .*my-counter\.wasm/);
  expect(readFileSync(join(dir, "dump.fsnap")).equals(snapshot)).toBe(true); // the file is left as it was

  // With the plugin back, the same file loads.
  copyFileSync(COUNTER_WASM, wasm);
  const b = await restarts.start(dir, NO_RULES);
  expect(await b.r.call("counter.get", "ctr")).toBe(7);
});

it("refuses a damaged snapshot (checksum) and a cut one (no END block)", async () => {
  const dir = restarts.newDir();
  const a = await restarts.start(dir, NO_RULES);
  await a.r.set("k", "v".repeat(1000));
  await a.r.save();
  await restarts.killAll();
  const path = join(dir, "dump.fsnap");
  const good = readFileSync(path);

  const flipped = Buffer.from(good);
  flipped[flipped.length - 30] ^= 0xff;
  writeFileSync(path, flipped);
  expect(await startFailure(restarts, dir, NO_RULES)).toMatch(/corrupt snapshot .*checksum mismatch/);

  writeFileSync(path, good.subarray(0, good.length - 13));
  expect(await startFailure(restarts, dir, NO_RULES)).toMatch(/corrupt snapshot .*unexpected end of file/);

  writeFileSync(path, good);
  const b = await restarts.start(dir, NO_RULES);
  expect(await b.r.strlen("k")).toBe(1000);
});

it("rdbchecksum no and rdbcompression no still round-trip; SAVE leaves no temp file", async () => {
  const dir = restarts.newDir();
  const a = await restarts.start(dir, [...NO_RULES, "--rdbchecksum", "no", "--rdbcompression", "no", "--dbfilename", "other.fsnap"]);
  await a.r.set("k", "x".repeat(5000));
  await a.r.save();
  expect(existsSync(join(dir, "other.fsnap"))).toBe(true);
  expect(readFileSync(join(dir, "other.fsnap")).includes(Buffer.from("x".repeat(5000)))).toBe(true); // not deflated
  await restarts.killAll();
  const b = await restarts.start(dir, [...NO_RULES, "--dbfilename", "other.fsnap"]);
  expect(await b.r.get("k")).toBe("x".repeat(5000));
});
