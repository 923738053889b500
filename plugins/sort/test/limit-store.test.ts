// LIMIT windows, Redis's clamping included, and STORE's list.
import { describe, expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";

const s = useServer([], { flush: true });

describe("SORT LIMIT", () => {
  it("clamps the window to the result", async () => {
    await s.r.rpush("l", "5", "3", "1", "4", "2");
    expect(await s.r.sort("l", "LIMIT", "1", "2")).toEqual(["2", "3"]);
    expect(await s.r.sort("l", "LIMIT", "-3", "2")).toEqual(["1", "2"]);
    expect(await s.r.sort("l", "LIMIT", "3", "-1")).toEqual(["4", "5"]);
    expect(await s.r.sort("l", "LIMIT", "3", "100")).toEqual(["4", "5"]);
    expect(await s.r.sort("l", "LIMIT", "5", "1")).toEqual([]);
    expect(await s.r.sort("l", "LIMIT", "0", "0")).toEqual([]);
    expect(await s.r.sort("l", "LIMIT", "9223372036854775807", "9223372036854775807")).toEqual([]);
    expect(await s.r.sort("l", "LIMIT", "1", "2", "DESC")).toEqual(["4", "3"]);
  });

  it("windows a list or sorted set under BY nosort, from the tail for DESC", async () => {
    await s.r.rpush("l", "a", "b", "c", "d", "e");
    await s.r.zadd("z", 1, "a", 2, "b", 3, "c", 4, "d", 5, "e");
    for (const key of ["l", "z"]) {
      expect(await s.r.sort(key, "BY", "x", "LIMIT", "1", "2")).toEqual(["b", "c"]);
      expect(await s.r.sort(key, "BY", "x", "LIMIT", "1", "2", "DESC")).toEqual(["d", "c"]);
      expect(await s.r.sort(key, "BY", "x", "LIMIT", "3", "10", "DESC")).toEqual(["b", "a"]);
      expect(await s.r.sort(key, "BY", "x", "LIMIT", "-2", "-1", "DESC")).toEqual(["e", "d", "c", "b", "a"]);
      expect(await s.r.sort(key, "BY", "x", "LIMIT", "5", "1")).toEqual([]);
      expect(await s.r.sort(key, "BY", "x", "LIMIT", "0", "0", "DESC")).toEqual([]);
      expect(await s.r.sort(key, "BY", "x", "LIMIT", "4", "-1")).toEqual(["e"]);
    }
  });

  it("multiplies the window by the GET patterns", async () => {
    await s.r.rpush("l", "2", "1", "3");
    expect(await s.r.sort("l", "LIMIT", "1", "1", "GET", "#", "GET", "#")).toEqual(["2", "2"]);
  });

  it("answers an empty array for a missing key", async () => {
    expect(await s.r.sort("missing", "LIMIT", "0", "5", "GET", "#")).toEqual([]);
  });
});

describe("SORT STORE", () => {
  it("replaces the destination with a list of the result, its TTL dropped", async () => {
    await s.r.sadd("s", "3", "1", "2");
    await s.r.set("dst", "old", "EX", 100);
    expect(await s.r.sort("s", "STORE", "dst")).toBe(3);
    expect(await s.r.type("dst")).toBe("list");
    expect(await s.r.lrange("dst", 0, -1)).toEqual(["1", "2", "3"]);
    expect(await s.r.ttl("dst")).toBe(-1);
  });

  it("stores GET values, an empty string for nothing found", async () => {
    await s.r.rpush("l", "2", "1");
    await s.r.set("v_1", "one");
    expect(await s.r.sort("l", "GET", "#", "GET", "v_*", "STORE", "dst")).toBe(4);
    expect(await s.r.lrange("dst", 0, -1)).toEqual(["1", "one", "2", ""]);
  });

  it("deletes the destination when the result is empty", async () => {
    await s.r.set("dst", "x");
    expect(await s.r.sort("missing", "STORE", "dst")).toBe(0);
    expect(await s.r.exists("dst")).toBe(0);
    await s.r.rpush("l", "1");
    await s.r.set("dst", "x");
    expect(await s.r.sort("l", "LIMIT", "1", "1", "STORE", "dst")).toBe(0);
    expect(await s.r.exists("dst")).toBe(0);
  });

  it("can store over its own source", async () => {
    await s.r.rpush("l", "b", "c", "a");
    expect(await s.r.sort("l", "ALPHA", "STORE", "l")).toBe(3);
    expect(await s.r.lrange("l", 0, -1)).toEqual(["a", "b", "c"]);
  });

  it("sorts a set under BY nosort when storing, for a deterministic list", async () => {
    await s.r.sadd("s", "b", "10", "a", "9");
    expect(await s.r.sort("s", "BY", "nosort", "DESC", "STORE", "dst")).toBe(4);
    expect(await s.r.lrange("dst", 0, -1)).toEqual(["b", "a", "9", "10"]);
  });

  it("keeps a list's order under BY nosort", async () => {
    await s.r.rpush("l", "c", "a", "b");
    expect(await s.r.sort("l", "BY", "nosort", "LIMIT", "1", "5", "STORE", "dst")).toBe(2);
    expect(await s.r.lrange("dst", 0, -1)).toEqual(["a", "b"]);
  });
});
