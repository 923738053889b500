// The series model through node-redis's time series client: creating, adding (in and out of order,
// duplicate policies, retention, IGNORE, NaN), counters, deleting, TS.GET and TS.INFO, and RedisTimeSeries's
// error texts for bad input (which changes nothing).
import { describe, expect, it } from "vitest";
import { useTsClients } from "./clients.js";

const t = useTsClients();

describe("TS.CREATE, TS.ADD, TS.GET, TS.INFO", () => {
  it("creates a series with its options and reports them in TS.INFO", async () => {
    expect(await t.c.ts.create("s", { RETENTION: 5000, CHUNK_SIZE: 128, DUPLICATE_POLICY: "MAX", LABELS: { room: "a", kind: "t" } })).toBe("OK");
    const info = await t.info("s");
    expect(info).toMatchObject({ totalSamples: 0, retentionTime: 5000, chunkSize: 128, chunkType: "compressed", duplicatePolicy: "max", chunkCount: 0, sourceKey: null });
    expect(info.labels).toEqual([{ name: "room", value: "a" }, { name: "kind", value: "t" }]);
    expect(await t.c.type("s")).toBe("TSDB-TYPE");
    await expect(t.c.ts.create("s")).rejects.toThrow("ERR TSDB: key already exists");
  });

  it("appends, reads the newest sample and auto-creates with TS.ADD's create options", async () => {
    expect(await t.c.ts.add("a", 1000, 1.5, { LABELS: { x: "1" }, ENCODING: "UNCOMPRESSED" })).toBe(1000);
    expect(await t.c.ts.add("a", 2000, 2.25)).toBe(2000);
    expect(await t.c.ts.get("a")).toEqual({ timestamp: 2000, value: 2.25 });
    expect((await t.info("a")).chunkType).toBe("uncompressed");
    expect(await t.c.sendCommand(["OBJECT", "ENCODING", "a"])).toBe("uncompressed");
    await t.c.ts.create("empty");
    expect(await t.c.ts.get("empty")).toBeNull();
    expect(await t.c.sendCommand(["TS.GET", "empty"])).toEqual([]);
  });

  it("stamps * with the server clock", async () => {
    const before = Date.now();
    const ts = await t.c.ts.add("now", "*", 1);
    expect(ts).toBeGreaterThanOrEqual(before - 1000);
    expect(ts).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it("inserts out of order and applies duplicate policies (series, ON_DUPLICATE override)", async () => {
    await t.c.ts.create("d");
    for (const ts of [10, 30, 20]) await t.c.ts.add("d", ts, ts);
    expect(await t.c.ts.range("d", "-", "+")).toEqual([{ timestamp: 10, value: 10 }, { timestamp: 20, value: 20 }, { timestamp: 30, value: 30 }]);
    await expect(t.c.ts.add("d", 20, 5)).rejects.toThrow("ERR TSDB: Error at upsert, update is not supported when DUPLICATE_POLICY is set to BLOCK mode");
    expect(await t.c.ts.add("d", 20, 5, { ON_DUPLICATE: "SUM" })).toBe(20);
    expect(await t.c.ts.add("d", 20, 100, { ON_DUPLICATE: "MIN" })).toBe(20);
    expect(await t.c.ts.add("d", 30, 1, { ON_DUPLICATE: "LAST" })).toBe(30);
    expect(await t.c.ts.range("d", "-", "+")).toEqual([{ timestamp: 10, value: 10 }, { timestamp: 20, value: 25 }, { timestamp: 30, value: 1 }]);
    expect(await t.c.ts.get("d")).toEqual({ timestamp: 30, value: 1 });
    await t.c.ts.alter("d", { DUPLICATE_POLICY: "FIRST" });
    await t.c.ts.add("d", 10, 99);
    expect((await t.c.ts.range("d", 10, 10))[0].value).toBe(10);
  });

  it("refuses a NaN duplicate under MIN, MAX and SUM (no order or sum to keep), with RedisTimeSeries's one text", async () => {
    const blocked = "ERR TSDB: Error at upsert, update is not supported when DUPLICATE_POLICY is set to BLOCK mode, or either current or new value is NaN and DUPLICATE_POLICY is MAX/MIN/SUM";
    await t.c.sendCommand(["TS.ADD", "nd", "10", "1"]);
    await t.c.sendCommand(["TS.ADD", "nd", "20", "NaN"]);
    for (const policy of ["MIN", "MAX", "SUM"]) {
      await expect(t.c.sendCommand(["TS.ADD", "nd", "10", "NaN", "ON_DUPLICATE", policy])).rejects.toThrow(blocked); // new value NaN
      await expect(t.c.sendCommand(["TS.ADD", "nd", "20", "5", "ON_DUPLICATE", policy])).rejects.toThrow(blocked); // the newest, NaN
    }
    await expect(t.c.sendCommand(["TS.ADD", "nd", "10", "2"])).rejects.toThrow(blocked); // BLOCK: the same text
    expect(await t.c.sendCommand(["TS.ADD", "nd", "20", "5", "ON_DUPLICATE", "LAST"])).toBe(20);
    expect(await t.c.sendCommand(["TS.ADD", "nd", "10", "NaN", "ON_DUPLICATE", "FIRST"])).toBe(10);
    expect(await t.c.sendCommand(["TS.RANGE", "nd", "-", "+"])).toEqual([[10, "1"], [20, "5"]]);
  });

  it("keeps out-of-order samples across many chunks in order", async () => {
    await t.c.ts.create("many", { CHUNK_SIZE: 48 });
    const stamps = Array.from({ length: 300 }, (_, i) => (i * 7919) % 300);
    for (const ts of stamps) await t.c.ts.add("many", ts, ts / 2);
    const all = await t.c.ts.range("many", "-", "+");
    expect(all.map((s) => s.timestamp)).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(all.every((s) => s.value === s.timestamp / 2)).toBe(true);
    expect((await t.info("many")).chunkCount).toBeGreaterThan(5);
  });

  it("refuses samples older than retention and trims at the boundary", async () => {
    await t.c.ts.create("r", { RETENTION: 100, CHUNK_SIZE: 48 });
    for (let ts = 0; ts <= 1000; ts += 10) await t.c.ts.add("r", ts, ts);
    await expect(t.c.ts.add("r", 899, 1)).rejects.toThrow("ERR TSDB: Timestamp is older than retention");
    expect(await t.c.ts.add("r", 900, 1, { ON_DUPLICATE: "LAST" })).toBe(900);
    const kept = await t.c.ts.range("r", "-", "+");
    expect(kept[0]).toEqual({ timestamp: 900, value: 1 });
    expect(kept.length).toBe(11);
    const info = await t.info("r");
    expect(info.firstTimestamp).toBe(900);
    expect(info.totalSamples).toBe(11);
  });

  it("ignores a sample too close to the newest under IGNORE with policy LAST", async () => {
    await t.c.ts.create("ig", { DUPLICATE_POLICY: "LAST", IGNORE: { maxTimeDiff: 10, maxValDiff: 0.5 } });
    await t.c.ts.add("ig", 100, 1);
    expect(await t.c.ts.add("ig", 105, 1.2)).toBe(100);
    expect(await t.c.ts.add("ig", 120, 1.2)).toBe(120);
    expect(await t.c.ts.add("ig", 125, 5)).toBe(125);
    expect((await t.c.ts.range("ig", "-", "+")).map((s) => s.timestamp)).toEqual([100, 120, 125]);
    const info = await t.info("ig");
    expect(info.ignoreMaxTimeDiff).toBe(10);
    expect(info.ignoreMaxValDiff).toBe(0.5);
  });

  it("stores NaN samples", async () => {
    await t.c.sendCommand(["TS.ADD", "n", "1", "NaN"]);
    expect(await t.c.sendCommand(["TS.RANGE", "n", "-", "+"])).toEqual([[1, "nan"]]);
    await expect(t.c.sendCommand(["TS.INCRBY", "n", "1", "TIMESTAMP", "2"])).rejects.toThrow(/^ERR TSDB: cannot increment\/decrement NaN value$/);
    expect(await t.c.sendCommand(["TS.RANGE", "n", "-", "+"])).toEqual([[1, "nan"]]);
  });
});

describe("TS.MADD, TS.INCRBY, TS.DECRBY, TS.DEL, TS.ALTER", () => {
  it("adds to several series and answers an error per failed sample", async () => {
    await t.c.ts.create("m1");
    await t.c.ts.create("m2", { DUPLICATE_POLICY: "BLOCK" });
    await t.c.ts.add("m2", 5, 1);
    const reply = await t.c.sendCommand(["TS.MADD", "m1", "1", "10", "m2", "5", "2", "nope", "1", "1", "m1", "2", "x"]);
    expect(reply).toEqual([
      1,
      expect.objectContaining({ message: expect.stringContaining("Error at upsert") }),
      expect.objectContaining({ message: "ERR TSDB: the key does not exist" }),
      expect.objectContaining({ message: "ERR TSDB: invalid value" }),
    ]);
    expect(await t.c.ts.mAdd([{ key: "m1", timestamp: 3, value: 3 }])).toEqual([3]);
    await expect(t.c.sendCommand(["TS.MADD", "m1", "1"])).rejects.toThrow("ERR wrong number of arguments for 'ts.madd' command");
  });

  it("counts up and down from the newest value", async () => {
    expect(await t.c.ts.incrBy("cnt", 5, { TIMESTAMP: 100, LABELS: { k: "v" } })).toBe(100);
    expect(await t.c.ts.incrBy("cnt", 2, { TIMESTAMP: 100 })).toBe(100);
    expect(await t.c.ts.decrBy("cnt", 10, { TIMESTAMP: 200 })).toBe(200);
    expect(await t.c.ts.range("cnt", "-", "+")).toEqual([{ timestamp: 100, value: 7 }, { timestamp: 200, value: -3 }]);
    await expect(t.c.ts.incrBy("cnt", 1, { TIMESTAMP: 150 })).rejects.toThrow(/^TSDB: timestamp must be equal to or higher than the maximum existing timestamp$/); // bare, as there
    await expect(t.c.sendCommand(["TS.INCRBY", "cnt", "x"])).rejects.toThrow("ERR TSDB: invalid increase/decrease value");
    await expect(t.c.sendCommand(["TS.INCRBY", "fresh", "x"])).rejects.toThrow("ERR TSDB: invalid increase/decrease value");
    expect(await t.c.exists("fresh")).toBe(0);
  });

  it("deletes a span of samples across chunks", async () => {
    await t.c.ts.create("del", { CHUNK_SIZE: 48 });
    for (let ts = 1; ts <= 100; ts++) await t.c.ts.add("del", ts, ts);
    expect(await t.c.ts.del("del", 20, 79)).toBe(60);
    const left = await t.c.ts.range("del", "-", "+");
    expect(left.length).toBe(40);
    expect(left[18]).toEqual({ timestamp: 19, value: 19 });
    expect(left[19]).toEqual({ timestamp: 80, value: 80 });
    expect(await t.c.ts.del("del", 0, 1000)).toBe(40);
    expect(await t.c.ts.get("del")).toBeNull();
    expect((await t.info("del")).totalSamples).toBe(0);
    expect(await t.c.ts.add("del", 5, 5)).toBe(5);
  });

  it("alters retention, duplicate policy and labels (LABELS alone drops them)", async () => {
    await t.c.ts.create("al", { LABELS: { a: "1" } });
    await t.c.ts.alter("al", { RETENTION: 10, LABELS: { b: "2", c: "3" } });
    let info = await t.info("al");
    expect(info.retentionTime).toBe(10);
    expect(info.labels).toEqual([{ name: "b", value: "2" }, { name: "c", value: "3" }]);
    expect(await t.c.ts.queryIndex("b=2")).toEqual(["al"]);
    expect(await t.c.ts.queryIndex("a=1")).toEqual([]);
    await t.c.sendCommand(["TS.ALTER", "al", "LABELS"]);
    info = await t.info("al");
    expect(info.labels).toEqual([]);
    expect(await t.c.ts.queryIndex("b=2")).toEqual([]);
  });
});

describe("bad input", () => {
  it("answers RedisTimeSeries's errors and keeps the series as it was", async () => {
    await t.c.ts.add("e", 10, 1);
    const errors: [string[], string][] = [
      [["TS.ADD", "e", "-1", "1"], "ERR TSDB: invalid timestamp, must be a nonnegative integer"],
      [["TS.ADD", "e", "x", "1"], "ERR TSDB: invalid timestamp"],
      [["TS.ADD", "e", "1", "inf"], "ERR TSDB: invalid value"],
      [["TS.CREATE", "e2", "RETENTION", "x"], "ERR TSDB: Couldn't parse RETENTION"],
      [["TS.CREATE", "e2", "CHUNK_SIZE", "47"], "ERR TSDB: CHUNK_SIZE value must be a multiple of 8 in the range [48 .. 1048576]"],
      [["TS.CREATE", "e2", "CHUNK_SIZE", "x"], "ERR TSDB: Couldn't parse CHUNK_SIZE"],
      [["TS.CREATE", "e2", "ENCODING", "zip"], "ERR TSDB: unknown ENCODING parameter"],
      [["TS.CREATE", "e2", "DUPLICATE_POLICY", "most"], "ERR TSDB: Unknown DUPLICATE_POLICY"],
      [["TS.CREATE", "e2", "LABELS", "a", ""], "ERR TSDB: Couldn't parse LABELS"],
      [["TS.CREATE", "e2", "LABELS", "a", "(x)"], "ERR TSDB: Couldn't parse LABELS"],
      [["TS.CREATE", "e2", "IGNORE", "-1", "1"], "ERR TSDB: IGNORE arguments cannot be negative"],
      [["TS.ADD", "e", "5", "1", "ON_DUPLICATE", "sometimes"], "ERR TSDB: Unknown DUPLICATE_POLICY"],
      [["TS.GET", "nope"], "ERR TSDB: the key does not exist"],
      [["TS.GET", "nope", "EARLIEST"], "ERR TSDB: the key does not exist"],
      [["TS.GET", "e", "EARLIEST"], "ERR TSDB: wrong 3rd argument"],
      [["TS.INFO", "nope"], "ERR TSDB: the key does not exist"],
      [["TS.ALTER", "nope"], "ERR TSDB: the key does not exist"],
      [["TS.DEL", "e", "x", "5"], "ERR TSDB: wrong fromTimestamp"],
      [["TS.ADD"], "ERR wrong number of arguments for 'ts.add' command"],
    ];
    for (const [args, text] of errors) await expect(t.c.sendCommand(args), args.join(" ")).rejects.toThrow(text);
    // RedisTimeSeries replies a negative retention without its ERR (RedisModule_ReplyWithError directly).
    await expect(t.c.sendCommand(["TS.CREATE", "e2", "RETENTION", "-5"])).rejects.toThrow(/^TSDB: Couldn't parse RETENTION$/);
    expect(await t.c.exists("e2")).toBe(0);
    expect(await t.c.ts.range("e", "-", "+")).toEqual([{ timestamp: 10, value: 1 }]);
    await t.c.set("str", "x");
    await expect(t.c.ts.add("str", 1, 1)).rejects.toThrow("ERR TSDB: the key is not a TSDB key");
    // GetSeries's WRONGTYPE goes through RedisTimeSeries's ERR prefix, as does TS.INCRBY's.
    await expect(t.c.ts.range("str", "-", "+")).rejects.toThrow(/^ERR WRONGTYPE Operation against a key holding the wrong kind of value$/);
    await expect(t.c.ts.incrBy("str", 1)).rejects.toThrow(/^ERR WRONGTYPE/);
    await expect(t.c.get("e")).rejects.toThrow(/^WRONGTYPE/);
  });
});

describe("RESP3", () => {
  it("replies TS.INFO as a map and values as doubles", async () => {
    await t.c.ts.add("r3", 1, 2.5, { LABELS: { a: "b" } });
    const raw = (await t.c3.sendCommand(["TS.INFO", "r3"])) as Map<string, unknown> | Record<string, unknown>;
    const get = (k: string) => (raw instanceof Map ? raw.get(k) : raw[k]);
    expect(get("totalSamples")).toBe(1);
    expect(await t.c3.sendCommand(["TS.GET", "r3"])).toEqual([1, 2.5]);
    expect(await t.c3.ts.range("r3", "-", "+")).toEqual([{ timestamp: 1, value: 2.5 }]);
  });
});

describe("the newest sample rewritten in place", () => {
  it("keeps every chunk decodable when TS.ADD repeats the newest timestamp (both encodings)", async () => {
    for (const encoding of ["COMPRESSED", "UNCOMPRESSED"] as const) {
      const key = `head-${encoding}`;
      await t.c.ts.create(key, { ENCODING: encoding, DUPLICATE_POLICY: "LAST", CHUNK_SIZE: 64 });
      const want: { timestamp: number; value: number }[] = [];
      for (let ts = 0; ts < 60; ts += 3) {
        for (const v of [ts * 1.5, -ts, 1e300, 0.1]) await t.c.ts.add(key, ts, v);
        want.push({ timestamp: ts, value: 0.1 });
      }
      await t.c.ts.add(key, 57, 2, { ON_DUPLICATE: "SUM" });
      want[want.length - 1].value = 2.1;
      expect(await t.c.ts.range(key, "-", "+")).toEqual(want);
      const dump = await t.c.sendCommand(["DUMP", key], { typeMapping: { 36: Buffer } } as never);
      await t.c.sendCommand(["RESTORE", `${key}-back`, "0", dump as unknown as string]);
      await t.c.ts.add(`${key}-back`, 57, 5);
      expect((await t.c.ts.range(`${key}-back`, 54, "+")).map((s) => s.value)).toEqual([0.1, 5]);
    }
  });
});
