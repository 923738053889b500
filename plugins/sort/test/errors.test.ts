// Errors and the exact reply bytes, RESP2 and RESP3.
import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { rawReply } from "../../../test/helpers/raw-resp.js";

const s = useServer([], { flush: true });
const WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";

describe("SORT errors", () => {
  it("refuses a key that is not a list, set or sorted set", async () => {
    await s.r.set("str", "1");
    await s.r.hset("h", "f", "1");
    expect(await errorOf(s.r.sort("str"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.sort("h", "ALPHA"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.sort_ro("str"))).toBe(WRONGTYPE);
  });

  it("reports a bad option before the key's type", async () => {
    await s.r.set("str", "1");
    expect(await errorOf(s.r.sort("str", "FOO"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.sort("str", "LIMIT", "1"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.sort("str", "BY"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.sort("str", "GET"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.sort("str", "STORE"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.sort("str", "LIMIT", "x", "1"))).toBe("ERR value is not an integer or out of range");
    expect(await errorOf(s.r.sort("str", "LIMIT", "0", "1.5"))).toBe("ERR value is not an integer or out of range");
    expect(await errorOf(s.r.sort("str", "FOO", "LIMIT", "x", "1"))).toBe("ERR syntax error");
  });

  it("has no STORE in SORT_RO", async () => {
    await s.r.rpush("l", "1");
    // Through call(): ioredis rightly types SORT_RO without STORE.
    expect(await errorOf(s.r.call("SORT_RO", "l", "STORE", "dst"))).toBe("ERR syntax error");
  });

  it("checks arity", async () => {
    expect(await errorOf(s.r.call("SORT"))).toBe("ERR wrong number of arguments for 'sort' command");
    expect(await errorOf(s.r.call("SORT_RO"))).toBe("ERR wrong number of arguments for 'sort_ro' command");
  });

  it("does not store when the sort fails", async () => {
    await s.r.rpush("l", "x");
    await s.r.set("dst", "kept");
    expect(await errorOf(s.r.sort("l", "STORE", "dst"))).toBe("ERR One or more scores can't be converted into double");
    expect(await s.r.get("dst")).toBe("kept");
  });
});

describe("SORT reply bytes", () => {
  it("answers nil GET values as $-1 in RESP2 and _ in RESP3", async () => {
    await s.r.rpush("l", "2", "1");
    await s.r.set("v_1", "one");
    expect(await rawReply(s.port, 2, "SORT", "l", "GET", "v_*", "GET", "#")).toBe("*4\r\n$3\r\none\r\n$1\r\n1\r\n$-1\r\n$1\r\n2\r\n");
    expect(await rawReply(s.port, 3, "SORT", "l", "GET", "v_*", "GET", "#")).toBe("*4\r\n$3\r\none\r\n$1\r\n1\r\n_\r\n$1\r\n2\r\n");
    expect(await rawReply(s.port, 3, "SORT", "l", "STORE", "dst")).toBe(":2\r\n");
    expect(await rawReply(s.port, 3, "SORT", "missing")).toBe("*0\r\n");
  });
});
