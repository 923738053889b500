// What the AOF replays after a restart: the exact result of non-deterministic and blocking commands
// (logged as their effect), absolute expiries, plugins loaded at run time, the AOF turned on at run time;
// and a torn last command handled as aof-load-truncated says.
import { appendFileSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, it, vi } from "vitest";
import { COUNTER_WASM, startFailure, useRestarts } from "../../helpers/restarts.js";
import { sleep } from "../../helpers/server.js";
import { expectTtlsKept, observe, populate, ttls } from "../../helpers/every-type.js";

// Each test restarts servers several times: minutes, not seconds, on a loaded 2-core machine.
vi.setConfig({ testTimeout: 180_000 });

const restarts = useRestarts();
const AOF = ["--save", "", "--appendonly", "yes", "--appendfsync", "always"];
const INCR = "appendonlydir/appendonly.aof.1.incr.aof";

it("every type, written with the AOF on, comes back after kill -9; and again from a rewritten base", async () => {
  const dir = restarts.newDir();
  const a = await restarts.start(dir, AOF);
  await populate(a.r);
  await sleep(5);
  const before = await observe(a.r);
  const ttlBefore = await ttls(a.r);
  await restarts.killAll();

  const b = await restarts.start(dir, AOF);
  expect(await observe(b.r)).toEqual(before);
  expectTtlsKept(ttlBefore, await ttls(b.r));
  expect(await b.r.bgrewriteaof()).toBe("Background append only file rewriting started");
  await b.target.waitForLog(/Background AOF rewrite finished successfully/, 60_000);
  await restarts.killAll();

  const c = await restarts.start(dir, AOF);
  expect(await observe(c.r)).toEqual(before);
});

it("SPOP, XADD * and a BLPOP served later replay to the same data", async () => {
  const dir = restarts.newDir();
  const a = await restarts.start(dir, AOF);
  await a.r.sadd("s", ...Array.from({ length: 50 }, (_, i) => `m${i}`));
  await a.r.spop("s", 10);
  await a.r.spop("s");
  const ids = [await a.r.xadd("st", "*", "f", "1"), await a.r.xadd("st", "*", "f", "2")];
  const blocked = a.client();
  const popped = blocked.blpop("q", 0);
  await sleep(100);
  await a.r.rpush("q", "first", "second");
  expect(await popped).toEqual(["q", "first"]);
  const members = (await a.r.smembers("s")).sort();
  await restarts.killAll();

  const b = await restarts.start(dir, AOF);
  expect((await b.r.smembers("s")).sort()).toEqual(members);
  expect((await b.r.xrange("st", "-", "+")).map((e) => e[0])).toEqual(ids);
  expect(await b.r.lrange("q", 0, -1)).toEqual(["second"]);
  const log = readFileSync(join(dir, INCR), "latin1");
  expect(log).toContain("RESTORE"); // SPOP logged as its effect, not replayed at random
  expect(log).not.toMatch(/spop/i);
});

it("relative expiries replay as the same absolute time", async () => {
  const dir = restarts.newDir();
  const a = await restarts.start(dir, AOF);
  await a.r.set("k1", "v", "EX", 100);
  await a.r.set("k2", "v");
  await a.r.expire("k2", 100);
  await a.r.setex("k3", 100, "v");
  await sleep(1500);
  await restarts.killAll();

  const b = await restarts.start(dir, AOF);
  for (const k of ["k1", "k2", "k3"]) {
    const ttl = await b.r.pttl(k);
    expect(ttl).toBeGreaterThan(90_000);
    expect(ttl).toBeLessThan(98_600); // a replayed "EX 100" alone would give ~100000 again
  }
});

it("a plugin loaded with MODULE LOAD is loaded again when the AOF replays", async () => {
  const dir = restarts.newDir();
  const a = await restarts.start(dir, AOF);
  await a.r.call("module", "load", COUNTER_WASM);
  await a.r.call("counter.incrby", "c", 5);
  await restarts.killAll();
  const b = await restarts.start(dir, AOF);
  expect(await b.r.call("counter.get", "c")).toBe(5);
});

it("CONFIG SET appendonly yes at run time writes a base first, then logs", async () => {
  const dir = restarts.newDir();
  const a = await restarts.start(dir, ["--save", ""]);
  await a.r.set("before", "1");
  await a.r.rpush("list", "x", "y");
  expect(await a.r.info("persistence")).toMatch(/aof_enabled:0/);
  expect(await a.r.config("SET", "appendonly", "yes")).toBe("OK");
  await a.target.waitForLog(/Background AOF rewrite finished successfully/, 60_000);
  await a.r.set("after", "2");
  expect(await a.r.info("persistence")).toMatch(/aof_enabled:1[\s\S]*aof_rewrites:1/);
  await restarts.killAll();

  const b = await restarts.start(dir, ["--save", "", "--appendonly", "yes"]);
  expect(await b.r.mget("before", "after")).toEqual(["1", "2"]);
  expect(await b.r.lrange("list", 0, -1)).toEqual(["x", "y"]);
});

it("a torn last command: loaded up to it with aof-load-truncated yes, refused with no", async () => {
  const dir = restarts.newDir();
  const a = await restarts.start(dir, AOF);
  await a.r.set("whole", "1");
  await a.r.hset("h", "f", "v");
  await restarts.killAll();
  const incr = join(dir, INCR);
  const size = statSync(incr).size;
  appendFileSync(incr, "*3\r\n$3\r\nSET\r\n$4\r\ntorn\r\n$5\r\nval"); // a crash in the middle of a write

  const refused = await startFailure(restarts, dir, [...AOF, "--aof-load-truncated", "no"]);
  expect(refused).toMatch(/short read while loading the AOF file/);
  expect(refused).toMatch(/Unexpected end of file reading the append only file/);
  expect(statSync(incr).size).toBeGreaterThan(size); // refusing touched nothing

  const b = await restarts.start(dir, [...AOF, "--aof-load-truncated", "yes"]);
  expect(b.target.log()).toMatch(/loaded anyway because aof-load-truncated is enabled/);
  expect(await b.r.get("whole")).toBe("1");
  expect(await b.r.hget("h", "f")).toBe("v");
  expect(await b.r.exists("torn")).toBe(0);
  expect(statSync(incr).size).toBe(size); // cut back to the last whole command
  await b.r.set("later", "3"); // appends after the cut stay readable
  await restarts.killAll();
  const c = await restarts.start(dir, [...AOF, "--aof-load-truncated", "no"]);
  expect(await c.r.mget("whole", "later")).toEqual(["1", "3"]);
});

it("garbage in the AOF refuses to start", async () => {
  const dir = restarts.newDir();
  const a = await restarts.start(dir, AOF);
  await a.r.set("k", "v");
  await restarts.killAll();
  appendFileSync(join(dir, INCR), "*2\r\n$3\r\nGET\r\n!!garbage\r\n");
  expect(await startFailure(restarts, dir, AOF)).toMatch(/Bad file format reading the append only file/);
});

it("a MULTI whose EXEC never reached the file is cut from the MULTI on", async () => {
  const dir = restarts.newDir();
  const a = await restarts.start(dir, AOF);
  await a.r.set("before", "1");
  await restarts.killAll();
  const incr = join(dir, INCR);
  const size = statSync(incr).size;
  appendFileSync(incr, "*1\r\n$5\r\nMULTI\r\n*3\r\n$3\r\nSET\r\n$1\r\nm\r\n$1\r\nx\r\n");

  expect(await startFailure(restarts, dir, [...AOF, "--aof-load-truncated", "no"])).toMatch(/Unexpected end of file/);
  const b = await restarts.start(dir, AOF);
  expect(b.target.log()).toMatch(/loaded anyway because aof-load-truncated is enabled/);
  expect(statSync(incr).size).toBe(size);
  expect(await b.r.get("before")).toBe("1");
});

it("the AOF is rewritten on its own once it grows past auto-aof-rewrite-min-size and -percentage", async () => {
  const dir = restarts.newDir();
  const a = await restarts.start(dir, [...AOF, "--auto-aof-rewrite-min-size", "16kb", "--auto-aof-rewrite-percentage", "100"]);
  for (let i = 0; i < 20; i++) await a.r.set("k", "x".repeat(1000)); // 20 KB of log for one 1 KB key
  await a.target.waitForLog(/Starting automatic rewriting of AOF on \d+% growth/, 60_000);
  await a.target.waitForLog(/Background AOF rewrite finished successfully/, 60_000);
  expect(statSync(join(dir, "appendonlydir/appendonly.aof.2.incr.aof")).size).toBeLessThan(16_384);
  await restarts.killAll();
  const b = await restarts.start(dir, AOF);
  expect(await b.r.strlen("k")).toBe(1000);
});
