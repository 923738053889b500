import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { otherTypeKey } from "../../../test/helpers/other-type.js";

const s = useServer([], { flush: true });

describe("MGET / MSET / MSETNX", () => {
  it("MGET gives null for missing keys and other types", async () => {
    await s.r.set("a", "1");
    await otherTypeKey(s.r, "l");
    expect(await s.r.mget("a", "missing", "l", "a")).toEqual(["1", null, null, "1"]);
  });

  it("MSET sets every pair, the last duplicate winning, and clears TTLs", async () => {
    await s.r.set("a", "old", "EX", 100);
    expect(await s.r.mset("a", "1", "b", "2", "a", "3")).toBe("OK");
    expect(await s.r.mget("a", "b")).toEqual(["3", "2"]);
    expect(await s.r.ttl("a")).toBe(-1);
  });

  it("MSETNX is all or nothing", async () => {
    expect(await s.r.msetnx("a", "1", "b", "2")).toBe(1);
    expect(await s.r.msetnx("b", "x", "c", "3")).toBe(0);
    expect(await s.r.exists("c")).toBe(0);
    await otherTypeKey(s.r, "l");
    expect(await s.r.msetnx("l", "1", "d", "4")).toBe(0);
    expect(await s.r.exists("d")).toBe(0);
  });

  it("odd argument counts are arity errors", async () => {
    expect(await errorOf(s.r.call("MSET", "a", "1", "b"))).toBe("ERR wrong number of arguments for 'mset' command");
    expect(await errorOf(s.r.call("MSETNX", "a", "1", "b"))).toBe("ERR wrong number of arguments for 'msetnx' command");
    expect(await errorOf(s.r.call("MSET", "a"))).toBe("ERR wrong number of arguments for 'mset' command");
  });
});
