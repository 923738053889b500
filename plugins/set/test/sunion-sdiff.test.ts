// SUNION, SUNIONSTORE, SDIFF, SDIFFSTORE: missing keys as empty sets, type errors, stored results.
import { beforeEach, describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { WRONGTYPE } from "../../../test/helpers/other-type.js";
import { rawReply } from "../../../test/helpers/raw-resp.js";
import { sorted } from "./sorted.js";

const s = useServer([], { flush: true });
const words = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `w${from + i}`);

beforeEach(async () => {
  await s.r.sadd("a", "1", "2", "3", "x");
  await s.r.sadd("b", "2", "3", "4");
  await s.r.sadd("c", "3", "x", "z");
  await s.r.sadd("big1", ...words(0, 300));
  await s.r.sadd("big2", ...words(200, 500));
  await s.r.set("str", "v");
});

describe("SUNION / SUNIONSTORE", () => {
  it("unites sets, missing keys being empty", async () => {
    expect(sorted(await s.r.sunion("a", "b", "c"))).toEqual(["1", "2", "3", "4", "x", "z"]);
    expect(sorted(await s.r.sunion("a", "nope"))).toEqual(["1", "2", "3", "x"]);
    expect(await s.r.sunion("nope")).toEqual([]);
    expect(sorted(await s.r.sunion("big1", "big2", "a"))).toEqual([...words(0, 500), "1", "2", "3", "x"].sort());
    expect(await rawReply(s.port, 3, "SUNION", "nope")).toBe("~0\r\n");
    expect(await rawReply(s.port, 3, "SUNION", "b", "b")).toMatch(/^~3\r\n/);
  });

  it("stores the union; an empty one deletes the destination", async () => {
    expect(await s.r.sunionstore("dst", "a", "b")).toBe(5);
    expect(sorted(await s.r.smembers("dst"))).toEqual(["1", "2", "3", "4", "x"]);
    expect(await s.r.sunionstore("a", "a", "c")).toBe(5);
    expect(sorted(await s.r.smembers("a"))).toEqual(["1", "2", "3", "x", "z"]);
    expect(await s.r.sunionstore("dst", "nope", "nope2")).toBe(0);
    expect(await s.r.exists("dst")).toBe(0);
    expect(await s.r.sunionstore("dst", "big1", "big2")).toBe(500);
  });

  it("refuses other types among the sources", async () => {
    expect(await errorOf(s.r.sunion("a", "str"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.sunion("nope", "str"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.sunionstore("dst", "a", "str"))).toBe(WRONGTYPE);
    expect(await s.r.exists("dst")).toBe(0);
    expect(await s.r.sunionstore("str", "b")).toBe(3);
    expect(await s.r.type("str")).toBe("set");
  });
});

describe("SDIFF / SDIFFSTORE", () => {
  it("subtracts the later sets from the first", async () => {
    expect(sorted(await s.r.sdiff("a", "b"))).toEqual(["1", "x"]);
    expect(sorted(await s.r.sdiff("a", "b", "c"))).toEqual(["1"]);
    expect(sorted(await s.r.sdiff("a", "nope"))).toEqual(["1", "2", "3", "x"]);
    expect(await s.r.sdiff("nope", "a")).toEqual([]);
    expect(await s.r.sdiff("a", "a")).toEqual([]);
    expect(sorted(await s.r.sdiff("big1", "big2"))).toEqual(words(0, 200).sort());
    expect(await rawReply(s.port, 3, "SDIFF", "a", "a")).toBe("~0\r\n");
  });

  it("stores the difference; an empty one deletes the destination", async () => {
    expect(await s.r.sdiffstore("dst", "a", "b")).toBe(2);
    expect(sorted(await s.r.smembers("dst"))).toEqual(["1", "x"]);
    expect(await s.r.sdiffstore("a", "a", "c")).toBe(2);
    expect(sorted(await s.r.smembers("a"))).toEqual(["1", "2"]);
    expect(await s.r.sdiffstore("dst", "b", "b")).toBe(0);
    expect(await s.r.exists("dst")).toBe(0);
    expect(await s.r.sdiffstore("dst", "big2", "big1")).toBe(200);
  });

  it("refuses other types among the sources", async () => {
    expect(await errorOf(s.r.sdiff("a", "str"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.sdiff("nope", "str"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.sdiffstore("dst", "str", "a"))).toBe(WRONGTYPE);
    expect(await s.r.sdiffstore("str", "b")).toBe(3);
    expect(await s.r.type("str")).toBe("set");
    expect(await errorOf(s.r.call("SDIFFSTORE", "dst"))).toBe("ERR wrong number of arguments for 'sdiffstore' command");
  });
});
