// How an HLL key looks to the rest of the keyspace. Redis keeps HLLs in strings; Ferrite gives them
// their own `hyperloglog` type (see ../README.md), so TYPE, GET and OBJECT ENCODING differ by design.
import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { against } from "../../../test/helpers/target.js";
import { WRONGTYPE } from "../../../test/helpers/other-type.js";
import { encodeDump } from "../../../runtime/src/plugin/dump-payload.js";
import { addRange } from "./helpers.js";

const s = useServer([], { flush: true });
const BAD_PAYLOAD = "ERR DUMP payload version or checksum are wrong";

describe("the hyperloglog type", () => {
  it("TYPE and GET", async () => {
    await s.r.pfadd("h", "a");
    if (against === "redis") {
      expect(await s.r.type("h")).toBe("string");
      expect((await s.r.getBuffer("h"))!.subarray(0, 4).toString()).toBe("HYLL");
    } else {
      expect(await s.r.type("h")).toBe("hyperloglog");
      expect(await errorOf(s.r.get("h"))).toBe(WRONGTYPE);
      expect(await errorOf(s.r.append("h", "x"))).toBe(WRONGTYPE);
    }
  });

  it.skipIf(against === "redis")("OBJECT ENCODING is sparse, then dense past 3000 bytes", async () => {
    await s.r.pfadd("h", "a");
    expect(await s.r.call("OBJECT", "ENCODING", "h")).toBe("sparse");
    await addRange(s.r, "h", 0, 5000);
    expect(await s.r.call("OBJECT", "ENCODING", "h")).toBe("dense");
  });

  it("DUMP / RESTORE round-trip sparse and dense values", async () => {
    await addRange(s.r, "sparse", 0, 300);
    await addRange(s.r, "dense", 0, 20000);
    for (const key of ["sparse", "dense"]) {
      const payload = (await s.r.dumpBuffer(key))!;
      expect(await s.r.restore(`${key}2`, 0, payload)).toBe("OK");
      expect(await s.r.pfcount(`${key}2`)).toBe(await s.r.pfcount(key));
      await s.r.pfadd(`${key}2`, "new", "elements");
      await s.r.pfadd(key, "new", "elements");
      expect(await s.r.pfcount(`${key}2`)).toBe(await s.r.pfcount(key));
    }
  });

  it("COPY makes an independent value", async () => {
    await addRange(s.r, "h", 0, 100);
    expect(await s.r.copy("h", "c")).toBe(1);
    await addRange(s.r, "c", 100, 5000);
    expect(await s.r.pfcount("h")).toBe(100);
    expect(await s.r.pfcount("c")).toBeGreaterThan(4900);
  });

  it.skipIf(against === "redis")("the DUMP payload holds Redis's HYLL bytes", async () => {
    await s.r.pfadd("h", "a");
    const payload = (await s.r.dumpBuffer("h"))!;
    expect(payload.subarray(0, 5)).toEqual(Buffer.from("HYLL\x01", "latin1"));
  });

  it.skipIf(against === "redis")("RESTORE refuses bytes that are not a valid HLL", async () => {
    await s.r.pfadd("h", "a");
    const payload = (await s.r.dumpBuffer("h"))!;
    const value = payload.subarray(0, payload.length - "hyperloglog".length - 10);
    const corrupt = (bytes: Buffer) => encodeDump(bytes, "hyperloglog", 1);
    const badMagic = Buffer.from(value);
    badMagic[0] = 0x58;
    const shortSparse = Buffer.concat([value.subarray(0, 16), Buffer.from([0x7f, 0xfe])]); // 16383 registers
    const overlongSparse = Buffer.concat([value, Buffer.from([0x00])]);
    const shortDense = Buffer.concat([value.subarray(0, 16), Buffer.alloc(100)]);
    shortDense[4] = 0;
    for (const bytes of [badMagic, shortSparse, overlongSparse, shortDense, value.subarray(0, 10)]) {
      expect(await errorOf(s.r.restore("r", 0, corrupt(bytes)))).toBe(BAD_PAYLOAD);
    }
    expect(await s.r.restore("r", 0, corrupt(Buffer.from(value)))).toBe("OK");
    expect(await s.r.pfcount("r")).toBe(1);
  });
});
