// ts-compaction-policy (host API 1.9: the plugin reads the string config with config_string and checks
// it at CONFIG SET with ferrite_config_check): RedisTimeSeries's grammar and canonical form, its refusal
// text, and the destination series and rules it gives a series TS.ADD, TS.INCRBY or TS.DECRBY creates,
// through node-redis's @redis/time-series and redis-py's ts() unmodified.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { errorOf } from "../../../test/helpers/server.js";
import { useTsClients } from "./clients.js";

const t = useTsClients();

async function withPolicy(policy: string, body: () => Promise<void>): Promise<void> {
  await t.c.configSet("ts-compaction-policy", policy);
  try {
    await body();
  } finally {
    await t.c.configSet("ts-compaction-policy", "");
  }
}

describe("CONFIG SET / GET", () => {
  it("takes RedisTimeSeries's grammar and answers its canonical form", async () => {
    const cases: [string, string][] = [
      ["avg:1m:1h", "avg:1m:1h"],
      ["AVG:60000m:1h", "avg:1M:1h"],
      ["max:1M:0;min:10s:5d:10d", "max:1M:0d;min:10s:5d:10d"],
      [";sum:2h:10d;;last:5M:10m:0;", "sum:2h:10d;last:5M:10m"],
      ["std.p:1d:100d;twa:90s:1h;countnan:1h:1d", "std.p:1d:100d;twa:90s:1h;countnan:1h:1d"],
    ];
    for (const [given, canonical] of cases) {
      expect(await t.c.configSet("ts-compaction-policy", given)).toBe("OK");
      expect(await t.c.configGet("ts-compaction-policy")).toEqual({ "ts-compaction-policy": canonical });
    }
    await t.c.configSet("ts-compaction-policy", "");
    expect(await t.c.configGet("ts-compaction-policy")).toEqual({ "ts-compaction-policy": "" });
  });

  it("refuses what RedisTimeSeries refuses, with its text, and keeps the policy in force", async () => {
    await withPolicy("avg:1M:1h", async () => {
      for (const bad of ["avg:1m", "avg:1m:1h:1s:1s", "mean:1m:1h", "avg:0m:1h", "avg:0:1h", "avg:10:1h", "avg:1x:1h", "avg:1mm:1h", "avg:-1m:1h", "avg::"]) {
        expect(await errorOf(t.server.r.config("SET", "ts-compaction-policy", bad))).toBe(
          `ERR CONFIG SET failed (possibly related to argument 'ts-compaction-policy') - Invalid compaction policy: ${bad}`,
        );
      }
      // All or nothing: a refused value in one CONFIG SET changes none of its configs.
      await expect(t.server.r.config("SET", "ts-retention-policy", "5", "ts-compaction-policy", "bad")).rejects.toThrow(/Invalid compaction policy/);
      expect(await t.c.configGet("ts-*-policy")).toEqual(expect.objectContaining({ "ts-compaction-policy": "avg:1M:1h", "ts-retention-policy": "0" }));
      await t.c.ts.add("kept", 1, 1);
      expect((await t.info("kept")).rules).toEqual([{ key: "kept_AVG_60000", timeBucket: 60000, aggregationType: "AVG" }]);
    });
  });
});

describe("series created by TS.ADD, TS.INCRBY and TS.DECRBY", () => {
  it("get a destination per rule, with the source's labels, and compact into it", async () => {
    await withPolicy("sum:10m:1h;max:10m:0:5m", async () => {
      await t.c.ts.add("temp", 1, 1, { LABELS: { room: "a" }, RETENTION: 99 });
      const info = await t.info("temp");
      expect(info.rules).toEqual([
        { key: "temp_SUM_10", timeBucket: 10, aggregationType: "SUM" },
        { key: "temp_MAX_10_5", timeBucket: 10, aggregationType: "MAX" },
      ]);
      expect(info.retentionTime).toBe(99);
      const sum = await t.info("temp_SUM_10");
      expect(sum.sourceKey).toBe("temp");
      expect(sum.retentionTime).toBe(3600000);
      expect(sum.labels).toEqual([{ name: "room", value: "a" }, { name: "aggregation", value: "SUM" }, { name: "time_bucket", value: "10" }]);
      expect((await t.info("temp_MAX_10_5")).retentionTime).toBe(0);
      for (const ts of [4, 7, 12, 16, 25]) await t.c.ts.add("temp", ts, ts);
      expect(await t.c.ts.range("temp_SUM_10", "-", "+")).toEqual([{ timestamp: 0, value: 12 }, { timestamp: 10, value: 28 }]);
      const resp2 = (await t.c.sendCommand(["TS.INFO", "temp"])) as unknown[];
      expect(resp2[resp2.indexOf("rules") + 1]).toEqual([["temp_SUM_10", 10, "SUM", 0], ["temp_MAX_10_5", 10, "MAX", 5]]);
      expect(await t.c.ts.queryIndex("aggregation=SUM")).toEqual(["temp_SUM_10"]);
      expect(await t.c.ts.incrBy("counter", 2, { TIMESTAMP: 1 })).toBe(1);
      expect(await t.c.ts.decrBy("down", 2, { TIMESTAMP: 1 })).toBe(1);
      expect((await t.c.keys("*_SUM_10")).sort()).toEqual(["counter_SUM_10", "down_SUM_10", "temp_SUM_10"]);
    });
  });

  it("are the only ones: TS.CREATE, TS.MADD and an existing series get no rules, and a taken name is skipped", async () => {
    await t.c.ts.create("made");
    await t.c.set("taken_SUM_10", "not a series");
    await withPolicy("sum:10m:1h;avg:20m:1h", async () => {
      await t.c.ts.create("created");
      await t.c.ts.add("made", 1, 1);
      await t.c.ts.mAdd([{ key: "made", timestamp: 2, value: 2 }]);
      expect((await t.info("created")).rules).toEqual([]);
      expect((await t.info("made")).rules).toEqual([]);
      await t.c.ts.add("taken", 1, 1);
      expect((await t.info("taken")).rules).toEqual([{ key: "taken_AVG_20", timeBucket: 20, aggregationType: "AVG" }]);
      expect(await t.c.get("taken_SUM_10")).toBe("not a series");
    });
  });

  it("follow a policy changed by CONFIG SET from the next series on", async () => {
    await withPolicy("min:5m:0", async () => {
      await t.c.ts.add("first", 1, 1);
      await t.c.configSet("ts-compaction-policy", "max:7m:0");
      await t.c.ts.add("second", 1, 1);
      expect((await t.info("first")).rules.map((r) => r.key)).toEqual(["first_MIN_5"]);
      expect((await t.info("second")).rules.map((r) => r.key)).toEqual(["second_MAX_7"]);
    });
  });

  it("serve redis-py's ts() client unmodified", async () => {
    await withPolicy("avg:10m:1h", async () => {
      const script = [
        "import json, sys, redis",
        "r = redis.Redis(port=int(sys.argv[1]), decode_responses=True)",
        "ts = r.ts()",
        "for t in (1, 5, 12): ts.add('py', t, t * 2, labels={'k': 'v'})",
        "info = ts.info('py')",
        "print(json.dumps({'rules': info.rules, 'range': ts.range('py_AVG_10', '-', '+'), 'source': ts.info('py_AVG_10').source_key}))",
      ].join("\n");
      const { stdout } = await promisify(execFile)("/usr/bin/python3", ["-c", script, String(t.server.port)]);
      expect(JSON.parse(stdout)).toEqual({ rules: [["py_AVG_10", 10, "AVG", 0]], range: [[0, 6]], source: "py" });
    });
  });
});
