// PFMERGE, against Ferrite and (TEST_AGAINST=redis) redis-server.
import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { otherTypeKey, WRONGTYPE } from "../../../test/helpers/other-type.js";
import { addRange } from "./helpers.js";

const s = useServer([], { flush: true });

describe("PFMERGE", () => {
  it("stores the union, counted as PFCOUNT over the sources counts it", async () => {
    await addRange(s.r, "a", 0, 1000);
    await addRange(s.r, "b", 500, 1500);
    expect(await s.r.pfmerge("u", "a", "b", "missing")).toBe("OK");
    expect(await s.r.pfcount("u")).toBe(1512);
    expect(await s.r.pfcount("a")).toBe(1001);
  });

  it("includes the destination's own registers and keeps its TTL", async () => {
    await addRange(s.r, "d", 0, 1000);
    await s.r.expire("d", 100);
    await addRange(s.r, "b", 500, 1500);
    expect(await s.r.pfmerge("d", "b")).toBe("OK");
    expect(await s.r.pfcount("d")).toBe(1512);
    expect(await s.r.ttl("d")).toBe(100);
  });

  it("with only a destination creates an empty HLL", async () => {
    expect(await s.r.pfmerge("e")).toBe("OK");
    expect(await s.r.exists("e")).toBe(1);
    expect(await s.r.pfcount("e")).toBe(0);
  });

  it("merges dense and sparse sources alike", async () => {
    await addRange(s.r, "dense", 0, 20000);
    await s.r.pfadd("sparse", "x", "y", "z");
    expect(await s.r.pfmerge("u", "sparse", "dense")).toBe("OK");
    expect(await s.r.pfcount("u")).toBe(await s.r.pfcount("dense", "sparse"));
    expect(await s.r.pfmerge("sparse", "dense")).toBe("OK");
    expect(await s.r.pfcount("sparse")).toBe(await s.r.pfcount("u"));
  });

  it("checks every key before writing anything", async () => {
    await s.r.pfadd("a", "1");
    await s.r.set("s", "foo");
    expect(await errorOf(s.r.pfmerge("d", "a", "s"))).toBe("WRONGTYPE Key is not a valid HyperLogLog string value.");
    expect(await s.r.exists("d")).toBe(0);
    expect(await errorOf(s.r.pfmerge("s", "a"))).toBe("WRONGTYPE Key is not a valid HyperLogLog string value.");
    await otherTypeKey(s.r, "o");
    expect(await errorOf(s.r.pfmerge("d", "a", "o"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.call("PFMERGE"))).toBe("ERR wrong number of arguments for 'pfmerge' command");
  });
});
