// TOPK.* through node-redis's @redis/bloom in RESP2 and RESP3, RedisBloom's error texts, and the heavy
// hitters of a Zipf stream.
import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { prng } from "../../../test/helpers/prng.js";
import { useNodeRedis } from "./clients.js";

const s = useServer([], { flush: true });
const connect = useNodeRedis(s);

describe.each([2, 3] as const)("TOPK commands over RESP%i (node-redis)", (resp) => {
  it("RESERVE, ADD, INCRBY, QUERY, COUNT, LIST, INFO", async () => {
    const c = await connect(resp);
    expect(await c.topK.reserve("tk", 2, { width: 50, depth: 4, decay: 0.9 })).toBe("OK");
    expect(await c.topK.add("tk", ["a", "b", "a"])).toEqual([null, null, null]);
    // c enters with 5 and expels b, the lightest of the two
    expect(await c.topK.incrBy("tk", { item: "c", incrementBy: 5 })).toEqual(["b"]);
    expect(await c.topK.query("tk", ["a", "b", "c"])).toEqual([true, false, true]);
    expect(await c.topK.count("tk", ["a", "c", "zz"])).toEqual([2, 5, 0]);
    expect(await c.topK.list("tk")).toEqual(["c", "a"]);
    expect(await c.topK.listWithCount("tk")).toEqual([{ item: "c", count: 5 }, { item: "a", count: 2 }]);
    expect({ ...(await c.topK.info("tk")) }).toEqual({ k: 2, width: 50, depth: 4, decay: 0.9 });
  });

  it("RESERVE with only k takes width 8, depth 7, decay 0.9", async () => {
    const c = await connect(resp);
    await c.topK.reserve("tk", 3);
    expect({ ...(await c.topK.info("tk")) }).toEqual({ k: 3, width: 8, depth: 7, decay: 0.9 });
  });
});

describe("TOPK errors (RedisBloom's texts)", () => {
  it("every command", async () => {
    expect(await errorOf(s.r.call("TOPK.RESERVE", "t", "0"))).toBe("TopK: invalid k");
    expect(await errorOf(s.r.call("TOPK.RESERVE", "t", "2", "0", "1", "0.5"))).toBe("TopK: invalid width");
    expect(await errorOf(s.r.call("TOPK.RESERVE", "t", "2", "5", "x", "0.5"))).toBe("TopK: invalid depth");
    expect(await errorOf(s.r.call("TOPK.RESERVE", "t", "2", "5", "1", "1.5"))).toBe("TopK: invalid decay value. must be '<= 1' & '> 0'");
    expect(await errorOf(s.r.call("TOPK.RESERVE", "t", "2", "5"))).toBe("ERR wrong number of arguments for 'topk.reserve' command");
    expect(await errorOf(s.r.call("TOPK.ADD", "t", "a"))).toBe("TopK: key does not exist");
    expect(await errorOf(s.r.call("TOPK.LIST", "t", "BAD"))).toBe("WITHCOUNT keyword expected");
    await s.r.call("TOPK.RESERVE", "t", "2");
    expect(await errorOf(s.r.call("TOPK.RESERVE", "t", "2"))).toBe("TopK: key already exists");
    expect(await errorOf(s.r.call("TOPK.INCRBY", "t", "a", "100001"))).toBe(
      "TopK: increment must be an integer greater or equal to 0                            and smaller or equal to 100,000",
    );
    expect(await s.r.call("TOPK.LIST", "t")).toEqual([]);
    await s.r.set("str", "v");
    expect(await errorOf(s.r.call("TOPK.QUERY", "str", "a"))).toBe("WRONGTYPE Operation against a key holding the wrong kind of value");
  });

  it("TYPE, DUMP / RESTORE, COPY", async () => {
    await s.r.call("TOPK.RESERVE", "t", "3", "20", "3", "0.9");
    await s.r.call("TOPK.INCRBY", "t", "a", "9", "b", "4", "line\r\nbreak", "7");
    expect(await s.r.type("t")).toBe("TopK-TYPE");
    await s.r.restore("r", 0, (await s.r.dumpBuffer("t"))!);
    await s.r.copy("t", "k");
    await s.r.call("TOPK.INCRBY", "t", "b", "100");
    for (const key of ["r", "k"]) expect(await s.r.call("TOPK.LIST", key, "WITHCOUNT")).toEqual(["a", 9, "line\r\nbreak", 7, "b", 4]);
  });
});

it("finds the true top 10 of a Zipf stream (2000 items, 162 599 adds)", async () => {
  await s.r.call("TOPK.RESERVE", "zipf", "10", "1000", "5", "0.9");
  const stream: string[] = [];
  for (let i = 1; i <= 2000; i++) for (let n = Math.floor(20000 / i); n > 0; n--) stream.push(`item:${i}`);
  const random = prng(20);
  for (let i = stream.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [stream[i], stream[j]] = [stream[j], stream[i]];
  }
  for (let i = 0; i < stream.length; i += 1000) await s.r.call("TOPK.ADD", "zipf", ...stream.slice(i, i + 1000));
  const top = (await s.r.call("TOPK.LIST", "zipf")) as string[];
  expect(new Set(top)).toEqual(new Set(Array.from({ length: 10 }, (_, i) => `item:${i + 1}`)));
  console.log(`Top-K: ${stream.length} items, TOPK.LIST = ${top.join(" ")}`);
}, 60_000);
