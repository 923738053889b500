import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { rawReply } from "../../../test/helpers/raw-resp.js";

const s = useServer([], { flush: true });
const WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";
const ids = (entries: [string, string[]][]) => entries.map((e) => e[0]);

async function fill(key: string, n: number): Promise<void> {
  const pipe = s.r.pipeline();
  for (let i = 1; i <= n; i++) pipe.xadd(key, `${i}-0`, "i", String(i));
  await pipe.exec();
}

describe("XRANGE / XREVRANGE", () => {
  it("returns ranges in both directions, with COUNT", async () => {
    await fill("s", 250);
    expect(ids(await s.r.xrange("s", "10", "12"))).toEqual(["10-0", "11-0", "12-0"]);
    expect(ids(await s.r.xrevrange("s", "12", "10"))).toEqual(["12-0", "11-0", "10-0"]);
    expect(ids(await s.r.xrange("s", "-", "+", "COUNT", 2))).toEqual(["1-0", "2-0"]);
    expect(ids(await s.r.xrevrange("s", "+", "-", "COUNT", 2))).toEqual(["250-0", "249-0"]);
    expect((await s.r.xrange("s", "-", "+")).length).toBe(250);
    expect(ids(await s.r.xrevrange("s", "+", "-")).slice(98, 103)).toEqual(["152-0", "151-0", "150-0", "149-0", "148-0"]);
    expect(await s.r.xrange("s", "12", "10")).toEqual([]);
    expect(await s.r.xrange("missing", "-", "+")).toEqual([]);
    expect(ids(await s.r.xrange("s", "99-1", "101-0"))).toEqual(["100-0", "101-0"]);
    expect(await s.r.xrange("s", "-", "+", "COUNT", -5)).toBeNull();
  });

  it("COUNT 0 answers a null array, exclusive bounds skip the given ID", async () => {
    await fill("s", 5);
    expect(await s.r.call("XRANGE", "s", "-", "+", "COUNT", "0")).toBeNull();
    expect(ids(await s.r.xrange("s", "(2-0", "(4-0"))).toEqual(["3-0"]);
    expect(ids(await s.r.xrevrange("s", "(4-0", "(2"))).toEqual(["3-0"]);
    expect(ids(await s.r.xrevrange("s", "(4", "(2"))).toEqual(["4-0", "3-0"]); // "(4" is 4-max, exclusive
    expect(ids(await s.r.xrange("s", "(0-18446744073709551615", "+"))).toEqual(["1-0", "2-0", "3-0", "4-0", "5-0"]);
  });

  it("rejects bad bounds and options with Redis's errors", async () => {
    await fill("s", 1);
    const invalid = "ERR Invalid stream ID specified as stream command argument";
    expect(await errorOf(s.r.xrange("s", "x", "+"))).toBe(invalid);
    expect(await errorOf(s.r.xrange("s", "(-", "+"))).toBe(invalid);
    expect(await errorOf(s.r.xrange("s", "-", "(+"))).toBe(invalid);
    expect(await errorOf(s.r.xrange("s", "(18446744073709551615-18446744073709551615", "+"))).toBe("ERR invalid start ID for the interval");
    expect(await errorOf(s.r.xrange("s", "-", "(0-0"))).toBe("ERR invalid end ID for the interval");
    expect(await errorOf(s.r.call("XRANGE", "s", "-", "+", "COUNT"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("XRANGE", "s", "-", "+", "LIMIT", "1"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("XRANGE", "s", "-", "+", "COUNT", "x"))).toBe("ERR value is not an integer or out of range");
    await s.r.set("str", "x");
    expect(await errorOf(s.r.xrevrange("str", "+", "-"))).toBe(WRONGTYPE);
  });

  it("replies the same shape in RESP2 and RESP3", async () => {
    await s.r.xadd("s", "1-1", "a", "1");
    const expected = "*1\r\n*2\r\n$3\r\n1-1\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n";
    expect(await rawReply(s.port, 2, "XRANGE", "s", "-", "+")).toBe(expected);
    expect(await rawReply(s.port, 3, "XRANGE", "s", "-", "+")).toBe(expected);
    expect(await rawReply(s.port, 3, "XRANGE", "s", "-", "+", "COUNT", "0")).toBe("_\r\n");
  });
});

describe("XDEL", () => {
  it("deletes entries, counting only those that existed", async () => {
    await fill("s", 150);
    expect(await s.r.xdel("s", "2-0", "3-0", "2-0", "999-0")).toBe(2);
    expect(await s.r.xlen("s")).toBe(148);
    expect(ids(await s.r.xrange("s", "-", "4"))).toEqual(["1-0", "4-0"]);
    expect(ids(await s.r.xrevrange("s", "4", "-"))).toEqual(["4-0", "1-0"]);
    const many = Array.from({ length: 100 }, (_, i) => `${i + 1}-0`);
    expect(await s.r.xdel("s", ...many)).toBe(98);
    expect(ids(await s.r.xrange("s", "-", "+", "COUNT", 2))).toEqual(["101-0", "102-0"]);
    expect(ids(await s.r.xrevrange("s", "101", "-"))).toEqual(["101-0"]);
    expect(await s.r.xdel("missing", "1-0")).toBe(0);
  });

  it("checks every ID before deleting any", async () => {
    await fill("s", 3);
    expect(await errorOf(s.r.xdel("s", "1-0", "bad"))).toBe("ERR Invalid stream ID specified as stream command argument");
    expect(await s.r.xlen("s")).toBe(3);
    expect(await s.r.xdel("missing", "bad")).toBe(0);
  });

  it("leaves an empty stream that still knows its last ID", async () => {
    await fill("s", 2);
    expect(await s.r.xdel("s", "1-0", "2-0")).toBe(2);
    expect(await s.r.exists("s")).toBe(1);
    expect(await s.r.xlen("s")).toBe(0);
    expect(await errorOf(s.r.xadd("s", "2-0", "a", "1"))).toBe("ERR The ID specified in XADD is equal or smaller than the target stream top item");
  });

  it("WRONGTYPE", async () => {
    await s.r.set("str", "x");
    expect(await errorOf(s.r.xdel("str", "1-0"))).toBe(WRONGTYPE);
  });
});

describe("XTRIM", () => {
  it("trims by MAXLEN and MINID, exactly or by whole nodes", async () => {
    await fill("s", 300);
    expect(await s.r.xtrim("s", "MAXLEN", "~", 150)).toBe(100);
    expect(await s.r.xtrim("s", "MAXLEN", "=", 150)).toBe(50);
    expect(ids(await s.r.xrange("s", "-", "+", "COUNT", 1))).toEqual(["151-0"]);
    expect(await s.r.xtrim("s", "MINID", 160)).toBe(9);
    expect(await s.r.call("XTRIM", "s", "MINID", "~", "290", "LIMIT", "10")).toBe(0);
    expect(await s.r.call("XTRIM", "s", "MINID", "~", "290", "LIMIT", "0")).toBe(41);
    expect(ids(await s.r.xrange("s", "-", "+", "COUNT", 1))).toEqual(["201-0"]);
    expect(await s.r.xtrim("s", "MAXLEN", 0)).toBe(100);
    expect(await s.r.xlen("s")).toBe(0);
    expect(await s.r.xtrim("missing", "MAXLEN", 0)).toBe(0);
  });

  it("errors", async () => {
    await fill("s", 3);
    expect(await errorOf(s.r.call("XTRIM", "s", "LIMIT", "1"))).toBe("ERR syntax error, LIMIT cannot be used without specifying a trimming strategy");
    expect(await errorOf(s.r.call("XTRIM", "s", "FOO", "1"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("XTRIM", "s", "MAXLEN"))).toBe("ERR wrong number of arguments for 'xtrim' command");
    expect(await errorOf(s.r.call("XTRIM", "s", "MAXLEN", "1", "LIMIT"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("XTRIM", "s", "MAXLEN", "1", "MINID", "1"))).toBe("ERR syntax error, MAXLEN and MINID options at the same time are not compatible");
    expect(await errorOf(s.r.call("XTRIM", "s", "NOMKSTREAM", "MAXLEN", "1"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("XTRIM", "missing", "FOO", "1"))).toBe("ERR syntax error");
    expect(await s.r.call("XTRIM", "missing", "MAXLEN", "1")).toBe(0);
    await s.r.set("str", "x");
    expect(await errorOf(s.r.call("XTRIM", "str", "MAXLEN", "1"))).toBe(WRONGTYPE);
  });
});
