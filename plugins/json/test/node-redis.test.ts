// Every JSON command through node-redis's @redis/json (in `redis` 5.10), unmodified, in both path
// syntaxes, RESP2 and RESP3 where the reply differs.
import { createClient } from "redis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";

const s = useServer([], { kind: "ferrite" });
let c: ReturnType<typeof createClient>;
let c3: ReturnType<typeof createClient>;

beforeAll(async () => {
  c = createClient({ socket: { port: s.port } });
  c3 = createClient({ socket: { port: s.port }, RESP: 3 });
  await c.connect();
  await c3.connect();
});
afterAll(() => {
  c?.destroy();
  c3?.destroy();
});
beforeEach(async () => {
  await c.flushAll();
  await c.json.set("doc", "$", { a: 1, b: [1, 2, 3], c: { a: "x", b: true }, n: null });
});

const errorOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected an error");
};

describe("JSON.SET / JSON.GET", () => {
  it("sets and gets documents and paths in both syntaxes", async () => {
    expect(await c.json.get("doc")).toEqual({ a: 1, b: [1, 2, 3], c: { a: "x", b: true }, n: null });
    expect(await c.json.get("doc", { path: "$..a" })).toEqual([1, "x"]);
    expect(await c.json.get("doc", { path: ".c.a" })).toBe("x");
    expect(await c.json.get("doc", { path: ["$.a", "$.b[1]"] })).toEqual({ "$.a": [1], "$.b[1]": [2] });
    expect(await c.json.get("doc", { path: [".a", ".b[1]"] })).toEqual({ ".a": 1, ".b[1]": 2 });
    expect(await c.json.set("doc", "$.d", { e: [] })).toBe("OK");
    expect(await c.json.set("doc", ".c.z", 5)).toBe("OK");
    expect(await c.json.get("doc", { path: "$.c" })).toEqual([{ a: "x", b: true, z: 5 }]);
    expect(await c.json.get("missing")).toBeNull();
  });

  it("honours NX and XX", async () => {
    expect(await c.json.set("doc", "$.a", 9, { condition: "NX" })).toBeNull();
    expect(await c.json.set("doc", "$.new", 9, { condition: "XX" })).toBeNull();
    expect(await c.json.set("doc", "$.new", 9, { condition: "NX" })).toBe("OK");
    expect(await c.json.set("other", "$", 1, { condition: "XX" })).toBeNull();
    expect(await c.json.set("doc", ".a", 2, { condition: "XX" })).toBe("OK");
    expect(await c.json.get("doc", { path: "$.new" })).toEqual([9]);
  });

  it("errors as RedisJSON does", async () => {
    expect(await errorOf(c.json.set("new", "$.a", 1))).toBe("ERR new objects must be created at the root");
    expect(await errorOf(c.json.get("doc", { path: ".nope" }))).toBe("ERR Path '.nope' does not exist");
    expect(await errorOf(c.sendCommand(["JSON.SET", "doc", "$", "{\"a\":"]))).toBe("EOF while parsing a value at line 1 column 5");
    await c.set("str", "x");
    expect(await errorOf(c.json.get("str"))).toBe("WRONGTYPE Operation against a key holding the wrong kind of value");
  });
});

describe("JSON.MGET / JSON.MSET / JSON.MERGE", () => {
  it("reads and writes several keys", async () => {
    expect(await c.json.mSet([{ key: "k1", path: "$", value: { x: 1 } }, { key: "k2", path: "$", value: { x: [2] } }])).toBe("OK");
    expect(await c.json.mGet(["k1", "k2", "nope"], "$.x")).toEqual([[1], [[2]], null]);
    expect(await c.json.mGet(["k1", "k2"], ".x")).toEqual([1, [2]]);
  });

  it("merges RFC 7396 patches", async () => {
    expect(await c.json.merge("doc", "$", { a: null, c: { a: "y", q: 1 }, z: [1] })).toBe("OK");
    expect(await c.json.get("doc")).toEqual({ b: [1, 2, 3], c: { a: "y", b: true, q: 1 }, n: null, z: [1] });
    expect(await c.json.merge("doc", "$.c.b", null)).toBe("OK");
    expect(await c.json.get("doc", { path: "$.c" })).toEqual([{ a: "y", q: 1 }]);
  });
});

describe("deleting and clearing", () => {
  it("JSON.DEL / JSON.FORGET count what they delete", async () => {
    expect(await c.json.del("doc", { path: "$..a" })).toBe(2);
    expect(await c.json.forget("doc", { path: ".b" })).toBe(1);
    expect(await c.json.get("doc")).toEqual({ c: { b: true }, n: null });
    expect(await c.json.del("doc")).toBe(1);
    expect(await c.exists("doc")).toBe(0);
    expect(await c.json.del("doc")).toBe(0);
  });

  it("JSON.CLEAR empties containers and zeroes numbers", async () => {
    expect(await c.json.clear("doc", { path: "$.*" })).toBe(3);
    expect(await c.json.get("doc")).toEqual({ a: 0, b: [], c: {}, n: null });
    expect(await c.json.clear("doc")).toBe(1);
    expect(await c.json.get("doc")).toEqual({});
  });

  it("JSON.TOGGLE flips booleans", async () => {
    expect(await c.json.toggle("doc", "$..b")).toEqual([null, 0]);
    expect(await c.json.toggle("doc", ".c.b")).toBe("true");
  });
});

describe("numbers and strings", () => {
  it("JSON.NUMINCRBY / JSON.NUMMULTBY, RESP2 and RESP3", async () => {
    expect(await c.json.numIncrBy("doc", "$..a", 2)).toEqual([3, null]);
    expect(await c.json.numMultBy("doc", "$.a", 1.5)).toEqual([4.5]);
    expect(await c.json.numIncrBy("doc", ".a", 1)).toBe(5.5);
    expect(await c3.json.numIncrBy("doc", "$.b[*]", 10)).toEqual([11, 12, 13]);
    expect(await c.json.get("doc", { path: "$.a" })).toEqual([5.5]);
  });

  it("JSON.STRAPPEND / JSON.STRLEN", async () => {
    expect(await c.json.strAppend("doc", "yz", { path: "$..a" })).toEqual([null, 3]);
    expect(await c.json.strAppend("doc", "!", { path: ".c.a" })).toBe(4);
    expect(await c.json.strLen("doc", { path: "$..a" })).toEqual([null, 4]);
    expect(await c.json.strLen("doc", { path: ".c.a" })).toBe(4);
  });

  it("JSON.TYPE, RESP2 and RESP3", async () => {
    expect(await c.json.type("doc", { path: "$..a" })).toEqual(["integer", "string"]);
    expect(await c.json.type("doc", { path: ".c" })).toBe("object");
    expect(await c3.json.type("doc", { path: "$.b" })).toEqual(["array"]);
  });
});

describe("arrays and objects", () => {
  it("JSON.ARRAPPEND / ARRINSERT / ARRLEN / ARRINDEX", async () => {
    expect(await c.json.arrAppend("doc", "$.b", 4, "five")).toEqual([5]);
    expect(await c.json.arrInsert("doc", ".b", 0, 0)).toBe(6);
    expect(await c.json.arrLen("doc", { path: "$.*" })).toEqual([null, 6, null, null]);
    expect(await c.json.arrLen("doc", { path: ".b" })).toBe(6);
    expect(await c.json.arrIndex("doc", "$.b", 3)).toEqual([3]);
    expect(await c.json.arrIndex("doc", ".b", "five")).toBe(5);
    expect(await c.json.arrIndex("doc", ".b", 1, { range: { start: 2 } })).toBe(-1);
    expect(await c.json.get("doc", { path: ".b" })).toEqual([0, 1, 2, 3, 4, "five"]);
  });

  it("JSON.ARRPOP / ARRTRIM", async () => {
    expect(await c.json.arrPop("doc", { path: "$.b" })).toEqual([3]);
    expect(await c.json.arrPop("doc", { path: ".b", index: 0 })).toBe(1);
    expect(await c.json.arrTrim("doc", "$.b", 0, 0)).toEqual([1]);
    expect(await c.json.arrTrim("doc", ".b", 1, 0)).toBe(0);
    expect(await c.json.arrPop("doc", { path: ".b" })).toBeNull();
  });

  it("JSON.OBJKEYS / OBJLEN", async () => {
    expect(await c.json.objKeys("doc")).toEqual(["a", "b", "c", "n"]);
    expect(await c.json.objKeys("doc", { path: "$..c" })).toEqual([["a", "b"]]);
    expect(await c.json.objLen("doc", { path: "$.*" })).toEqual([null, null, 2, null]);
    expect(await c.json.objLen("doc")).toBe(4);
  });

  it("JSON.DEBUG MEMORY and JSON.RESP", async () => {
    expect(await c.json.debugMemory("doc")).toBeGreaterThan(50); // 52 bytes of text, packed in one block
    expect(await c.json.debugMemory("missing")).toBe(0);
    expect(await c.sendCommand(["JSON.RESP", "doc", "$.c"])).toEqual([["{", "a", "x", "b", "true"]]);
  });
});
