// What the time series type gets from the platform: its configs (RedisTimeSeries's ts-* names), its
// keyspace events, its ACL category, OBJECT ENCODING and TS.INFO DEBUG's chunk figures.
import { describe, expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";

const server = useServer([], { flush: true });

describe("configs", () => {
  it("take ts-* defaults for new series and answer CONFIG GET", async () => {
    const r = server.r;
    expect(await r.config("GET", "ts-*")).toEqual(expect.arrayContaining(["ts-chunk-size-bytes", "4096", "ts-duplicate-policy", "block", "ts-encoding", "compressed"]));
    await r.config("SET", "ts-chunk-size-bytes", "256", "ts-duplicate-policy", "sum", "ts-retention-policy", "1000", "ts-encoding", "uncompressed");
    try {
      await r.call("TS.ADD", "c", "5", "1");
      await r.call("TS.ADD", "c", "5", "2");
      expect(await r.call("TS.GET", "c")).toEqual([5, "3"]);
      const info = (await r.call("TS.INFO", "c")) as unknown[];
      expect(info.slice(8, 16)).toEqual(["retentionTime", 1000, "chunkCount", 1, "chunkSize", 256, "chunkType", "uncompressed"]);
      expect(info[17]).toBeNull(); // the series has no policy of its own: the config's applies
      await expect(r.config("SET", "ts-chunk-size-bytes", "8")).rejects.toThrow(/ts-chunk-size-bytes/);
    } finally {
      await r.config("SET", "ts-chunk-size-bytes", "4096", "ts-duplicate-policy", "block", "ts-retention-policy", "0", "ts-encoding", "compressed");
    }
  });

  it("ts-ignore-max-time-diff and ts-ignore-max-val-diff (a float) are a new series's IGNORE, under LAST only", async () => {
    const r = server.r;
    expect(await r.config("GET", "ts-ignore-max-*")).toEqual(expect.arrayContaining(["ts-ignore-max-val-diff", "0", "ts-ignore-max-time-diff", "0"]));
    await r.config("SET", "ts-ignore-max-time-diff", "10", "ts-ignore-max-val-diff", "0.5");
    try {
      expect(await r.config("GET", "ts-ignore-max-val-diff")).toEqual(["ts-ignore-max-val-diff", "0.5"]);
      await r.call("TS.CREATE", "last", "DUPLICATE_POLICY", "LAST");
      await r.call("TS.CREATE", "block"); // the config's BLOCK policy: IGNORE never applies
      for (const key of ["last", "block"]) {
        await r.call("TS.ADD", key, "100", "1");
        await r.call("TS.ADD", key, "105", "1.4"); // within 10 ms and 0.5: dropped under LAST
        await r.call("TS.ADD", key, "108", "2"); // 0.6 away in value: kept
        await r.call("TS.ADD", key, "120", "2.1"); // 12 ms away: kept
      }
      expect(await r.call("TS.RANGE", "last", "-", "+")).toEqual([[100, "1"], [108, "2"], [120, "2.1"]]);
      expect(((await r.call("TS.RANGE", "block", "-", "+")) as unknown[]).length).toBe(4);
      const info = (await r.call("TS.INFO", "last")) as unknown[];
      expect(info.slice(info.indexOf("ignoreMaxTimeDiff"), info.indexOf("ignoreMaxTimeDiff") + 4)).toEqual(["ignoreMaxTimeDiff", 10, "ignoreMaxValDiff", "0.5"]);
      // A series keeps what it was created with.
      await r.config("SET", "ts-ignore-max-time-diff", "0", "ts-ignore-max-val-diff", "0");
      await r.call("TS.ADD", "last", "125", "2.1");
      expect(((await r.call("TS.RANGE", "last", "-", "+")) as unknown[]).length).toBe(3);
      await expect(r.config("SET", "ts-ignore-max-val-diff", "-1")).rejects.toThrow(/ts-ignore-max-val-diff/);
      await expect(r.config("SET", "ts-ignore-max-val-diff", "abc")).rejects.toThrow(/ts-ignore-max-val-diff/);
    } finally {
      await r.config("SET", "ts-ignore-max-time-diff", "0", "ts-ignore-max-val-diff", "0");
    }
  });

  it("ts-num-threads (immutable) and ts-compaction-policy answer CONFIG GET (the policy: compaction-policy.test.ts)", async () => {
    const r = server.r;
    expect(await r.config("GET", "ts-num-threads")).toEqual(["ts-num-threads", "3"]);
    await expect(r.config("SET", "ts-num-threads", "4")).rejects.toThrow(/immutable/);
    expect(await r.config("GET", "ts-compaction-policy")).toEqual(["ts-compaction-policy", ""]);
    await r.config("SET", "ts-compaction-policy", "avg:1m:1h");
    try {
      expect(await r.config("GET", "ts-compaction-policy")).toEqual(["ts-compaction-policy", "avg:1m:1h"]);
    } finally {
      await r.config("SET", "ts-compaction-policy", "");
    }
  });
});

describe("keyspace events, ACL, OBJECT", () => {
  it("raises ts.* events in the module class, TS.INCRBY/DECRBY's in the generic one", async () => {
    const r = server.r;
    await r.config("SET", "notify-keyspace-events", "KEd");
    const sub = server.client();
    const events: string[] = [];
    sub.on("pmessage", (_p, channel, message) => events.push(`${channel} ${message}`));
    await sub.psubscribe("__keyevent@0__:ts.*");
    try {
      await r.call("TS.CREATE", "ev");
      await r.call("TS.ADD", "ev", "1", "1");
      await r.call("TS.INCRBY", "ev", "1", "TIMESTAMP", "2");
      await r.call("TS.DEL", "ev", "0", "0");
      await r.call("TS.ALTER", "ev", "RETENTION", "5");
      await r.config("SET", "notify-keyspace-events", "KEg");
      await r.call("TS.ADD", "ev", "3", "1"); // the module class is off now
      await r.call("TS.DECRBY", "ev", "1", "TIMESTAMP", "4");
      for (let i = 0; i < 100 && events.length < 5; i++) await new Promise((ok) => setTimeout(ok, 10));
      expect(events).toEqual([
        "__keyevent@0__:ts.create ev",
        "__keyevent@0__:ts.add ev",
        "__keyevent@0__:ts.del ev",
        "__keyevent@0__:ts.alter ev",
        "__keyevent@0__:ts.decrby ev",
      ]);
    } finally {
      await r.config("SET", "notify-keyspace-events", "");
    }
  });

  it("puts every command in @timeseries and reports the encoding", async () => {
    const r = server.r;
    const cat = ((await r.call("ACL", "CAT", "timeseries")) as string[]).sort();
    expect(cat).toEqual(["ts.add", "ts.alter", "ts.create", "ts.createrule", "ts.decrby", "ts.del", "ts.deleterule", "ts.get", "ts.incrby", "ts.info", "ts.madd", "ts.mget", "ts.mrange", "ts.mrevrange", "ts.queryindex", "ts.range", "ts.revrange"]);
    await r.call("TS.CREATE", "enc");
    expect(await r.call("OBJECT", "ENCODING", "enc")).toBe("compressed");
    expect(await r.call("COMMAND", "GETKEYS", "TS.MADD", "a", "1", "1", "b", "2", "2")).toEqual(["a", "b"]);
  });
});

describe("TS.INFO DEBUG", () => {
  it("adds keySelfName and each chunk's span, samples and size", async () => {
    const r = server.r;
    await r.call("TS.CREATE", "dbg", "CHUNK_SIZE", "48", "ENCODING", "UNCOMPRESSED");
    for (let ts = 1; ts <= 4; ts++) await r.call("TS.ADD", "dbg", String(ts), "1");
    const info = (await r.call("TS.INFO", "dbg", "DEBUG")) as unknown[];
    expect(info.slice(28, 30)).toEqual(["keySelfName", "dbg"]);
    expect(info[30]).toBe("Chunks");
    expect(info[31]).toEqual([
      ["startTimestamp", 1, "endTimestamp", 3, "samples", 3, "size", 48, "bytesPerSample", "16"],
      ["startTimestamp", 4, "endTimestamp", 4, "samples", 1, "size", 48, "bytesPerSample", "48"],
    ]);
  });
});
