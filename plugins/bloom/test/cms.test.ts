// CMS.* through node-redis's @redis/bloom in RESP2 and RESP3, with RedisBloom's error texts.
import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { useNodeRedis } from "./clients.js";

const s = useServer([], { flush: true });
const connect = useNodeRedis(s);

describe.each([2, 3] as const)("CMS commands over RESP%i (node-redis)", (resp) => {
  it("INITBYDIM, INCRBY, QUERY, INFO", async () => {
    const c = await connect(resp);
    expect(await c.cms.initByDim("cms", 1000, 5)).toBe("OK");
    expect(await c.cms.incrBy("cms", [{ item: "a", incrementBy: 3 }, { item: "b", incrementBy: 1 }])).toEqual([3, 1]);
    expect(await c.cms.incrBy("cms", { item: "a", incrementBy: 2 })).toEqual([5]);
    expect(await c.cms.query("cms", ["a", "b", "never"])).toEqual([5, 1, 0]);
    expect({ ...(await c.cms.info("cms")) }).toEqual({ width: 1000, depth: 5, count: 6 });
  });

  it("INITBYPROB sizes as RedisBloom: 0.001 / 0.01 is 2000 × 7", async () => {
    const c = await connect(resp);
    expect(await c.cms.initByProb("cms", 0.001, 0.01)).toBe("OK");
    expect({ ...(await c.cms.info("cms")) }).toEqual({ width: 2000, depth: 7, count: 0 });
  });

  it("MERGE with and without WEIGHTS", async () => {
    const c = await connect(resp);
    for (const k of ["a", "b", "dst"]) await c.cms.initByDim(k, 100, 4);
    await c.cms.incrBy("a", { item: "x", incrementBy: 2 });
    await c.cms.incrBy("b", { item: "x", incrementBy: 5 });
    expect(await c.cms.merge("dst", ["a", "b"])).toBe("OK");
    expect(await c.cms.query("dst", "x")).toEqual([7]);
    expect(await c.cms.merge("dst", [{ name: "a", weight: 3 }, { name: "b", weight: 2 }])).toBe("OK");
    expect(await c.cms.query("dst", "x")).toEqual([16]);
    expect((await c.cms.info("dst")).count).toBe(16);
  });
});

describe("CMS errors (RedisBloom's texts)", () => {
  it("create, increment, query and merge", async () => {
    expect(await errorOf(s.r.call("CMS.INITBYDIM", "c", "0", "5"))).toBe("CMS: invalid width");
    expect(await errorOf(s.r.call("CMS.INITBYDIM", "c", "5", "x"))).toBe("CMS: invalid depth");
    expect(await errorOf(s.r.call("CMS.INITBYPROB", "c", "1", "0.1"))).toBe("CMS: invalid overestimation value");
    expect(await errorOf(s.r.call("CMS.INITBYPROB", "c", "0.1", "0"))).toBe("CMS: invalid prob value");
    expect(await errorOf(s.r.call("CMS.INCRBY", "c", "a", "1"))).toBe("CMS: key does not exist");
    expect(await errorOf(s.r.call("CMS.QUERY", "c", "a"))).toBe("CMS: key does not exist");
    expect(await errorOf(s.r.call("CMS.INFO", "c"))).toBe("CMS: key does not exist");
    await s.r.call("CMS.INITBYDIM", "c", "10", "2");
    expect(await errorOf(s.r.call("CMS.INITBYDIM", "c", "10", "2"))).toBe("CMS: key already exists");
    expect(await errorOf(s.r.call("CMS.INCRBY", "c", "a", "x"))).toBe("CMS: Cannot parse number");
    expect(await errorOf(s.r.call("CMS.INCRBY", "c", "a", "1", "b"))).toBe("ERR wrong number of arguments for 'cms.incrby' command");
    expect(await errorOf(s.r.call("CMS.INCRBY", "c", "a", "1", "b", "-1"))).toBe("CMS: Number cannot be negative");
    expect(await s.r.call("CMS.QUERY", "c", "a")).toEqual([0]); // the refused command changed nothing
    expect(await s.r.call("CMS.INCRBY", "c", "a", "4294967294")).toEqual([4294967294]);
    const saturated = (await s.r.call("CMS.INCRBY", "c", "a", "5")) as unknown[];
    expect(String(saturated[0])).toContain("CMS: INCRBY overflow");
    await s.r.call("CMS.INITBYDIM", "other", "11", "2");
    expect(await errorOf(s.r.call("CMS.MERGE", "c", "x", "other"))).toBe("CMS: invalid numkeys");
    expect(await errorOf(s.r.call("CMS.MERGE", "c", "0", "other"))).toBe("CMS: Number of keys must be positive");
    expect(await errorOf(s.r.call("CMS.MERGE", "c", "2", "other"))).toBe("CMS: wrong number of keys");
    expect(await errorOf(s.r.call("CMS.MERGE", "c", "1", "other", "WEIGHTS"))).toBe("CMS: wrong number of keys/weights");
    expect(await errorOf(s.r.call("CMS.MERGE", "c", "1", "other", "WEIGHTS", "x"))).toBe("CMS: invalid weight value");
    expect(await errorOf(s.r.call("CMS.MERGE", "c", "1", "other"))).toBe("CMS: width/depth is not equal");
    expect(await errorOf(s.r.call("CMS.MERGE", "c", "1", "nope"))).toBe("CMS: key does not exist");
    expect(await errorOf(s.r.call("CMS.MERGE", "c", "2", "c", "c"))).toBe("CMS: MERGE overflow");
    await s.r.set("str", "v");
    expect(await errorOf(s.r.call("CMS.QUERY", "str", "a"))).toBe("WRONGTYPE Operation against a key holding the wrong kind of value");
    expect(await errorOf(s.r.call("CMS.INITBYDIM", "str", "10", "2"))).toBe("CMS: key already exists");
  });

  it("TYPE, DUMP / RESTORE, COPY", async () => {
    await s.r.call("CMS.INITBYDIM", "c", "50", "3");
    await s.r.call("CMS.INCRBY", "c", "a", "9", "b", "4");
    expect(await s.r.type("c")).toBe("CMSk-TYPE");
    await s.r.restore("r", 0, (await s.r.dumpBuffer("c"))!);
    await s.r.copy("c", "k");
    await s.r.call("CMS.INCRBY", "c", "a", "1");
    for (const key of ["r", "k"]) expect(await s.r.call("CMS.QUERY", key, "a", "b")).toEqual([9, 4]);
    expect(Number(await s.r.memory("USAGE", "c"))).toBeGreaterThanOrEqual(50 * 3 * 4);
  });
});
