import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { WRONGTYPE } from "../../../test/helpers/other-type.js";
import { rawReplies } from "../../../test/helpers/raw-resp.js";

const s = useServer([], { flush: true });
const NOT_INTEGER = "ERR value is not an integer or out of range";

describe("LLEN / LRANGE / LINDEX", () => {
  it("reads ranges and indexes from either end", async () => {
    await s.r.rpush("l", "a", "b", "c", "d");
    expect(await s.r.llen("l")).toBe(4);
    expect(await s.r.llen("nokey")).toBe(0);
    expect(await s.r.lrange("l", 1, 2)).toEqual(["b", "c"]);
    expect(await s.r.lrange("l", -2, -1)).toEqual(["c", "d"]);
    expect(await s.r.lrange("l", -100, 100)).toEqual(["a", "b", "c", "d"]);
    expect(await s.r.lrange("l", 3, 1)).toEqual([]);
    expect(await s.r.lrange("l", 4, 10)).toEqual([]);
    expect(await s.r.lrange("nokey", 0, -1)).toEqual([]);
    expect(await s.r.lindex("l", 0)).toBe("a");
    expect(await s.r.lindex("l", -1)).toBe("d");
    expect(await s.r.lindex("l", 4)).toBe(null);
    expect(await s.r.lindex("l", -5)).toBe(null);
    expect(await s.r.lindex("nokey", 0)).toBe(null);
  });

  it("RESP3 shapes", async () => {
    await s.r.rpush("l", "a");
    const commands = [["LINDEX", "l", "5"], ["LRANGE", "nokey", "0", "-1"], ["LINDEX", "nokey", "0"]];
    expect(await rawReplies(s.port, 3, ...commands)).toEqual(["_\r\n", "*0\r\n", "_\r\n"]);
    expect(await rawReplies(s.port, 2, ...commands)).toEqual(["$-1\r\n", "*0\r\n", "$-1\r\n"]);
  });

  it("errors and WRONGTYPE", async () => {
    await s.r.set("s", "x");
    expect(await errorOf(s.r.call("LRANGE", "l", "x", "1"))).toBe(NOT_INTEGER);
    await s.r.rpush("l", "a");
    expect(await errorOf(s.r.call("LINDEX", "l", "1.5"))).toBe(NOT_INTEGER);
    // LINDEX and LSET look the key up before the index, LRANGE and LTRIM after.
    expect(await s.r.call("LINDEX", "nokey", "x")).toBe(null);
    expect(await errorOf(s.r.call("LINDEX", "s", "x"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.call("LRANGE", "s", "x", "1"))).toBe(NOT_INTEGER);
    expect(await errorOf(s.r.call("LLEN", "s"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.call("LRANGE", "s", "0", "1"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.call("LINDEX", "s", "0"))).toBe(WRONGTYPE);
  });
});

describe("LSET", () => {
  it("replaces by index, from either end", async () => {
    await s.r.rpush("l", "a", "b", "c");
    expect(await s.r.lset("l", 0, "A")).toBe("OK");
    expect(await s.r.lset("l", -1, "12345")).toBe("OK");
    expect(await s.r.lset("l", 1, "x".repeat(300))).toBe("OK");
    expect(await s.r.lrange("l", 0, -1)).toEqual(["A", "x".repeat(300), "12345"]);
  });

  it("errors and WRONGTYPE", async () => {
    await s.r.rpush("l", "a");
    await s.r.set("s", "x");
    expect(await errorOf(s.r.lset("nokey", 0, "x"))).toBe("ERR no such key");
    expect(await errorOf(s.r.lset("l", 1, "x"))).toBe("ERR index out of range");
    expect(await errorOf(s.r.lset("l", -2, "x"))).toBe("ERR index out of range");
    expect(await errorOf(s.r.call("LSET", "l", "x", "x"))).toBe(NOT_INTEGER);
    expect(await errorOf(s.r.call("LSET", "nokey", "x", "x"))).toBe("ERR no such key");
    expect(await errorOf(s.r.call("LSET", "s", "x", "x"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.lset("s", 0, "x"))).toBe(WRONGTYPE);
  });
});

describe("LTRIM", () => {
  it("keeps a range and deletes an emptied list", async () => {
    await s.r.rpush("l", "1", "2", "3", "4", "5", "6");
    expect(await s.r.ltrim("l", 1, -2)).toBe("OK");
    expect(await s.r.lrange("l", 0, -1)).toEqual(["2", "3", "4", "5"]);
    expect(await s.r.ltrim("l", -100, 100)).toBe("OK");
    expect(await s.r.llen("l")).toBe(4);
    expect(await s.r.ltrim("l", 2, 1)).toBe("OK");
    expect(await s.r.exists("l")).toBe(0);
    expect(await s.r.ltrim("nokey", 0, 1)).toBe("OK");
  });

  it("errors and WRONGTYPE", async () => {
    await s.r.set("s", "x");
    expect(await errorOf(s.r.call("LTRIM", "l", "0", "y"))).toBe(NOT_INTEGER);
    expect(await errorOf(s.r.ltrim("s", 0, 1))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.call("LTRIM", "s", "x", "1"))).toBe(NOT_INTEGER);
  });
});
