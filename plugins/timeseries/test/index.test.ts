// The label index through node-redis: TS.MGET, TS.MRANGE, TS.MREVRANGE (WITHLABELS after AGGREGATION,
// as node-redis sends it; SELECTED_LABELS; GROUPBY … REDUCE) and TS.QUERYINDEX with every filter form,
// in RESP2 and RESP3; and the index staying exact when keys are deleted, renamed, moved, copied,
// restored, expired, evicted, flushed or swapped.
import { describe, expect, it } from "vitest";
import { useTsClients } from "./clients.js";

const t = useTsClients();

async function fleet(): Promise<void> {
  await t.c.ts.create("cpu:1", { LABELS: { metric: "cpu", host: "a", dc: "east" } });
  await t.c.ts.create("cpu:2", { LABELS: { metric: "cpu", host: "b", dc: "west" } });
  await t.c.ts.create("cpu:3", { LABELS: { metric: "cpu", host: "c" } });
  await t.c.ts.create("mem:1", { LABELS: { metric: "mem", host: "a", dc: "east" } });
  for (const [key, base] of [["cpu:1", 10], ["cpu:2", 20], ["cpu:3", 30], ["mem:1", 100]] as const) {
    for (let i = 0; i < 4; i++) await t.c.ts.add(key, 1000 + i * 10, base + i);
  }
}

describe("TS.QUERYINDEX filters", () => {
  it("matches l=v, l!=v, l=, l!=, l=(a,b) and l!=(a,b), sorted by key", async () => {
    await fleet();
    const q = (...f: string[]) => t.c.ts.queryIndex(f);
    expect(await q("metric=cpu")).toEqual(["cpu:1", "cpu:2", "cpu:3"]);
    expect(await q("metric=cpu", "host!=a")).toEqual(["cpu:2", "cpu:3"]);
    expect(await q("metric=cpu", "dc=")).toEqual(["cpu:3"]);
    expect(await q("metric=cpu", "dc!=")).toEqual(["cpu:1", "cpu:2"]);
    expect(await q("host=(a,c)")).toEqual(["cpu:1", "cpu:3", "mem:1"]);
    expect(await q("metric=(cpu,mem)", "host!=(a,b)")).toEqual(["cpu:3"]);
    expect(await q("metric=disk")).toEqual([]);
    await expect(q("host!=a")).rejects.toThrow("ERR TSDB: please provide at least one matcher");
    await expect(q("nonsense")).rejects.toThrow("ERR TSDB: failed parsing labels");
    expect(await t.c3.sendCommand(["TS.QUERYINDEX", "metric=mem"])).toEqual(["mem:1"]);
  });

  it("follows label changes in its label=value sets (ALTER, a key re-created, a label given twice)", async () => {
    await fleet();
    const q = (...f: string[]) => t.c.ts.queryIndex(f);
    await t.c.ts.alter("cpu:1", { LABELS: { metric: "gpu", host: "a" } });
    expect(await q("metric=cpu")).toEqual(["cpu:2", "cpu:3"]);
    expect(await q("metric=gpu", "host=a")).toEqual(["cpu:1"]);
    expect(await q("dc=east")).toEqual(["mem:1"]); // cpu:1 lost its dc
    await t.c.del("cpu:2");
    await t.c.ts.create("cpu:2", { LABELS: { metric: "io" } });
    expect(await q("metric=cpu")).toEqual(["cpu:3"]);
    expect(await q("host=b")).toEqual([]);
    // A series may carry a label twice (LABELS takes the pairs as given): found once through a list.
    await t.c.sendCommand(["TS.CREATE", "twice", "LABELS", "tag", "x", "tag", "y"]);
    expect(await q("tag=(x,y)")).toEqual(["twice"]);
    await t.c.del("twice");
    expect(await q("tag=(x,y)")).toEqual([]);
    // A big set and a small one: the answer is their intersection, whichever is walked.
    for (let i = 0; i < 50; i++) await t.c.ts.create(`bulk:${i}`, { LABELS: { metric: "cpu", rack: i === 7 ? "r7" : "r0" } });
    expect(await q("metric=cpu", "rack=r7")).toEqual(["bulk:7"]);
    expect(await q("rack=(r7,r9)", "metric=(cpu,mem)")).toEqual(["bulk:7"]);
  });
});

describe("TS.MGET", () => {
  it("answers each matching series's newest sample with all, some or no labels", async () => {
    await fleet();
    expect(await t.c.ts.mGet("metric=mem")).toEqual({ "mem:1": { sample: { timestamp: 1030, value: 103 } } });
    const withLabels = await t.c.ts.mGetWithLabels("host=a");
    expect(withLabels["cpu:1"]).toEqual({ labels: { metric: "cpu", host: "a", dc: "east" }, sample: { timestamp: 1030, value: 13 } });
    expect(Object.keys(withLabels)).toEqual(["cpu:1", "mem:1"]);
    expect(await t.c.sendCommand(["TS.MGET", "SELECTED_LABELS", "dc", "nope", "FILTER", "metric=cpu", "host=c"])).toEqual([["cpu:3", [["dc", null], ["nope", null]], [1030, "33"]]]);
    await expect(t.c.sendCommand(["TS.MGET", "WITHLABELS", "SELECTED_LABELS", "a", "FILTER", "metric=cpu"])).rejects.toThrow("ERR TSDB: cannot accept WITHLABELS and SELECT_LABELS together");
    const r3 = (await t.c3.sendCommand(["TS.MGET", "FILTER", "metric=mem"])) as Map<string, unknown> | Record<string, unknown>;
    const entry = r3 instanceof Map ? r3.get("mem:1") : r3["mem:1"];
    expect(entry).toEqual([expect.anything(), [1030, 103]]);
  });
});

describe("TS.MRANGE and TS.MREVRANGE", () => {
  it("ranges over every match, WITHLABELS after AGGREGATION as node-redis sends it", async () => {
    await fleet();
    const r = await t.c.ts.mRangeWithLabels("-", "+", "metric=cpu", { AGGREGATION: { type: "SUM", timeBucket: 20 } });
    expect(Object.keys(r)).toEqual(["cpu:1", "cpu:2", "cpu:3"]);
    expect(r["cpu:2"]).toEqual({ labels: { metric: "cpu", host: "b", dc: "west" }, samples: [{ timestamp: 1000, value: 41 }, { timestamp: 1020, value: 45 }] });
    const rev = await t.c.ts.mRevRange("-", "+", "host=a", { COUNT: 1 });
    expect(rev).toEqual({ "cpu:1": [{ timestamp: 1030, value: 13 }], "mem:1": [{ timestamp: 1030, value: 103 }] });
    const raw = await t.c.sendCommand(["TS.MRANGE", "1010", "1010", "FILTER", "host=b"]);
    expect(raw).toEqual([["cpu:2", [], [[1010, "21"]]]]);
  });

  it("groups by a label and reduces each group per timestamp", async () => {
    await fleet();
    const g = await t.c.ts.mRangeWithLabelsGroupBy("-", "+", "host=(a,b)", { label: "dc", REDUCE: "MAX" });
    expect(Object.keys(g)).toEqual(["dc=east", "dc=west"]);
    expect(g["dc=east"].samples[0]).toEqual({ timestamp: 1000, value: 100 });
    expect((g["dc=east"] as { sources: string[] }).sources).toEqual(["cpu:1", "mem:1"]);
    const raw = await t.c.sendCommand(["TS.MRANGE", "-", "1000", "WITHLABELS", "FILTER", "metric=cpu", "GROUPBY", "metric", "REDUCE", "sum"]);
    expect(raw).toEqual([["metric=cpu", [["metric", "cpu"], ["__reducer__", "sum"], ["__source__", "cpu:1,cpu:2,cpu:3"]], [[1000, "60"]]]]);
    const avg = await t.c.sendCommand(["TS.MREVRANGE", "-", "+", "FILTER", "metric=cpu", "GROUPBY", "metric", "REDUCE", "avg"]);
    expect(avg).toEqual([["metric=cpu", [], [[1030, "23"], [1020, "22"], [1010, "21"], [1000, "20"]]]]);
    await expect(t.c.sendCommand(["TS.MRANGE", "-", "+", "FILTER", "metric=cpu", "GROUPBY", "metric", "REDUCE", "median"])).rejects.toThrow("ERR TSDB: Invalid reducer type");
  });

  it("replies RESP3 maps with the aggregators, reducers and sources", async () => {
    await fleet();
    const r = (await t.c3.sendCommand(["TS.MRANGE", "-", "1000", "AGGREGATION", "max", "100", "FILTER", "host=c"])) as Map<string, unknown[]> | Record<string, unknown[]>;
    const entry = r instanceof Map ? r.get("cpu:3") : r["cpu:3"];
    expect(entry?.[2]).toEqual([[1000, 30]]);
    const g = await t.c3.ts.mRangeGroupBy("-", "1000", "metric=cpu", { label: "metric", REDUCE: "COUNT" });
    expect((g["metric=cpu"] as { sources: string[] }).sources).toEqual(["cpu:1", "cpu:2", "cpu:3"]);
    expect(g["metric=cpu"].samples).toEqual([{ timestamp: 1000, value: 3 }]);
  });
});

describe("the index stays exact", () => {
  const q = () => t.c.ts.queryIndex("k=v");

  it("under DEL, RENAME, COPY, MOVE, RESTORE and FLUSHDB", async () => {
    await t.c.ts.create("x", { LABELS: { k: "v" } });
    await t.c.ts.create("y", { LABELS: { k: "v" } });
    await t.c.del("y");
    expect(await q()).toEqual(["x"]);
    await t.c.rename("x", "x2");
    expect(await q()).toEqual(["x2"]);
    await t.c.copy("x2", "x3");
    expect(await q()).toEqual(["x2", "x3"]);
    const dump = await t.c.sendCommand(["DUMP", "x3"], { typeMapping: { 36: Buffer } } as never);
    await t.c.del("x3");
    expect(await q()).toEqual(["x2"]);
    await t.c.sendCommand(["RESTORE", "x4", "0", dump as unknown as string]);
    expect(await q()).toEqual(["x2", "x4"]);
    await t.c.move("x4", 1);
    expect(await q()).toEqual(["x2"]);
    const other = t.server.client({ db: 1 });
    expect(await other.call("TS.QUERYINDEX", "k=v")).toEqual(["x4"]);
    await t.c.set("x2", "now a string");
    expect(await q()).toEqual([]);
    await t.c.ts.create("z", { LABELS: { k: "v" } });
    await t.c.flushDb();
    expect(await q()).toEqual([]);
    expect(await other.call("TS.QUERYINDEX", "k=v")).toEqual(["x4"]);
  });

  it("under SWAPDB and FLUSHALL, inside EXEC too (host API 1.7 database events)", async () => {
    const db1 = t.server.client({ db: 1 });
    const q1 = () => db1.call("TS.QUERYINDEX", "k=v");
    await t.c.ts.create("a", { LABELS: { k: "v" } });
    await db1.call("TS.CREATE", "b", "LABELS", "k", "v");
    await t.c.swapDb(0, 1);
    expect(await q()).toEqual(["b"]);
    expect(await q1()).toEqual(["a"]);
    expect(Object.keys(await t.c.ts.mGet("k=v"))).toEqual(["b"]);
    // The swap reaches the index before the next command of the same transaction writes.
    const [, created] = await t.c.multi().swapDb(0, 1).ts.create("c", { LABELS: { k: "v" } }).exec();
    expect(created).toBe("OK");
    expect(await q()).toEqual(["a", "c"]);
    expect(await q1()).toEqual(["b"]);
    await t.c.sendCommand(["FLUSHALL", "ASYNC"]);
    expect(await q()).toEqual([]);
    expect(await q1()).toEqual([]);
    await db1.call("TS.CREATE", "d", "LABELS", "k", "v");
    await t.c.swapDb(1, 0);
    expect(await q()).toEqual(["d"]);
    expect(await q1()).toEqual([]);
  });

  it("under expiry", async () => {
    await t.c.ts.create("e", { LABELS: { k: "v" } });
    await t.c.pExpire("e", 20);
    await new Promise((ok) => setTimeout(ok, 60));
    expect(await q()).toEqual([]);
    expect(await t.c.ts.mGet("k=v")).toEqual({});
  });
});

describe("the platform's type services", () => {
  it("DUMP/RESTORE and COPY carry samples, settings and labels; MEMORY USAGE is the running figure", async () => {
    await t.c.ts.create("orig", { RETENTION: 0, CHUNK_SIZE: 64, DUPLICATE_POLICY: "SUM", LABELS: { a: "1" } });
    for (let i = 0; i < 200; i++) await t.c.ts.add("orig", i * 1000, i % 7);
    const dump = await t.c.sendCommand(["DUMP", "orig"], { typeMapping: { 36: Buffer } } as never);
    await t.c.sendCommand(["RESTORE", "back", "0", dump as unknown as string]);
    await t.c.copy("orig", "copied");
    for (const key of ["back", "copied"]) {
      expect(await t.c.ts.range(key, "-", "+")).toEqual(await t.c.ts.range("orig", "-", "+"));
      const info = await t.info(key);
      expect(info).toMatchObject({ chunkSize: 64, duplicatePolicy: "sum", labels: [{ name: "a", value: "1" }], totalSamples: 200 });
    }
    await t.c.ts.add("copied", 0, 1);
    expect((await t.c.ts.range("orig", 0, 0))[0].value).toBe(0);
    const usage = Number(await t.c.sendCommand(["MEMORY", "USAGE", "orig"]));
    expect(usage).toBeGreaterThan(200);
    expect(usage).toBeLessThan(200 * 16);
    expect(usage).toBeGreaterThanOrEqual((await t.info("orig")).memoryUsage);
    await expect(t.c.sendCommand(["RESTORE", "bad", "0", "garbage"])).rejects.toThrow(/payload/);
  });
});
