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
});

describe("keyspace events, ACL, OBJECT", () => {
  it("raises ts.* events in the module class", async () => {
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
      for (let i = 0; i < 100 && events.length < 5; i++) await new Promise((ok) => setTimeout(ok, 10));
      expect(events).toEqual([
        "__keyevent@0__:ts.create ev",
        "__keyevent@0__:ts.add ev",
        "__keyevent@0__:ts.incrby ev",
        "__keyevent@0__:ts.del ev",
        "__keyevent@0__:ts.alter ev",
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
