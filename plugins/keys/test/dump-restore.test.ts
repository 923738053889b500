// DUMP and RESTORE (REPLACE ABSTTL IDLETIME FREQ). Ferrite's payload is its own format, not RDB, so the
// tests only round-trip payloads made by the same server.
import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { otherTypeKey } from "../../../test/helpers/other-type.js";

const s = useServer();

async function dumpOf(key: string, value: string | Buffer): Promise<Buffer> {
  await s.r.set(key, value);
  const payload = await s.r.dumpBuffer(key);
  expect(payload).toBeInstanceOf(Buffer);
  return payload as Buffer;
}

describe("DUMP", () => {
  it("answers null for a missing key", async () => {
    expect(await s.r.dumpBuffer("dump:missing")).toBe(null);
  });
});

describe("RESTORE", () => {
  it("recreates a binary value from its dump", async () => {
    const value = Buffer.from([0, 1, 2, 0xff, 13, 10, 0x80]);
    const payload = await dumpOf("restore:bin", value);
    expect(await s.r.restore("restore:bin2", 0, payload)).toBe("OK");
    expect(await s.r.getBuffer("restore:bin2")).toEqual(value);
    expect(await s.r.ttl("restore:bin2")).toBe(-1);
    expect(await s.r.type("restore:bin2")).toBe("string");
  });

  it("round-trips a value of another plugin's type through its owner", async () => {
    await otherTypeKey(s.r, "restore:other");
    const payload = await s.r.dumpBuffer("restore:other");
    expect(await s.r.restore("restore:other2", 0, payload!)).toBe("OK");
    expect(await s.r.type("restore:other2")).toBe("list");
  });

  it("sets a relative or an absolute TTL", async () => {
    const payload = await dumpOf("restore:ttl", "v");
    await s.r.restore("restore:rel", 100_000, payload);
    expect(await s.r.ttl("restore:rel")).toBeGreaterThan(90);
    const at = Date.now() + 200_000;
    await s.r.call("restore", "restore:abs", at, payload, "ABSTTL");
    expect(await s.r.call("pexpiretime", "restore:abs")).toBe(at);
  });

  it("creates nothing when an absolute TTL is already past", async () => {
    const payload = await dumpOf("restore:past", "v");
    expect(await s.r.call("restore", "restore:past2", Date.now() - 1000, payload, "ABSTTL")).toBe("OK");
    expect(await s.r.exists("restore:past2")).toBe(0);
  });

  it("refuses an existing key unless REPLACE", async () => {
    const payload = await dumpOf("restore:src", "new");
    await s.r.set("restore:busy", "old", "EX", 100);
    expect(await errorOf(s.r.restore("restore:busy", 0, payload))).toBe("BUSYKEY Target key name already exists.");
    expect(await s.r.get("restore:busy")).toBe("old");
    expect(await s.r.call("restore", "restore:busy", 0, payload, "REPLACE")).toBe("OK");
    expect(await s.r.get("restore:busy")).toBe("new");
    expect(await s.r.ttl("restore:busy")).toBe(-1);
  });

  it("checks the key before the TTL and the TTL before the payload", async () => {
    await s.r.set("restore:exists", "v");
    expect(await errorOf(s.r.restore("restore:exists", "abc", "garbage"))).toBe("BUSYKEY Target key name already exists.");
    expect(await errorOf(s.r.restore("restore:new", "abc", "garbage"))).toBe("ERR value is not an integer or out of range");
    expect(await errorOf(s.r.restore("restore:new", -1, "garbage"))).toBe("ERR Invalid TTL value, must be >= 0");
  });

  it("rejects a corrupt payload", async () => {
    const wrong = "ERR DUMP payload version or checksum are wrong";
    expect(await errorOf(s.r.restore("restore:bad", 0, "garbage"))).toBe(wrong);
    const payload = await dumpOf("restore:flip", "value");
    const flipped = Buffer.from(payload);
    flipped[flipped.length >> 1] ^= 0x55;
    expect(await errorOf(s.r.restore("restore:bad", 0, flipped))).toBe(wrong);
    expect(await errorOf(s.r.restore("restore:bad", 0, payload.subarray(0, payload.length - 1)))).toBe(wrong);
    expect(await errorOf(s.r.restore("restore:bad", 0, ""))).toBe(wrong);
    expect(await s.r.exists("restore:bad")).toBe(0);
  });

  it("validates IDLETIME and FREQ and accepts only one of them", async () => {
    const syntax = "ERR syntax error";
    expect(await errorOf(s.r.call("restore", "restore:o", 0, "x", "IDLETIME", -1))).toBe("ERR Invalid IDLETIME value, must be >= 0");
    expect(await errorOf(s.r.call("restore", "restore:o", 0, "x", "FREQ", 256))).toBe("ERR Invalid FREQ value, must be >= 0 and <= 255");
    expect(await errorOf(s.r.call("restore", "restore:o", 0, "x", "FREQ", -1))).toBe("ERR Invalid FREQ value, must be >= 0 and <= 255");
    expect(await errorOf(s.r.call("restore", "restore:o", 0, "x", "IDLETIME", "z"))).toBe("ERR value is not an integer or out of range");
    expect(await errorOf(s.r.call("restore", "restore:o", 0, "x", "FREQ", 1, "IDLETIME", 2))).toBe(syntax);
    expect(await errorOf(s.r.call("restore", "restore:o", 0, "x", "IDLETIME", 1, "FREQ", 2))).toBe(syntax);
    expect(await errorOf(s.r.call("restore", "restore:o", 0, "x", "FREQ", 1, "FREQ", 2))).toBe(
      "ERR DUMP payload version or checksum are wrong");
    expect(await errorOf(s.r.call("restore", "restore:o", 0, "x", "IDLETIME"))).toBe(syntax);
    expect(await errorOf(s.r.call("restore", "restore:o", 0, "x", "foo"))).toBe(syntax);
  });

  it("accepts IDLETIME and FREQ with a valid payload", async () => {
    const payload = await dumpOf("restore:lru", "v");
    expect(await s.r.call("restore", "restore:idle", 0, payload, "IDLETIME", 1000)).toBe("OK");
    expect(await s.r.call("restore", "restore:freq", 0, payload, "FREQ", 100, "ABSTTL", "REPLACE")).toBe("OK");
    expect(await s.r.get("restore:freq")).toBe("v");
  });

  it("applies IDLETIME to the restored key", async () => {
    const payload = await dumpOf("restore:lru2", "v");
    await s.r.call("restore", "restore:idle2", 0, payload, "IDLETIME", 1000);
    expect(await s.r.call("object", "idletime", "restore:idle2")).toBeGreaterThanOrEqual(1000);
  });
});
