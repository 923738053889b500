// BF.* through node-redis's @redis/bloom in RESP2 and RESP3, RedisBloom's error texts through ioredis,
// and what a Bloom filter gets from the platform: TYPE, DUMP/RESTORE, COPY, MEMORY USAGE.
import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { useNodeRedis } from "./clients.js";

const s = useServer([], { flush: true });
const connect = useNodeRedis(s);
const WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";

describe.each([2, 3] as const)("BF commands over RESP%i (node-redis)", (resp) => {
  it("RESERVE, ADD, MADD, EXISTS, MEXISTS, CARD", async () => {
    const c = await connect(resp);
    expect(await c.bf.reserve("bf", 0.01, 1000)).toBe("OK");
    expect(await c.bf.add("bf", "a")).toBe(true);
    expect(await c.bf.add("bf", "a")).toBe(false);
    expect(await c.bf.mAdd("bf", ["b", "c", "a"])).toEqual([true, true, false]);
    expect(await c.bf.exists("bf", "b")).toBe(true);
    expect(await c.bf.exists("bf", "zz")).toBe(false);
    expect(await c.bf.mExists("bf", ["a", "zz", "c"])).toEqual([true, false, true]);
    expect(await c.bf.card("bf")).toBe(3);
    expect(await c.bf.card("missing")).toBe(0);
    expect(await c.bf.exists("missing", "a")).toBe(false);
  });

  it("INFO as RedisBloom sizes a 1 % filter of 100 (tightened to 0.5 %: 1102 bits in 144 bytes)", async () => {
    const c = await connect(resp);
    await c.bf.add("bf", "x");
    expect({ ...(await c.bf.info("bf")) }).toEqual({
      Capacity: 100, Size: 240, "Number of filters": 1, "Number of items inserted": 1, "Expansion rate": 2,
    });
    await c.bf.reserve("flat", 0.01, 100, { NONSCALING: true });
    expect((await c.bf.info("flat"))["Expansion rate"]).toBeNull();
  });

  it("INSERT creates with its options, honours NOCREATE and stops at a full non-scaling filter", async () => {
    const c = await connect(resp);
    expect(await c.bf.insert("bf", ["a", "b"], { CAPACITY: 500, ERROR: 0.001, EXPANSION: 4 })).toEqual([true, true]);
    expect((await c.bf.info("bf")).Capacity).toBe(500);
    expect((await c.bf.info("bf"))["Expansion rate"]).toBe(4);
    await expect(c.bf.insert("nope", ["a"], { NOCREATE: true })).rejects.toThrow("ERR not found");
    const reply = (await c.sendCommand(["BF.INSERT", "small", "CAPACITY", "2", "NONSCALING", "ITEMS", "a", "b", "c", "d"])) as unknown as unknown[];
    expect(reply.length).toBe(3);
    expect(String(reply[2])).toContain("ERR non scaling filter is full");
  });

  it("SCANDUMP and LOADCHUNK copy a scaled filter into a fresh key", async () => {
    const c = await connect(resp);
    await c.bf.reserve("src", 0.01, 50);
    const items = Array.from({ length: 400 }, (_, i) => `item:${i}`);
    await c.bf.mAdd("src", items);
    expect((await c.bf.info("src"))["Number of filters"]).toBeGreaterThan(1);
    let iterator = 0;
    for (;;) {
      const { iterator: next, chunk } = await c.withTypeMapping({ [36]: Buffer }).bf.scanDump("src", iterator);
      if (next === 0) break;
      expect(await c.bf.loadChunk("dst", next, chunk as unknown as Buffer)).toBe("OK");
      iterator = next;
    }
    expect(await c.bf.info("dst")).toEqual(await c.bf.info("src"));
    expect(await c.bf.mExists("dst", items)).toEqual(items.map(() => true));
    expect(await c.bf.add("dst", "item:1")).toBe(false);
  });
});

describe("BF errors (RedisBloom's texts)", () => {
  it("RESERVE", async () => {
    expect(await errorOf(s.r.call("BF.RESERVE", "k", "x", "10"))).toBe("ERR bad error rate");
    expect(await errorOf(s.r.call("BF.RESERVE", "k", "1", "10"))).toBe("ERR (0 < error rate range < 1) ");
    expect(await errorOf(s.r.call("BF.RESERVE", "k", "0.1", "x"))).toBe("ERR bad capacity");
    expect(await errorOf(s.r.call("BF.RESERVE", "k", "0.1", "0"))).toBe("ERR (capacity should be larger than 0)");
    expect(await errorOf(s.r.call("BF.RESERVE", "k", "0.1", "10", "EXPANSION"))).toBe("ERR no expansion");
    expect(await errorOf(s.r.call("BF.RESERVE", "k", "0.1", "10", "NONSCALING", "EXPANSION", "2"))).toBe("Nonscaling filters cannot expand");
    expect(await errorOf(s.r.call("BF.RESERVE", "k", "0.1", "10", "EXPANSION", "x"))).toBe("ERR bad expansion");
    expect(await errorOf(s.r.call("BF.RESERVE", "k", "0.1", "10", "a", "b", "c", "d"))).toBe("ERR wrong number of arguments for 'bf.reserve' command");
    expect(await s.r.call("BF.RESERVE", "k", "0.1", "10")).toBe("OK");
    expect(await errorOf(s.r.call("BF.RESERVE", "k", "0.1", "10"))).toBe("ERR item exists");
    await s.r.set("str", "v");
    expect(await errorOf(s.r.call("BF.RESERVE", "str", "0.1", "10"))).toBe(WRONGTYPE);
    expect(await s.r.exists("k", "str")).toBe(2);
  });

  it("INSERT", async () => {
    expect(await errorOf(s.r.call("BF.INSERT", "k", "ERROR", "x", "ITEMS", "a"))).toBe("Bad error rate");
    expect(await errorOf(s.r.call("BF.INSERT", "k", "EXPANSION", "x", "ITEMS", "a"))).toBe("Bad expansion");
    expect(await errorOf(s.r.call("BF.INSERT", "k", "CAPACITY", "x", "ITEMS", "a"))).toBe("Bad capacity");
    expect(await errorOf(s.r.call("BF.INSERT", "k", "FOO", "ITEMS", "a"))).toBe("Unknown argument received");
    expect(await errorOf(s.r.call("BF.INSERT", "k", "ERROR", "2", "ITEMS", "a"))).toBe("Bad argument received");
    expect(await errorOf(s.r.call("BF.INSERT", "k", "CAPACITY", "10", "ITEMS"))).toBe("ERR wrong number of arguments for 'bf.insert' command");
    expect(await s.r.exists("k")).toBe(0);
  });

  it("INFO, SCANDUMP, LOADCHUNK, and other types' keys", async () => {
    expect(await errorOf(s.r.call("BF.INFO", "none"))).toBe("ERR not found");
    await s.r.call("BF.ADD", "bf", "a");
    expect(await errorOf(s.r.call("BF.INFO", "bf", "color"))).toBe("Invalid information value");
    expect(await s.r.call("BF.INFO", "bf", "ITEMS")).toEqual([1]);
    expect(await s.r.call("BF.INFO", "bf", "capacity")).toEqual([100]);
    expect(await errorOf(s.r.call("BF.SCANDUMP", "bf", "x"))).toBe("Second argument must be numeric");
    expect(await errorOf(s.r.call("BF.SCANDUMP", "none", "0"))).toBe("ERR not found");
    expect(await errorOf(s.r.call("BF.LOADCHUNK", "new", "1", "garbage"))).toBe("ERR received bad data");
    expect(await errorOf(s.r.call("BF.LOADCHUNK", "new", "x", "garbage"))).toBe("ERR Second argument must be numeric");
    expect(await errorOf(s.r.call("BF.LOADCHUNK", "none", "9", "abc"))).toBe("ERR not found");
    expect(await s.r.exists("new")).toBe(0);
    await s.r.set("str", "v");
    expect(await errorOf(s.r.call("BF.ADD", "str", "a"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.call("BF.CARD", "str"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.call("BF.INFO", "str"))).toBe(WRONGTYPE);
    expect(await s.r.call("BF.EXISTS", "str", "a")).toBe(0); // RedisBloom reads any non-filter key as empty
    expect(await errorOf(s.r.get("bf"))).toBe(WRONGTYPE);
  });
});

describe("a Bloom filter in the keyspace", () => {
  it("COMMAND INFO and ACL categories come from the manifest", async () => {
    const [info] = (await s.r.call("COMMAND", "INFO", "bf.add")) as unknown[][];
    expect(info.slice(0, 6)).toEqual(["bf.add", 3, ["write", "denyoom", "fast"], 1, 1, 1]);
    for (const [category, command] of [["bloom", "bf.add"], ["cuckoo", "cf.del"], ["cms", "cms.merge"], ["topk", "topk.list"], ["tdigest", "tdigest.quantile"]])
      expect(await s.r.call("ACL", "CAT", category)).toContain(command);
  });

  it("TYPE answers RedisBloom's type name", async () => {
    await s.r.call("BF.ADD", "bf", "a");
    expect(await s.r.type("bf")).toBe("MBbloom--");
  });

  it("DUMP / RESTORE and COPY keep every filter and item", async () => {
    await s.r.call("BF.RESERVE", "bf", "0.01", "20");
    const items = Array.from({ length: 200 }, (_, i) => `i${i}`);
    await s.r.call("BF.MADD", "bf", ...items);
    const card = await s.r.call("BF.CARD", "bf"); // 200 less any false positives among the items
    const payload = (await s.r.dumpBuffer("bf"))!;
    expect(await s.r.restore("restored", 0, payload)).toBe("OK");
    expect(await s.r.copy("bf", "copied")).toBe(1);
    await s.r.call("BF.ADD", "bf", "only-in-source");
    for (const key of ["restored", "copied"]) {
      expect(await s.r.call("BF.MEXISTS", key, ...items)).toEqual(items.map(() => 1));
      expect(await s.r.call("BF.CARD", key)).toBe(card);
      expect(await s.r.call("BF.EXISTS", key, "only-in-source")).toBe(0);
    }
  });

  it("MEMORY USAGE counts the bits: a 1-million, 1 % filter is about 1.38 MB (0.5 % after tightening)", async () => {
    await s.r.call("BF.RESERVE", "big", "0.01", "1000000");
    const bytes = Number(await s.r.memory("USAGE", "big"));
    const bits = Math.ceil((1_000_000 * -Math.log(0.005)) / Math.LN2 ** 2);
    expect(bytes).toBeGreaterThanOrEqual(bits / 8);
    expect(bytes).toBeLessThan((bits / 8) * 1.01);
    await s.r.call("BF.RESERVE", "flat", "0.01", "1000000", "NONSCALING");
    const flat = Number(await s.r.memory("USAGE", "flat"));
    expect(flat).toBeLessThan(((1_000_000 * -Math.log(0.01)) / Math.LN2 ** 2 / 8) * 1.01);
  });

  it("configs bf-initial-size and bf-expansion-factor set what BF.ADD creates", async () => {
    expect(await s.r.config("GET", "bf-initial-size")).toEqual(["bf-initial-size", "100"]);
    await s.r.config("SET", "bf-initial-size", "7", "bf-expansion-factor", "3");
    try {
      await s.r.call("BF.ADD", "bf", "a");
      expect(await s.r.call("BF.INFO", "bf", "CAPACITY")).toEqual([7]);
      expect(await s.r.call("BF.INFO", "bf", "EXPANSION")).toEqual([3]);
    } finally {
      await s.r.config("SET", "bf-initial-size", "100", "bf-expansion-factor", "2");
    }
  });

  it("float config bf-error-rate (host API 1.7) sets the error rate BF.ADD and BF.INSERT create with, within (0, 1)", async () => {
    expect(await s.r.config("GET", "bf-error-rate")).toEqual(["bf-error-rate", "0.01"]);
    const size = async (key: string) => ((await s.r.call("BF.INFO", key, "SIZE")) as number[])[0];
    /** The size of a filter BF.ADD creates, against BF.RESERVE's at the same capacity and error `rate`. */
    const sizes = async (key: string, rate: string) => {
      await s.r.call("BF.ADD", key, "a");
      const capacity = ((await s.r.call("BF.INFO", key, "CAPACITY")) as number[])[0];
      await s.r.call("BF.RESERVE", `${key}-reserved`, rate, capacity);
      return [await size(key), await size(`${key}-reserved`)];
    };
    const [byDefault, reservedDefault] = await sizes("rate-default", "0.01");
    expect(byDefault).toBe(reservedDefault);
    for (const bad of ["0", "1", "-0.5", "abc", "inf", "1e400"])
      await expect(s.r.config("SET", "bf-error-rate", bad), bad).rejects.toThrow(/bf-error-rate/);
    expect(await s.r.config("GET", "bf-error-rate")).toEqual(["bf-error-rate", "0.01"]);
    await s.r.config("SET", "bf-error-rate", "1e-4");
    try {
      expect(await s.r.config("GET", "bf-error-rate")).toEqual(["bf-error-rate", "0.0001"]);
      const [small, reservedSmall] = await sizes("rate-small", "0.0001");
      expect(small).toBe(reservedSmall);
      expect(small).toBeGreaterThan(byDefault);
      await s.r.call("BF.INSERT", "rate-insert", "ITEMS", "a");
      expect(await size("rate-insert")).toBe(small);
    } finally {
      await s.r.config("SET", "bf-error-rate", "0.01");
    }
  });
});
