// MODULE RELOAD (ADR 0041): a new build of a plugin that holds data takes over its keys, under a client
// load, losing nothing; a build that cannot read the data, drops a type, lowers an encver or is another
// plugin is refused with nothing changed; AOF replay and a restart follow the reload.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Redis } from "ioredis";
import { ROOT, against } from "../helpers/target.js";
import { errorOf } from "../helpers/server.js";
import { COUNTER_WASM, startFailure, useRestarts } from "../helpers/restarts.js";
import { demoteAll } from "./tiers/tier-helpers.js";

const V2 = join(ROOT, "build/fixtures/counter-v2.wasm");
const TUNABLE = join(ROOT, "build/fixtures/tunable.wasm");
const WAITER = join(ROOT, "build/fixtures/waiter.wasm");
const KEYS = 2000;

/** Counters c:0 … in db 0, every third with a TTL, and a few in db 1: returns each key's PEXPIRETIME. */
async function fill(r: Redis): Promise<Map<string, number>> {
  const p = r.pipeline();
  for (let i = 0; i < KEYS; i++) {
    p.call("COUNTER.INCRBY", `c:${i}`, String(i));
    if (i % 3 === 0) p.pexpire(`c:${i}`, 3_600_000 + i);
  }
  await p.exec();
  await r.select(1);
  await r.call("COUNTER.INCRBY", "elsewhere", "7");
  await r.select(0);
  const q = r.pipeline();
  for (let i = 0; i < KEYS; i++) q.pexpiretime(`c:${i}`);
  const replies = (await q.exec())!;
  return new Map(replies.map(([, t], i) => [`c:${i}`, t as number]));
}

async function expectIntact(r: Redis, expiries: Map<string, number>): Promise<void> {
  const p = r.pipeline();
  for (let i = 0; i < KEYS; i++) p.call("COUNTER.GET", `c:${i}`).pexpiretime(`c:${i}`);
  const replies = (await p.exec())!;
  for (let i = 0; i < KEYS; i++) {
    expect(replies[2 * i][1]).toBe(i);
    expect(replies[2 * i + 1][1]).toBe(expiries.get(`c:${i}`));
  }
  await r.select(1);
  expect(await r.call("COUNTER.GET", "elsewhere")).toBe(7);
  await r.select(0);
}

describe.skipIf(against === "redis")("MODULE RELOAD", () => {
  const restarts = useRestarts();

  it("moves every value into the new build under a client load: no key, value or TTL lost", async () => {
    const { r, client } = await restarts.start(restarts.newDir(), ["--loadmodule", COUNTER_WASM]);
    const expiries = await fill(r);
    // A client increments one counter without pause while the reload happens: every acknowledged
    // increment must be in the value the new build holds.
    const loader = client();
    let running = true;
    let acked = 0;
    const errors: string[] = [];
    const load = (async () => {
      while (running) {
        try {
          await loader.call("COUNTER.INCRBY", "live", "1");
          acked++;
        } catch (e) {
          errors.push((e as Error).message);
        }
      }
    })();
    while (acked < 200) await new Promise((res) => setTimeout(res, 5));
    expect(await r.call("MODULE", "RELOAD", "counter", V2)).toBe("OK");
    const after = acked;
    while (acked < after + 200) await new Promise((res) => setTimeout(res, 5));
    running = false;
    await load;

    expect(errors).toEqual([]);
    expect(await r.call("COUNTER.GET", "live")).toBe(acked);
    // The new build's own command, and its own encoding: values carried from encver 1 start at 0 writes,
    // the live counter counts the writes made after the reload.
    expect(await r.call("COUNTER.WRITES", "c:5")).toBe(0);
    const writes = (await r.call("COUNTER.WRITES", "live")) as number;
    expect(writes).toBeGreaterThanOrEqual(200);
    expect(writes).toBeLessThan(acked);
    await expectIntact(r, expiries);
    expect(await r.type("c:1")).toBe("counter");
    const list = (await r.call("MODULE", "LIST")) as unknown[][];
    const entry = list.find((m) => m[1] === "counter")!;
    expect(entry.slice(2, 6)).toEqual(["ver", 200, "path", V2]);
    // DUMP of a carried value now writes encver 2, which the new build reads back.
    await r.restore("copy", 0, await r.dumpBuffer("c:9"));
    expect(await r.call("COUNTER.GET", "copy")).toBe(9);
  });

  it("refuses a build that cannot read the data, naming the key and both versions, and changes nothing", async () => {
    const { r } = await restarts.start(restarts.newDir(), ["--loadmodule", COUNTER_WASM]);
    const expiries = await fill(r);
    const refused = await errorOf(r.call("MODULE", "RELOAD", "counter", V2, "ARGS", "strict"));
    expect(refused).toMatch(/^ERR Error reloading module: plugin 'counter' 0\.2\.0 cannot read key '[^']+' \(db \d\) of type 'counter' saved by 0\.1\.0 at encver 1 \(it writes encver 2\): nothing was changed$/);
    await expectIntact(r, expiries);
    expect(await errorOf(r.call("COUNTER.WRITES", "c:1"))).toMatch(/^ERR unknown command 'COUNTER.WRITES'/);
    expect(await r.call("COUNTER.INCRBY", "c:1", "1")).toBe(2);
    // It still reloads afterwards.
    expect(await r.call("MODULE", "RELOAD", "counter", V2)).toBe("OK");
    expect(await r.call("COUNTER.GET", "c:1")).toBe(2);
  });

  it("refuses a downgrade, another plugin's file and an unknown name", async () => {
    const { r } = await restarts.start(restarts.newDir(), ["--loadmodule", V2, "--loadmodule", TUNABLE]);
    await r.call("COUNTER.INCRBY", "c", "3");
    expect(await errorOf(r.call("MODULE", "RELOAD", "counter", COUNTER_WASM))).toBe(
      "ERR Error reloading module: plugin 'counter' 0.1.0 writes type 'counter' at encver 1, older than the encver 2 of the loaded 0.2.0: a downgrade cannot read newer data");
    expect(await errorOf(r.call("MODULE", "RELOAD", "counter", TUNABLE))).toBe(
      "ERR Error reloading module: the file holds plugin 'tunable', not 'counter'");
    expect(await errorOf(r.call("MODULE", "RELOAD", "nosuch"))).toBe("ERR Error reloading module: no plugin named 'nosuch' is loaded");
    expect(await errorOf(r.call("MODULE", "RELOAD", "counter", V2, "BOGUS"))).toBe("ERR syntax error");
    expect(await r.call("COUNTER.WRITES", "c")).toBe(1);
  });

  it("keeps the values of the configs both builds declare; what MULTI queued runs on the new build", async () => {
    const { r, client } = await restarts.start(restarts.newDir(), ["--loadmodule", TUNABLE, "--loadmodule", COUNTER_WASM]);
    await r.config("SET", "tunable.limit", "42");
    expect(await r.call("MODULE", "RELOAD", "tunable")).toBe("OK");
    expect(await r.config("GET", "tunable.limit")).toEqual(["tunable.limit", "42"]);
    const slots = (await r.call("TUNABLE.SLOTS")) as number[];
    expect(slots[1]).toBe(42);
    await r.config("SET", "tunable.limit", "43");
    expect(((await r.call("TUNABLE.SLOTS")) as number[])[1]).toBe(43);

    const tx = client();
    await tx.call("COUNTER.INCRBY", "c", "1");
    await tx.call("MULTI");
    await tx.call("COUNTER.GET", "c");
    expect(await r.call("MODULE", "RELOAD", "counter", V2)).toBe("OK");
    await tx.call("COUNTER.INCRBY", "c", "1");
    expect(await tx.exec()).toEqual([[null, 1], [null, 2]]);
    expect(await tx.call("COUNTER.WRITES", "c")).toBe(1);
  });

  it("keeps a client blocked on the old build's command blocked on the new build's, with its context", async () => {
    const { r, client } = await restarts.start(restarts.newDir(), ["--loadmodule", WAITER]);
    const blocked = client();
    const taken = blocked.call("WAITER.TAKE", "k", "0");
    while (((await r.info("clients")).match(/blocked_clients:(\d+)/)?.[1] ?? "0") === "0") await new Promise((res) => setTimeout(res, 5));
    expect(await r.call("MODULE", "RELOAD", "waiter")).toBe("OK");
    const calls = async () => Number((await r.info("plugins")).match(/plugin_waiter:.*,calls=(\d+),/)![1]);
    expect(await calls()).toBe(0);
    await r.set("k", "v");
    expect(await taken).toEqual(["k", "first-run"]);
    expect(await calls()).toBe(1); // the run that served it was the new build's
  });

  it("leaves demoted values at their encver, read by the new build on promotion, in DUMP and in snapshots", async () => {
    const dir = restarts.newDir();
    const tiers = ["--tier-hot-max-memory", "1mb", "--tier-segment-size", "256kb"];
    const { r } = await restarts.start(dir, ["--loadmodule", COUNTER_WASM, ...tiers]);
    for (let i = 0; i < 10; i++) await r.call("COUNTER.INCRBY", `t:${i}`, String(i + 100));
    await demoteAll(r, "1mb");
    expect(await r.call("TIER", "t:1")).toBe("warm");
    expect(await r.call("MODULE", "RELOAD", "counter", V2)).toBe("OK");
    expect(await r.call("TIER", "t:1")).toBe("warm");
    // DUMP of a value still demoted carries its encver 1 bytes as encver 1.
    await r.restore("copy", 0, await r.dumpBuffer("t:2"));
    expect(await r.call("COUNTER.GET", "copy")).toBe(102);
    await r.save();
    await restarts.killAll();
    const again = await restarts.start(dir, ["--loadmodule", V2, ...tiers]);
    for (let i = 0; i < 10; i++) expect(await again.r.call("COUNTER.GET", `t:${i}`)).toBe(i + 100);
    expect(await again.r.call("COUNTER.WRITES", "t:3")).toBe(0);
  });

  it("is replayed from the AOF, and a restart on the old build refuses the newer data by key and version", async () => {
    const dir = restarts.newDir();
    const first = await restarts.start(dir, ["--appendonly", "yes", "--appendfsync", "always"]);
    await first.r.call("MODULE", "LOAD", COUNTER_WASM);
    await first.r.call("COUNTER.INCRBY", "a", "5");
    await first.r.call("MODULE", "RELOAD", "counter", V2);
    await first.r.call("COUNTER.INCRBY", "a", "1");
    await first.r.call("COUNTER.INCRBY", "b", "1");
    await restarts.killAll();

    const second = await restarts.start(dir, ["--appendonly", "yes"]);
    expect(await second.r.call("COUNTER.GET", "a")).toBe(6);
    expect(await second.r.call("COUNTER.WRITES", "a")).toBe(1);
    expect(await second.r.call("COUNTER.WRITES", "b")).toBe(1);
    await second.r.save();
    await restarts.killAll();

    // The snapshot holds encver 2 values; the operator starts the server on the old build.
    const why = await startFailure(restarts, dir, ["--loadmodule", COUNTER_WASM]);
    expect(why).toMatch(/key 'a' \(db 0\) of type 'counter' is stored at encver 2, newer than the encver 1 that plugin 'counter' 0\.1\.0 reads \(the snapshot was taken with 0\.2\.0\)/);
  });
});
