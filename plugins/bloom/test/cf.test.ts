// CF.* through node-redis's @redis/bloom in RESP2 and RESP3, RedisBloom's error texts, SCANDUMP /
// LOADCHUNK into a fresh key, growth into sub-filters and deletes.
import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { useNodeRedis } from "./clients.js";

const s = useServer([], { flush: true });
const connect = useNodeRedis(s);
const WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";

describe.each([2, 3] as const)("CF commands over RESP%i (node-redis)", (resp) => {
  it("RESERVE, ADD, ADDNX, EXISTS, COUNT, DEL, INFO", async () => {
    const c = await connect(resp);
    expect(await c.cf.reserve("cf", 1000)).toBe("OK");
    expect(await c.cf.add("cf", "a")).toBe(true);
    expect(await c.cf.add("cf", "a")).toBe(true); // a cuckoo filter keeps duplicates
    expect(await c.cf.addNX("cf", "a")).toBe(false);
    expect(await c.cf.addNX("cf", "b")).toBe(true);
    expect(await c.cf.exists("cf", "a")).toBe(true);
    expect(await c.cf.exists("cf", "zz")).toBe(false);
    expect(await c.cf.count("cf", "a")).toBe(2);
    expect(await c.cf.del("cf", "a")).toBe(true);
    expect(await c.cf.count("cf", "a")).toBe(1);
    expect(await c.cf.del("cf", "zz")).toBe(false);
    // RedisBloom's documented figures for a 1000-item filter: 512 buckets of 2, 1080 bytes.
    expect({ ...(await c.cf.info("cf")) }).toEqual({
      Size: 1080, "Number of buckets": 512, "Number of filters": 1, "Number of items inserted": 2,
      "Number of items deleted": 1, "Bucket size": 2, "Expansion rate": 1, "Max iterations": 20,
    });
    expect(await c.sendCommand(["CF.MEXISTS", "cf", "a", "b", "zz"])).toEqual(resp === 2 ? [1, 1, 0] : [true, true, false]);
  });

  it("INSERT and INSERTNX create, honour NOCREATE, and report a full filter as -1", async () => {
    const c = await connect(resp);
    expect(await c.cf.insert("cf", ["a", "b"], { CAPACITY: 100 })).toEqual([true, true]);
    expect(await c.cf.insertNX("cf", ["a", "c"])).toEqual([false, true]);
    await expect(c.cf.insert("none", "a", { NOCREATE: true })).rejects.toThrow("ERR not found");
    await c.cf.reserve("tiny", 4, { BUCKETSIZE: 2, EXPANSION: 0 });
    const reply = (await c.sendCommand(["CF.INSERT", "tiny", "ITEMS", ...Array.from({ length: 12 }, (_, i) => `x${i}`)])) as unknown[];
    expect(reply).toContain(-1);
  });

  it("grows sub-filters with EXPANSION and round-trips through SCANDUMP / LOADCHUNK", async () => {
    const c = await connect(resp);
    await c.cf.reserve("src", 64, { BUCKETSIZE: 2, MAXITERATIONS: 5, EXPANSION: 2 });
    const items = Array.from({ length: 500 }, (_, i) => `item:${i}`);
    await c.cf.insert("src", items);
    const info = await c.cf.info("src");
    expect(info["Number of filters"]).toBeGreaterThan(1);
    let iterator = 0;
    for (;;) {
      const { iterator: next, chunk } = await c.withTypeMapping({ [36]: Buffer }).cf.scanDump("src", iterator);
      if (next === 0) break;
      expect(await c.cf.loadChunk("dst", next, chunk as unknown as Buffer)).toBe("OK");
      iterator = next;
    }
    expect(await c.cf.info("dst")).toEqual(info);
    for (const item of items) expect(await c.cf.exists("dst", item)).toBe(true);
  });
});

describe("CF errors (RedisBloom's texts)", () => {
  it("RESERVE and INSERT", async () => {
    expect(await errorOf(s.r.call("CF.RESERVE", "k", "x"))).toBe("Bad capacity");
    expect(await errorOf(s.r.call("CF.RESERVE", "k", "1"))).toBe("Capacity must be at least (BucketSize * 2)");
    expect(await errorOf(s.r.call("CF.RESERVE", "k", "100", "MAXITERATIONS", "0"))).toBe("MAXITERATIONS parameter needs to be a positive integer");
    expect(await errorOf(s.r.call("CF.RESERVE", "k", "100", "BUCKETSIZE", "x"))).toBe("Couldn't parse BUCKETSIZE");
    expect(await errorOf(s.r.call("CF.RESERVE", "k", "100", "EXPANSION", "-1"))).toBe("EXPANSION parameter needs to be a non-negative integer");
    expect(await errorOf(s.r.call("CF.RESERVE", "k", "100", "EXPANSION"))).toBe("ERR wrong number of arguments for 'cf.reserve' command");
    await s.r.call("CF.RESERVE", "k", "100");
    expect(await errorOf(s.r.call("CF.RESERVE", "k", "100"))).toBe("ERR item exists");
    expect(await errorOf(s.r.call("CF.INSERT", "k", "CAPACITY", "1", "ITEMS", "a"))).toBe("Capacity must be at least (BucketSize * 2)");
    expect(await errorOf(s.r.call("CF.INSERT", "k", "FOO", "ITEMS", "a"))).toBe("Unknown argument received");
    expect(await errorOf(s.r.call("CF.INSERT", "k", "ITEMS"))).toBe("ERR wrong number of arguments for 'cf.insert' command");
  });

  it("lookups, dumps and other types' keys", async () => {
    expect(await errorOf(s.r.call("CF.INFO", "none"))).toBe("ERR not found");
    expect(await errorOf(s.r.call("CF.DEL", "none", "a"))).toBe("Not found");
    expect(await s.r.call("CF.EXISTS", "none", "a")).toBe(0);
    expect(await s.r.call("CF.COUNT", "none", "a")).toBe(0);
    expect(await errorOf(s.r.call("CF.SCANDUMP", "none", "x"))).toBe("Invalid position");
    expect(await errorOf(s.r.call("CF.SCANDUMP", "none", "0"))).toBe("ERR not found");
    expect(await errorOf(s.r.call("CF.LOADCHUNK", "new", "0", "x"))).toBe("Invalid position");
    expect(await errorOf(s.r.call("CF.LOADCHUNK", "new", "1", "short"))).toBe("Invalid header");
    expect(await errorOf(s.r.call("CF.LOADCHUNK", "new", "9", "abc"))).toBe("ERR not found");
    await s.r.call("CF.RESERVE", "cf", "100");
    expect(await s.r.call("CF.SCANDUMP", "cf", "0")).toEqual([0, null]); // empty: nothing to dump
    await s.r.call("CF.ADD", "cf", "a");
    expect(await errorOf(s.r.call("CF.LOADCHUNK", "cf", "1", "x".repeat(38)))).toBe("ERR item exists");
    expect(await errorOf(s.r.call("CF.LOADCHUNK", "cf", "999999", "abc"))).toBe("Couldn't load chunk!");
    await s.r.set("str", "v");
    expect(await errorOf(s.r.call("CF.ADD", "str", "a"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.call("CF.INFO", "str"))).toBe(WRONGTYPE);
    expect(await s.r.call("CF.EXISTS", "str", "a")).toBe(0);
  });

  it("TYPE, DUMP / RESTORE, COPY, and the max-expansions guard", async () => {
    await s.r.call("CF.RESERVE", "cf", "8", "EXPANSION", "1");
    await s.r.call("CF.INSERT", "cf", "ITEMS", ...Array.from({ length: 40 }, (_, i) => `i${i}`));
    expect(await s.r.type("cf")).toBe("MBbloomCF");
    await s.r.restore("r", 0, (await s.r.dumpBuffer("cf"))!);
    await s.r.copy("cf", "k");
    await s.r.call("CF.DEL", "cf", "i1");
    for (const key of ["r", "k"]) {
      expect(await s.r.call("CF.INFO", key)).toEqual(await s.r.call("CF.INFO", "r"));
      expect(await s.r.call("CF.EXISTS", key, "i1")).toBe(1);
    }
    await s.r.config("SET", "cf-max-expansions", "1");
    try {
      expect(await errorOf(s.r.call("CF.ADD", "k", "more"))).toBe("Maximum expansions reached");
    } finally {
      await s.r.config("SET", "cf-max-expansions", "32");
    }
  });
});
