// FT.SUGADD / SUGGET / SUGDEL / SUGLEN through node-redis's @redis/search (RESP2 and RESP3), with the
// replies RediSearch 2.8 gives: scores divided by sqrt(1 + the length past the prefix), FUZZY within
// one edit, payloads, INCR, the trietype0 key type, and persistence across a restart.
import { beforeAll, describe, expect, it } from "vitest";
import { useRestarts } from "../../../test/helpers/restarts.js";
import { type NodeRedis, useNodeRedis } from "../../../test/helpers/node-redis.js";
import { useServer } from "../../../test/helpers/server.js";

const server = useServer([], { flush: true });
const clients = useNodeRedis(server);
let c: NodeRedis;
let c3: NodeRedis;

beforeAll(async () => {
  ({ c, c3 } = clients);
});

describe("FT.SUG*", () => {
  it("adds, counts and ranks suggestions by score and length past the prefix", async () => {
    expect(await c.ft.sugAdd("ac", "hello", 1)).toBe(1);
    expect(await c.ft.sugAdd("ac", "help", 1)).toBe(2);
    expect(await c.ft.sugAdd("ac", "helicopter", 3)).toBe(3);
    expect(await c.ft.sugAdd("ac", "world", 1)).toBe(4);
    expect(await c.ft.sugLen("ac")).toBe(4);
    expect(await c.ft.sugGet("ac", "hel")).toEqual(["helicopter", "help", "hello"]);
    // 3 / sqrt(1 + 7) and 1 / sqrt(1 + 1), as 32-bit floats like RediSearch's trie keeps them.
    const scored = (await c.ft.sugGetWithScores("ac", "hel")) ?? []; // null only for a missing key
    expect(scored.map((s) => s.suggestion)).toEqual(["helicopter", "help", "hello"]);
    expect(scored[0].score).toBeCloseTo(3 / Math.sqrt(8), 6);
    expect(scored[1].score).toBeCloseTo(1 / Math.sqrt(2), 6);
    expect(await c.ft.sugGet("ac", "HEL", { MAX: 1 })).toEqual(["helicopter"]);
    expect(await c.ft.sugGet("ac", "xyz")).toEqual([]);
    expect(await c.ft.sugGet("missing", "a")).toBeNull();
  });

  it("INCR adds to the score; a plain SUGADD replaces it", async () => {
    await c.ft.sugAdd("inc", "apple", 1);
    await c.ft.sugAdd("inc", "apricot", 2);
    expect(await c.ft.sugGet("inc", "ap")).toEqual(["apricot", "apple"]);
    expect(await c.ft.sugAdd("inc", "apple", 5, { INCR: true })).toBe(2);
    expect(await c.ft.sugGet("inc", "ap")).toEqual(["apple", "apricot"]);
    const [apple] = (await c.ft.sugGetWithScores("inc", "apple")) ?? [];
    expect(apple.score).toBeCloseTo(6, 6);
    await c.ft.sugAdd("inc", "apple", 1);
    expect((await c.ft.sugGetWithScores("inc", "apple"))?.[0].score).toBeCloseTo(1, 6);
  });

  it("FUZZY matches within one edit of the prefix", async () => {
    await c.ft.sugAdd("fz", "hello", 1);
    await c.ft.sugAdd("fz", "jello", 1);
    await c.ft.sugAdd("fz", "yellow", 1);
    expect(await c.ft.sugGet("fz", "hell")).toEqual(["hello"]);
    expect((await c.ft.sugGet("fz", "hell", { FUZZY: true }))?.sort()).toEqual(["hello", "jello", "yellow"]);
  });

  it("keeps payloads and replies them, null where none was given", async () => {
    await c.ft.sugAdd("pl", "redis", 2, { PAYLOAD: "db" });
    await c.ft.sugAdd("pl", "redpanda", 1);
    expect(await c.ft.sugGetWithPayloads("pl", "red")).toEqual([
      { suggestion: "redis", payload: "db" },
      { suggestion: "redpanda", payload: null },
    ]);
    const both = (await c.ft.sugGetWithScoresWithPayloads("pl", "red")) ?? [];
    expect(both.map((s) => [s.suggestion, s.payload])).toEqual([["redis", "db"], ["redpanda", null]]);
  });

  it("deletes suggestions and answers RESP3 the same", async () => {
    await c.ft.sugAdd("del", "one", 1);
    await c.ft.sugAdd("del", "two", 1);
    expect(await c.ft.sugDel("del", "one")).toBe(1);
    expect(await c.ft.sugDel("del", "one")).toBe(0);
    expect(await c.ft.sugDel("nokey", "one")).toBe(0);
    expect(await c3.ft.sugLen("del")).toBe(1);
    expect(await c3.ft.sugGet("del", "t")).toEqual(["two"]);
    expect(await c3.sendCommand(["FT.SUGGET", "del", "t", "WITHSCORES"])).toEqual(["two", 1 / Math.sqrt(3)].map((v, i) => (i === 1 ? expect.closeTo(v as number, 6) : v)));
  });

  it("is a key of type trietype0, with errors for bad input", async () => {
    await c.ft.sugAdd("typed", "x", 1);
    expect(await c.type("typed")).toBe("trietype0");
    await c.set("str", "v");
    await expect(c.ft.sugAdd("str", "x", 1)).rejects.toThrow("WRONGTYPE");
    await expect(c.ft.sugGet("str", "x")).rejects.toThrow("WRONGTYPE");
    await expect(c.sendCommand(["FT.SUGADD", "typed", "y", "notanumber"])).rejects.toThrow("ERR invalid score");
    await expect(c.sendCommand(["FT.SUGGET", "typed", "x", "MAX", "zero"])).rejects.toThrow("Bad argument for `MAX`");
    expect(await c.ft.sugLen("typed")).toBe(1);
  });

  it("DUMP and RESTORE keep strings, scores and payloads", async () => {
    await c.ft.sugAdd("kept", "persist", 2, { PAYLOAD: "p" });
    await c.ft.sugAdd("kept", "perfect", 1);
    const r = server.r;
    const dump = await r.dumpBuffer("kept");
    await r.restore("copy", 0, dump as Buffer);
    expect(await c.ft.sugGetWithPayloads("copy", "per")).toEqual([
      { suggestion: "persist", payload: "p" },
      { suggestion: "perfect", payload: null },
    ]);
  });
});

describe("FT.SUG* persistence", () => {
  const restarts = useRestarts();
  it("a dictionary comes back from a snapshot", async () => {
    const dir = restarts.newDir();
    const a = await restarts.start(dir, ["--appendonly", "no"]);
    await a.r.call("FT.SUGADD", "saved", "ferrite", "3", "PAYLOAD", "fe");
    await a.r.call("FT.SUGADD", "saved", "ferret", "1");
    await a.r.save();
    await restarts.killAll();
    const b = await restarts.start(dir, ["--appendonly", "no"]);
    expect(await b.r.call("FT.SUGGET", "saved", "fer", "WITHPAYLOADS")).toEqual(["ferrite", "fe", "ferret", null]);
  }, 60_000);
});
