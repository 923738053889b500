// An HLL is a Redis string (see ../README.md): string commands see its HYLL bytes, and bytes written as a
// string are an HLL to PF* commands when they are one: checked as Redis checks them, with its errors.
import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { WRONGTYPE } from "../../../test/helpers/other-type.js";
import { against } from "../../../test/helpers/target.js";
import { addRange } from "./helpers.js";

const s = useServer([], { flush: true });
const NOT_HLL = "WRONGTYPE Key is not a valid HyperLogLog string value.";
const CORRUPT = "INVALIDOBJ Corrupted HLL object detected";

describe("an HLL is a string", () => {
  it("TYPE and GET", async () => {
    await s.r.pfadd("h", "a");
    expect(await s.r.type("h")).toBe("string");
    expect((await s.r.getBuffer("h"))!.subarray(0, 5)).toEqual(Buffer.from("HYLL\x01", "latin1"));
  });

  it("bytes copied with GET and SET are the same HLL; DUMP/RESTORE and COPY too", async () => {
    await addRange(s.r, "sparse", 0, 300);
    await addRange(s.r, "dense", 0, 20000);
    for (const key of ["sparse", "dense"]) {
      await s.r.set(`${key}:copy`, (await s.r.getBuffer(key))!);
      expect(await s.r.restore(`${key}:restored`, 0, (await s.r.dumpBuffer(key))!)).toBe("OK");
      expect(await s.r.copy(key, `${key}:copied`)).toBe(1);
      await s.r.pfadd(key, "new", "elements");
      const count = await s.r.pfcount(key);
      for (const other of ["copy", "restored", "copied"]) {
        await s.r.pfadd(`${key}:${other}`, "new", "elements");
        expect(await s.r.pfcount(`${key}:${other}`)).toBe(count);
      }
    }
  });

  it("PFCOUNT caches the count in the header; PFADD marks it stale only when a register changes", async () => {
    const staleByte = async () => (await s.r.getrangeBuffer("h", 15, 15))[0];
    await s.r.pfadd("h", "a", "b", "c");
    expect(await staleByte()).toBe(0x80);
    expect(await s.r.pfcount("h")).toBe(3);
    expect(await staleByte()).toBe(0);
    await s.r.pfadd("h", "a", "b", "c");
    expect(await staleByte()).toBe(0);
    await s.r.pfadd("h", "1", "2", "3");
    expect(await staleByte()).toBe(0x80);
  });

  it("keeps the key's TTL when PF* write it", async () => {
    await s.r.pfadd("h", "a");
    await s.r.expire("h", 1000);
    await s.r.pfadd("h", "b");
    await s.r.pfcount("h");
    await s.r.pfmerge("h", "h");
    expect(await s.r.ttl("h")).toBeGreaterThan(990);
  });

  it("a broken header is no HLL; broken sparse opcodes are a corrupt one", async () => {
    await s.r.pfadd("h", "a", "b", "c");
    await s.r.append("h", "hello");
    expect(await errorOf(s.r.pfcount("h"))).toBe(CORRUPT);
    // Ferrite walks every sparse HLL in full before using it; Redis only sees what its walk reaches.
    if (against === "ferrite") expect(await errorOf(s.r.pfadd("h", "x"))).toBe(CORRUPT);
    await s.r.del("h");
    await s.r.pfadd("h", "a");
    await s.r.setrange("h", 0, "0123");
    expect(await errorOf(s.r.pfcount("h"))).toBe(NOT_HLL);
    await s.r.del("h");
    await s.r.pfadd("h", "a");
    await s.r.setrange("h", 4, "\x00"); // says dense, has a sparse length
    expect(await errorOf(s.r.pfcount("h"))).toBe(NOT_HLL);
    // Far longer than any HLL: refused without reading it all.
    await s.r.set("h", Buffer.concat([Buffer.from("HYLL\x01", "latin1"), Buffer.alloc(11), Buffer.alloc(100_000, 0x7f)]));
    expect(await errorOf(s.r.pfcount("h", "h"))).toBe(CORRUPT);
    await s.r.set("h", "12345678901234567890");
    expect(await errorOf(s.r.pfmerge("d", "h"))).toBe(NOT_HLL);
    expect(await s.r.exists("d")).toBe(0);
    await s.r.lpush("l", "x");
    expect(await errorOf(s.r.pfadd("l", "x"))).toBe(WRONGTYPE);
    expect(await s.r.ping()).toBe("PONG");
  });
});
