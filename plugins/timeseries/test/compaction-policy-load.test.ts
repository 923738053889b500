// ts-compaction-policy outside CONFIG SET: from the command line and MODULE LOADEX (checked and put in
// canonical form once the plugin is up, a bad one failing the load), and through the write funnel: the
// keys it creates inside TS.ADD reach the AOF as what happened (a replay under another policy rebuilds
// the same keys), touch WATCHed keys, and raise RedisTimeSeries's events only.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it, vi } from "vitest";
import { startFailure, useRestarts } from "../../../test/helpers/restarts.js";
import { errorOf } from "../../../test/helpers/server.js";
import { ROOT } from "../../../test/helpers/target.js";

vi.setConfig({ testTimeout: 120_000 });

const restarts = useRestarts();
const AOF = ["--save", "", "--appendonly", "yes", "--appendfsync", "always"];
const TIMESERIES = join(ROOT, "build/plugins/timeseries.wasm");

it("replays the keys a policy created from the AOF, whatever the policy at the replay", async () => {
  const dir = restarts.newDir();
  const a = await restarts.start(dir, [...AOF, "--ts-compaction-policy", "sum:10m:1h"]);
  expect(await a.r.config("GET", "ts-compaction-policy")).toEqual(["ts-compaction-policy", "sum:10m:1h"]);
  await a.r.call("TS.ADD", "temp", "*", "1", "LABELS", "room", "a");
  await a.r.call("TS.INCRBY", "count", "3", "TIMESTAMP", "1");
  for (const ts of [4, 12, 25]) await a.r.call("TS.ADD", "count", String(ts), String(ts));
  const keys = (await a.r.keys("*")).sort();
  expect(keys).toEqual(["count", "count_SUM_10", "temp", "temp_SUM_10"]);
  const dump = async (r: typeof a.r) => Promise.all(keys.map(async (k) => [await r.call("TS.INFO", k), await r.call("TS.RANGE", k, "-", "+")]));
  const before = await dump(a.r);
  await restarts.killAll();
  const log = readFileSync(join(dir, "appendonlydir/appendonly.aof.1.incr.aof"), "latin1");
  expect(log).toMatch(/TS\.CREATERULE\r\n\$4\r\ntemp\r\n\$11\r\ntemp_SUM_10\r\n/);

  const b = await restarts.start(dir, [...AOF, "--ts-compaction-policy", "max:5m:0"]);
  expect((await b.r.keys("*")).sort()).toEqual(keys);
  const after = await dump(b.r);
  // memoryUsage may differ by allocator history; everything else is the same.
  const strip = (d: unknown[][]) => d.map(([info, range]) => [(info as unknown[]).map((v, i, all) => (all[i - 1] === "memoryUsage" ? 0 : v)), range]);
  expect(strip(after)).toEqual(strip(before));
});

it("a series created inside MULTI, watched destinations, and events", async () => {
  const dir = restarts.newDir();
  const a = await restarts.start(dir, ["--ts-compaction-policy", "avg:1M:1h", "--notify-keyspace-events", "KEA"]);
  const events: string[] = [];
  const sub = a.client();
  sub.on("pmessage", (_p, channel, message) => events.push(`${channel} ${message}`));
  await sub.psubscribe("__keyevent@0__:*");
  const watcher = a.client();
  await watcher.watch("w_AVG_60000");
  await a.r.call("TS.ADD", "w", "1", "1"); // creates the watched key
  expect(await watcher.multi().ping().exec()).toBeNull();
  await a.r.multi().call("TS.ADD", "m", "1", "1").exec();
  expect(await a.r.call("TS.INFO", "m_AVG_60000")).toContain("m");
  await a.r.ping();
  await vi.waitFor(() => expect(events).toContain("__keyevent@0__:ts.add m"));
  expect(events.filter((e) => e.includes("_AVG_"))).toEqual([]);
});

it("takes the policy from MODULE LOADEX in canonical form, and a bad one fails the load", async () => {
  const dir = restarts.newDir();
  const a = await restarts.start(dir);
  expect(await a.r.call("MODULE", "UNLOAD", "timeseries")).toBe("OK");
  expect(await errorOf(a.r.call("MODULE", "LOADEX", TIMESERIES, "CONFIG", "ts-compaction-policy", "avg:1h"))).toMatch(/^ERR Error loading the extension/);
  expect(await a.r.config("GET", "ts-compaction-policy")).toEqual([]);
  expect(await a.r.call("MODULE", "LOADEX", TIMESERIES, "CONFIG", "ts-compaction-policy", "avg:60000m:1h")).toBe("OK");
  expect(await a.r.config("GET", "ts-compaction-policy")).toEqual(["ts-compaction-policy", "avg:1M:1h"]);
  await a.r.call("TS.ADD", "x", "1", "1");
  expect(await a.r.exists("x_AVG_60000")).toBe(1);
});

it("refuses to start with a policy that does not parse", async () => {
  const message = await startFailure(restarts, restarts.newDir(), ["--ts-compaction-policy", "avg:1m"]);
  expect(message).toMatch(/Invalid compaction policy: avg:1m/);
});
