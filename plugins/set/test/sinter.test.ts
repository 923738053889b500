// SINTER, SINTERCARD (LIMIT) and SINTERSTORE: missing keys as empty sets, type errors, stored results.
import { beforeEach, describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { WRONGTYPE } from "../../../test/helpers/other-type.js";
import { rawReply } from "../../../test/helpers/raw-resp.js";
import { sorted } from "./sorted.js";

const s = useServer([], { flush: true });
const words = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `w${from + i}`);

beforeEach(async () => {
  await s.r.sadd("a", "1", "2", "3", "x", "y");
  await s.r.sadd("b", "2", "3", "4", "y");
  await s.r.sadd("c", "3", "y", "z");
  await s.r.sadd("big1", ...words(0, 300));
  await s.r.sadd("big2", ...words(200, 500));
  await s.r.set("str", "v");
});

describe("SINTER", () => {
  it("intersects any number of sets", async () => {
    expect(sorted(await s.r.sinter("a"))).toEqual(["1", "2", "3", "x", "y"]);
    expect(sorted(await s.r.sinter("a", "b"))).toEqual(["2", "3", "y"]);
    expect(sorted(await s.r.sinter("a", "b", "c"))).toEqual(["3", "y"]);
    expect(sorted(await s.r.sinter("big1", "big2"))).toEqual(words(200, 300).sort());
    expect(sorted(await s.r.sinter("a", "a"))).toEqual(["1", "2", "3", "x", "y"]);
  });

  it("a missing key makes it empty", async () => {
    expect(await s.r.sinter("a", "nope")).toEqual([]);
    expect(await rawReply(s.port, 3, "SINTER", "a", "nope")).toBe("~0\r\n");
    expect(await rawReply(s.port, 3, "SINTER", "a", "c", "c")).toMatch(/^~2\r\n/);
  });

  it("checks every key's type, also after a missing one", async () => {
    expect(await errorOf(s.r.sinter("a", "str"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.sinter("nope", "str"))).toBe(WRONGTYPE);
  });
});

describe("SINTERCARD", () => {
  it("counts the intersection, up to LIMIT", async () => {
    expect(await s.r.call("SINTERCARD", "2", "a", "b")).toBe(3);
    expect(await s.r.call("SINTERCARD", "3", "a", "b", "c")).toBe(2);
    expect(await s.r.call("SINTERCARD", "1", "big1")).toBe(300);
    expect(await s.r.call("SINTERCARD", "2", "big1", "big2")).toBe(100);
    expect(await s.r.call("SINTERCARD", "2", "big1", "big2", "LIMIT", "10")).toBe(10);
    expect(await s.r.call("SINTERCARD", "2", "a", "b", "limit", "0")).toBe(3);
    expect(await s.r.call("SINTERCARD", "2", "a", "b", "LIMIT", "1", "LIMIT", "2")).toBe(2);
    expect(await s.r.call("SINTERCARD", "2", "a", "nope")).toBe(0);
  });

  it("refuses bad numkeys, LIMIT and options with Redis's texts", async () => {
    for (const n of ["0", "-1", "x"])
      expect(await errorOf(s.r.call("SINTERCARD", n, "a"))).toBe("ERR numkeys should be greater than 0");
    expect(await errorOf(s.r.call("SINTERCARD", "3", "a", "b"))).toBe("ERR Number of keys can't be greater than number of args");
    expect(await errorOf(s.r.call("SINTERCARD", "1", "a", "LIMIT", "-1"))).toBe("ERR LIMIT can't be negative");
    expect(await errorOf(s.r.call("SINTERCARD", "1", "a", "LIMIT", "x"))).toBe("ERR LIMIT can't be negative");
    expect(await errorOf(s.r.call("SINTERCARD", "1", "a", "LIMIT"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("SINTERCARD", "1", "a", "b"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("SINTERCARD", "2", "a", "str"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.call("SINTERCARD", "1"))).toBe("ERR wrong number of arguments for 'sintercard' command");
  });
});

describe("SINTERSTORE", () => {
  it("stores the intersection, replacing the destination and its TTL", async () => {
    await s.r.set("dst", "old", "EX", 100);
    expect(await s.r.sinterstore("dst", "a", "b")).toBe(3);
    expect(sorted(await s.r.smembers("dst"))).toEqual(["2", "3", "y"]);
    expect(await s.r.ttl("dst")).toBe(-1);
    expect(await s.r.sinterstore("dst", "big1", "big2")).toBe(100);
    expect(await s.r.scard("dst")).toBe(100);
  });

  it("a source may be the destination", async () => {
    expect(await s.r.sinterstore("a", "a", "c")).toBe(2);
    expect(sorted(await s.r.smembers("a"))).toEqual(["3", "y"]);
  });

  it("an empty result deletes the destination", async () => {
    await s.r.set("dst", "old");
    expect(await s.r.sinterstore("dst", "a", "nope")).toBe(0);
    expect(await s.r.exists("dst")).toBe(0);
    await s.r.sadd("dst", "q");
    expect(await s.r.sinterstore("dst", "a", "big1")).toBe(0);
    expect(await s.r.exists("dst")).toBe(0);
  });

  it("refuses other types among the sources only", async () => {
    expect(await errorOf(s.r.sinterstore("dst", "a", "str"))).toBe(WRONGTYPE);
    expect(await s.r.exists("dst")).toBe(0);
    expect(await s.r.sinterstore("str", "a")).toBe(5);
    expect(await s.r.type("str")).toBe("set");
  });
});
