// PFADD and PFCOUNT, run against Ferrite and (TEST_AGAINST=redis) redis-server: the counts are
// Redis's own numbers for these inputs, so they pin the hash and the estimator.
import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { otherTypeKey, WRONGTYPE } from "../../../test/helpers/other-type.js";
import { addRange } from "./helpers.js";

const s = useServer([], { flush: true });
const NOT_HLL = "WRONGTYPE Key is not a valid HyperLogLog string value.";

describe("PFADD", () => {
  it("answers 1 when a register changed, 0 when none did", async () => {
    expect(await s.r.pfadd("h", "a", "b", "c")).toBe(1);
    expect(await s.r.pfadd("h", "a", "b")).toBe(0);
    expect(await s.r.pfadd("h", "d")).toBe(1);
  });

  it("creates an empty HLL without elements, and then changes nothing", async () => {
    expect(await s.r.pfadd("h")).toBe(1);
    expect(await s.r.exists("h")).toBe(1);
    expect(await s.r.pfcount("h")).toBe(0);
    expect(await s.r.pfadd("h")).toBe(0);
  });

  it("keeps the TTL of an existing key", async () => {
    await s.r.pfadd("h", "a");
    await s.r.expire("h", 100);
    await s.r.pfadd("h", "b", "c");
    expect(await s.r.ttl("h")).toBe(100);
  });

  it("hashes binary elements of every tail length", async () => {
    const elements = Array.from({ length: 40 }, (_, i) => Buffer.from(Array.from({ length: i }, (_, j) => (j * 37 + i) & 0xff)));
    expect(await s.r.pfadd("h", ...elements)).toBe(1);
    expect(await s.r.pfcount("h")).toBe(40);
  });
});

describe("PFCOUNT", () => {
  it("is 0 for a missing key", async () => {
    expect(await s.r.pfcount("missing")).toBe(0);
  });

  it("matches Redis's estimates", async () => {
    await s.r.pfadd("small", "a", "b", "c", "d", "e", "f", "g");
    expect(await s.r.pfcount("small")).toBe(7);
    await addRange(s.r, "k1000", 0, 1000);
    expect(await s.r.pfcount("k1000")).toBe(1001);
    await addRange(s.r, "k10000", 0, 10000);
    expect(await s.r.pfcount("k10000")).toBe(9987);
  });

  it("over several keys estimates the union and leaves the keys alone", async () => {
    await addRange(s.r, "a", 0, 1000);
    await addRange(s.r, "b", 500, 1500);
    expect(await s.r.pfcount("a", "b", "missing")).toBe(1512);
    expect(await s.r.pfcount("a")).toBe(1001);
    expect(await s.r.pfcount("b")).toBe(1009);
    expect(await s.r.pfcount("missing", "missing2")).toBe(0);
  });

  it("stays within the 0.81 % standard error up to 100 000 elements", async () => {
    await addRange(s.r, "big", 0, 100000);
    const count = await s.r.pfcount("big");
    expect(Math.abs(count - 100000) / 100000).toBeLessThan(3 * 0.0081);
  });
});

describe("errors", () => {
  it("a string is not a valid HyperLogLog", async () => {
    await s.r.set("s", "foo");
    expect(await errorOf(s.r.pfadd("s", "a"))).toBe(NOT_HLL);
    expect(await errorOf(s.r.pfcount("s"))).toBe(NOT_HLL);
    await s.r.pfadd("h", "a");
    expect(await errorOf(s.r.pfcount("h", "s"))).toBe(NOT_HLL);
    expect(await s.r.get("s")).toBe("foo");
  });

  it("another type gets the generic WRONGTYPE", async () => {
    await otherTypeKey(s.r, "o");
    expect(await errorOf(s.r.pfadd("o", "a"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.pfcount("o"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.pfcount("missing", "o"))).toBe(WRONGTYPE);
  });

  it("arity", async () => {
    expect(await errorOf(s.r.call("PFADD"))).toBe("ERR wrong number of arguments for 'pfadd' command");
    expect(await errorOf(s.r.call("PFCOUNT"))).toBe("ERR wrong number of arguments for 'pfcount' command");
  });
});
