// Compaction rules through node-redis: downsampling as samples arrive, several rules on one source,
// LATEST's open bucket, recomputation when the source's past changes, RENAME of either end, and the
// checks TS.CREATERULE makes.
import { describe, expect, it } from "vitest";
import { useTsClients } from "./clients.js";

const t = useTsClients();

async function sourceWithRule(agg = "SUM", bucket = 10, align?: number): Promise<void> {
  await t.c.ts.create("src");
  await t.c.ts.create("dst");
  expect(await t.c.ts.createRule("src", "dst", agg as "SUM", bucket, align)).toBe("OK");
}

describe("TS.CREATERULE", () => {
  it("writes each bucket to the destination when a later sample closes it", async () => {
    await sourceWithRule();
    for (const ts of [1, 5, 11, 15, 21]) await t.c.ts.add("src", ts, ts);
    expect(await t.c.ts.range("dst", "-", "+")).toEqual([{ timestamp: 0, value: 6 }, { timestamp: 10, value: 26 }]);
    const info = await t.info("src");
    expect(info.rules).toEqual([{ key: "dst", timeBucket: 10, aggregationType: "SUM" }]);
    expect((await t.info("dst")).sourceKey).toBe("src");
    // RESP2: [destination, bucket, aggregator, alignment]; RESP3: destination → [bucket, aggregator, alignment].
    const resp2 = (await t.c.sendCommand(["TS.INFO", "src"])) as unknown[];
    expect(resp2[resp2.indexOf("rules") + 1]).toEqual([["dst", 10, "SUM", 0]]);
    const resp3 = (await t.c3.sendCommand(["TS.INFO", "src"])) as Map<string, unknown> | Record<string, unknown>;
    const rules = resp3 instanceof Map ? resp3.get("rules") : resp3.rules;
    expect(rules instanceof Map ? Object.fromEntries(rules) : rules).toEqual({ dst: [10, "SUM", 0] });
  });

  it("reports the open bucket with LATEST (TS.GET, TS.RANGE)", async () => {
    await sourceWithRule("MAX");
    for (const ts of [1, 12, 14]) await t.c.ts.add("src", ts, ts * 2);
    expect(await t.c.ts.get("dst")).toEqual({ timestamp: 0, value: 2 });
    expect(await t.c.ts.get("dst", { LATEST: true })).toEqual({ timestamp: 10, value: 28 });
    expect(await t.c.ts.range("dst", "-", "+", { LATEST: true })).toEqual([{ timestamp: 0, value: 2 }, { timestamp: 10, value: 28 }]);
    expect(await t.c.ts.range("dst", "-", "+")).toEqual([{ timestamp: 0, value: 2 }]);
  });

  it("aligns a rule's buckets and keeps several rules on one source", async () => {
    await t.c.ts.create("src");
    await t.c.ts.create("avg5");
    await t.c.ts.create("cnt");
    await t.c.ts.createRule("src", "avg5", "AVG", 10, 5);
    await t.c.ts.createRule("src", "cnt", "COUNT", 20);
    for (const ts of [4, 6, 9, 16, 26, 45]) await t.c.ts.add("src", ts, ts);
    expect(await t.c.ts.range("avg5", "-", "+")).toEqual([{ timestamp: 0, value: 4 }, { timestamp: 5, value: 7.5 }, { timestamp: 15, value: 16 }, { timestamp: 25, value: 26 }]);
    expect(await t.c.ts.range("cnt", "-", "+")).toEqual([{ timestamp: 0, value: 4 }, { timestamp: 20, value: 1 }]);
  });

  it("recomputes a closed bucket when the source's past changes (out-of-order add, TS.DEL)", async () => {
    await sourceWithRule();
    for (const ts of [1, 5, 11, 21]) await t.c.ts.add("src", ts, ts);
    await t.c.ts.add("src", 3, 100);
    expect(await t.c.ts.range("dst", "-", "+")).toEqual([{ timestamp: 0, value: 106 }, { timestamp: 10, value: 11 }]);
    expect(await t.c.ts.del("src", 10, 19)).toBe(1);
    expect(await t.c.ts.range("dst", "-", "+")).toEqual([{ timestamp: 0, value: 106 }]);
    await t.c.ts.add("src", 22, 1);
    expect(await t.c.ts.get("dst", { LATEST: true })).toEqual({ timestamp: 20, value: 22 });
  });

  it("refuses what RedisTimeSeries refuses: chains, self rules, duplicates", async () => {
    await sourceWithRule();
    await t.c.ts.create("third");
    await expect(t.c.ts.createRule("dst", "third", "SUM", 10)).rejects.toThrow("ERR TSDB: the source key already has a source rule");
    await expect(t.c.ts.createRule("third", "src", "SUM", 10)).rejects.toThrow("ERR TSDB: the destination key already has a dst rule");
    await expect(t.c.ts.createRule("third", "dst", "SUM", 10)).rejects.toThrow("ERR TSDB: the destination key already has a src rule");
    await expect(t.c.ts.createRule("src", "src", "SUM", 10)).rejects.toThrow("ERR TSDB: the source key and destination key should be different");
    await expect(t.c.sendCommand(["TS.CREATERULE", "src", "third", "AGGREGATION", "median", "10"])).rejects.toThrow("ERR TSDB: Unknown aggregation type");
    await expect(t.c.sendCommand(["TS.CREATERULE", "src", "third", "AGGREGATION", "sum", "0"])).rejects.toThrow("ERR TSDB: bucketDuration must be greater than zero");
    await expect(t.c.sendCommand(["TS.CREATERULE", "src", "nope", "AGGREGATION", "sum", "10"])).rejects.toThrow("ERR TSDB: the key does not exist");
    expect((await t.info("src")).rules.length).toBe(1);
  });
});

describe("TS.DELETERULE and the rule's ends going away", () => {
  it("deletes a rule and clears the destination's source", async () => {
    await sourceWithRule();
    expect(await t.c.ts.deleteRule("src", "dst")).toBe("OK");
    expect((await t.info("src")).rules).toEqual([]);
    expect((await t.info("dst")).sourceKey).toBeNull();
    await expect(t.c.ts.deleteRule("src", "dst")).rejects.toThrow("ERR TSDB: compaction rule does not exist");
  });

  it("drops a rule whose destination was deleted when it next fires", async () => {
    await sourceWithRule();
    await t.c.ts.add("src", 1, 1);
    await t.c.del("dst");
    await t.c.ts.add("src", 11, 1);
    expect((await t.info("src")).rules).toEqual([]);
    expect(await t.c.exists("dst")).toBe(0);
  });

  it("follows RENAME of the source and of the destination", async () => {
    await sourceWithRule();
    await t.c.ts.add("src", 1, 1);
    await t.c.rename("src", "src2");
    await t.c.rename("dst", "dst2");
    expect((await t.info("dst2")).sourceKey).toBe("src2");
    expect((await t.info("src2")).rules).toEqual([{ key: "dst2", timeBucket: 10, aggregationType: "SUM" }]);
    await t.c.ts.add("src2", 11, 1);
    expect(await t.c.ts.range("dst2", "-", "+")).toEqual([{ timestamp: 0, value: 1 }]);
  });
});
