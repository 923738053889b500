import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "./server.js";
import { otherTypeKey } from "../../../test/helpers/other-type.js";

const { redis } = useServer();

describe("MGET / MSET / MSETNX", () => {
  it("MGET gives null for missing keys and other types", async () => {
    await redis().set("a", "1");
    await otherTypeKey(redis(), "l");
    expect(await redis().mget("a", "missing", "l", "a")).toEqual(["1", null, null, "1"]);
  });

  it("MSET sets every pair, the last duplicate winning, and clears TTLs", async () => {
    await redis().set("a", "old", "EX", 100);
    expect(await redis().mset("a", "1", "b", "2", "a", "3")).toBe("OK");
    expect(await redis().mget("a", "b")).toEqual(["3", "2"]);
    expect(await redis().ttl("a")).toBe(-1);
  });

  it("MSETNX is all or nothing", async () => {
    expect(await redis().msetnx("a", "1", "b", "2")).toBe(1);
    expect(await redis().msetnx("b", "x", "c", "3")).toBe(0);
    expect(await redis().exists("c")).toBe(0);
    await otherTypeKey(redis(), "l");
    expect(await redis().msetnx("l", "1", "d", "4")).toBe(0);
    expect(await redis().exists("d")).toBe(0);
  });

  it("odd argument counts are arity errors", async () => {
    expect(await errorOf(redis().call("MSET", "a", "1", "b"))).toBe("ERR wrong number of arguments for 'mset' command");
    expect(await errorOf(redis().call("MSETNX", "a", "1", "b"))).toBe("ERR wrong number of arguments for 'msetnx' command");
    expect(await errorOf(redis().call("MSET", "a"))).toBe("ERR wrong number of arguments for 'mset' command");
  });
});
