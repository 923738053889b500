import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { against } from "../../../test/helpers/target.js";
import { WRONGTYPE } from "../../../test/helpers/other-type.js";
import { rawReplies } from "../../../test/helpers/raw-resp.js";

const s = useServer([], { flush: true });

describe("LINSERT", () => {
  it("inserts before or after the first pivot", async () => {
    await s.r.rpush("l", "a", "b", "a");
    expect(await s.r.linsert("l", "BEFORE", "a", "x")).toBe(4);
    expect(await s.r.linsert("l", "AFTER", "b", "y")).toBe(5);
    expect(await s.r.call("LINSERT", "l", "after", "a", "z")).toBe(6);
    expect(await s.r.lrange("l", 0, -1)).toEqual(["x", "a", "z", "b", "y", "a"]);
    expect(await s.r.linsert("l", "BEFORE", "nothere", "q")).toBe(-1);
    expect(await s.r.linsert("nokey", "BEFORE", "a", "q")).toBe(0);
    expect(await s.r.exists("nokey")).toBe(0);
  });

  it("errors and WRONGTYPE", async () => {
    await s.r.set("s", "x");
    expect(await errorOf(s.r.call("LINSERT", "nokey", "MIDDLE", "a", "b"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.linsert("s", "BEFORE", "a", "b"))).toBe(WRONGTYPE);
  });
});

describe("LREM", () => {
  it("removes from the head, the tail or everywhere", async () => {
    await s.r.rpush("l", "a", "b", "a", "c", "a", "b", "a");
    expect(await s.r.lrem("l", 2, "a")).toBe(2);
    expect(await s.r.lrange("l", 0, -1)).toEqual(["b", "c", "a", "b", "a"]);
    expect(await s.r.lrem("l", -1, "a")).toBe(1);
    expect(await s.r.lrange("l", 0, -1)).toEqual(["b", "c", "a", "b"]);
    expect(await s.r.lrem("l", 0, "b")).toBe(2);
    expect(await s.r.lrem("l", 0, "zz")).toBe(0);
    expect(await s.r.lrem("nokey", 0, "a")).toBe(0);
    expect(await s.r.lrem("l", 0, "a")).toBe(1);
    expect(await s.r.lrem("l", -5, "c")).toBe(1);
    expect(await s.r.exists("l")).toBe(0);
  });

  it("matches integers by their text", async () => {
    await s.r.rpush("l", "10", "010", "10", "+10");
    expect(await s.r.lrem("l", 0, "10")).toBe(2);
    expect(await s.r.lrange("l", 0, -1)).toEqual(["010", "+10"]);
  });

  it("errors and WRONGTYPE", async () => {
    await s.r.set("s", "x");
    expect(await errorOf(s.r.call("LREM", "l", "x", "a"))).toBe("ERR value is not an integer or out of range");
    expect(await errorOf(s.r.lrem("s", 0, "a"))).toBe(WRONGTYPE);
  });
});

describe("LPOS", () => {
  const lpos = (...args: string[]) => s.r.call("LPOS", "p", ...args);

  it("finds matches with RANK, COUNT and MAXLEN", async () => {
    await s.r.rpush("p", "a", "b", "c", "a", "b", "c", "a");
    expect(await lpos("a")).toBe(0);
    expect(await lpos("c")).toBe(2);
    expect(await lpos("a", "RANK", "2")).toBe(3);
    expect(await lpos("a", "RANK", "-1")).toBe(6);
    expect(await lpos("a", "RANK", "4")).toBe(null);
    expect(await lpos("a", "COUNT", "0")).toEqual([0, 3, 6]);
    expect(await lpos("a", "COUNT", "2")).toEqual([0, 3]);
    expect(await lpos("a", "RANK", "-2", "COUNT", "0")).toEqual([3, 0]);
    expect(await lpos("a", "COUNT", "0", "MAXLEN", "4")).toEqual([0, 3]);
    expect(await lpos("c", "MAXLEN", "2")).toBe(null);
    expect(await lpos("c", "RANK", "-1", "MAXLEN", "2")).toBe(5);
    expect(await lpos("zz", "COUNT", "3")).toEqual([]);
    expect(await s.r.call("LPOS", "nokey", "a")).toBe(null);
    expect(await s.r.call("LPOS", "nokey", "a", "COUNT", "1")).toEqual([]);
  });

  it("RESP3 null", async () => {
    const replies = await rawReplies(s.port, 3, ["LPOS", "nokey", "a"], ["LPOS", "nokey", "a", "COUNT", "0"]);
    expect(replies).toEqual(["_\r\n", "*0\r\n"]);
  });

  it("option errors, checked before the key", async () => {
    await s.r.set("s", "x");
    expect(await errorOf(lpos("a", "RANK", "0"))).toBe(
      "ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list");
    expect(await errorOf(lpos("a", "RANK", "x"))).toBe("ERR value is not an integer or out of range");
    expect(await errorOf(lpos("a", "COUNT", "-1"))).toBe("ERR COUNT can't be negative");
    expect(await errorOf(lpos("a", "COUNT", "x"))).toBe("ERR COUNT can't be negative");
    expect(await errorOf(lpos("a", "MAXLEN", "-1"))).toBe("ERR MAXLEN can't be negative");
    expect(await errorOf(lpos("a", "MAXLEN", "x"))).toBe("ERR MAXLEN can't be negative");
    expect(await errorOf(lpos("a", "RANK"))).toBe("ERR syntax error");
    expect(await errorOf(lpos("a", "FOO", "1"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("LPOS", "s", "a", "RANK", "0"))).toMatch(/^ERR RANK/);
    expect(await errorOf(s.r.call("LPOS", "s", "a"))).toBe(WRONGTYPE);
  });

  // Redis 7.2 bounds RANK to ±LONG_MAX; 7.0 negates LONG_MIN and overflows.
  it.skipIf(against === "redis")("refuses a RANK whose negation overflows (7.2)", async () => {
    expect(await errorOf(lpos("a", "RANK", "-9223372036854775808"))).toBe(
      "ERR value is out of range, must be between -9223372036854775807 and 9223372036854775807");
  });
});
