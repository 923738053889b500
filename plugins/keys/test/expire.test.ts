// The TTL family: EXPIRE PEXPIRE EXPIREAT PEXPIREAT (NX XX GT LT), TTL PTTL, EXPIRETIME PEXPIRETIME, PERSIST.
import { describe, expect, it } from "vitest";
import { errorOf, sleep, useServer } from "../../../test/helpers/server.js";

const s = useServer();

/** Each setter with an argument meaning "about `seconds` from now" in its own unit. */
const setters = [
  { cmd: "expire", arg: (seconds: number) => seconds },
  { cmd: "pexpire", arg: (seconds: number) => seconds * 1000 },
  { cmd: "expireat", arg: (seconds: number) => Math.floor(Date.now() / 1000) + seconds },
  { cmd: "pexpireat", arg: (seconds: number) => Date.now() + seconds * 1000 },
];

describe.each(setters)("$cmd", ({ cmd, arg }) => {
  const key = (name: string) => `${cmd}:${name}`;

  it("sets a TTL on an existing key", async () => {
    await s.r.set(key("a"), "v");
    expect(await s.r.call(cmd, key("a"), arg(100))).toBe(1);
    const ttl = await s.r.ttl(key("a"));
    expect(ttl).toBeGreaterThanOrEqual(98);
    expect(ttl).toBeLessThanOrEqual(100);
  });

  it("answers 0 for a missing key", async () => {
    expect(await s.r.call(cmd, key("missing"), arg(100))).toBe(0);
    expect(await s.r.exists(key("missing"))).toBe(0);
  });

  it("deletes the key when the time is already past", async () => {
    await s.r.set(key("past"), "v");
    expect(await s.r.call(cmd, key("past"), arg(-10))).toBe(1);
    expect(await s.r.exists(key("past"))).toBe(0);
  });

  it("NX sets only when there is no TTL", async () => {
    await s.r.set(key("nx"), "v");
    expect(await s.r.call(cmd, key("nx"), arg(100), "NX")).toBe(1);
    expect(await s.r.call(cmd, key("nx"), arg(200), "nx")).toBe(0);
    expect(await s.r.ttl(key("nx"))).toBeLessThanOrEqual(100);
  });

  it("XX sets only when there is a TTL", async () => {
    await s.r.set(key("xx"), "v");
    expect(await s.r.call(cmd, key("xx"), arg(100), "XX")).toBe(0);
    expect(await s.r.ttl(key("xx"))).toBe(-1);
    await s.r.expire(key("xx"), 50);
    expect(await s.r.call(cmd, key("xx"), arg(100), "xx")).toBe(1);
    expect(await s.r.ttl(key("xx"))).toBeGreaterThan(50);
  });

  it("GT only extends, and no TTL counts as infinite", async () => {
    await s.r.set(key("gt"), "v");
    expect(await s.r.call(cmd, key("gt"), arg(100), "GT")).toBe(0);
    expect(await s.r.ttl(key("gt"))).toBe(-1);
    await s.r.expire(key("gt"), 50);
    expect(await s.r.call(cmd, key("gt"), arg(20), "GT")).toBe(0);
    expect(await s.r.call(cmd, key("gt"), arg(100), "gt")).toBe(1);
    expect(await s.r.ttl(key("gt"))).toBeGreaterThan(50);
  });

  it("LT only shortens, and no TTL counts as infinite", async () => {
    await s.r.set(key("lt"), "v");
    expect(await s.r.call(cmd, key("lt"), arg(100), "LT")).toBe(1);
    expect(await s.r.call(cmd, key("lt"), arg(200), "LT")).toBe(0);
    expect(await s.r.call(cmd, key("lt"), arg(20), "lt")).toBe(1);
    expect(await s.r.ttl(key("lt"))).toBeLessThanOrEqual(20);
  });

  it("accepts XX with GT or LT", async () => {
    await s.r.set(key("xxgt"), "v");
    expect(await s.r.call(cmd, key("xxgt"), arg(100), "XX", "GT")).toBe(0);
    await s.r.expire(key("xxgt"), 50);
    expect(await s.r.call(cmd, key("xxgt"), arg(100), "XX", "GT")).toBe(1);
  });

  it("rejects incompatible options", async () => {
    await s.r.set(key("opts"), "v");
    const nx = "ERR NX and XX, GT or LT options at the same time are not compatible";
    expect(await errorOf(s.r.call(cmd, key("opts"), arg(10), "NX", "XX"))).toBe(nx);
    expect(await errorOf(s.r.call(cmd, key("opts"), arg(10), "GT", "NX"))).toBe(nx);
    expect(await errorOf(s.r.call(cmd, key("opts"), arg(10), "NX", "LT"))).toBe(nx);
    expect(await errorOf(s.r.call(cmd, key("opts"), arg(10), "GT", "LT"))).toBe(
      "ERR GT and LT options at the same time are not compatible");
    expect(await s.r.ttl(key("opts"))).toBe(-1);
  });

  it("rejects an unknown option before looking at the time", async () => {
    expect(await errorOf(s.r.call(cmd, key("opts"), "notanumber", "foo"))).toBe("ERR Unsupported option foo");
    expect(await errorOf(s.r.call(cmd, key("opts"), arg(10), "NX", "10"))).toBe("ERR Unsupported option 10");
  });

  it("rejects a time that is not an integer", async () => {
    for (const bad of ["abc", "1.5", "", "99999999999999999999"])
      expect(await errorOf(s.r.call(cmd, key("a"), bad))).toBe("ERR value is not an integer or out of range");
  });

  it("rejects a time that overflows once converted to milliseconds and made absolute", async () => {
    await s.r.set(key("overflow"), "v");
    const error = `ERR invalid expire time in '${cmd}' command`;
    if (cmd === "expire" || cmd === "expireat") {
      expect(await errorOf(s.r.call(cmd, key("overflow"), "9223372036854775807"))).toBe(error);
      expect(await errorOf(s.r.call(cmd, key("overflow"), "-9223372036854775808"))).toBe(error);
    } else if (cmd === "pexpire") {
      expect(await errorOf(s.r.call(cmd, key("overflow"), "9223372036854775000"))).toBe(error);
    } else {
      // PEXPIREAT neither converts nor adds, so any integer is a valid time.
      expect(await s.r.call(cmd, key("overflow"), "9223372036854775000")).toBe(1);
    }
    expect(await s.r.exists(key("overflow"))).toBe(1);
  });

  it("needs a key and a time", async () => {
    expect(await errorOf(s.r.call(cmd, key("a")))).toBe(`ERR wrong number of arguments for '${cmd}' command`);
  });
});

describe("EXPIRE and its clock", () => {
  it("a key disappears once its TTL passes", async () => {
    await s.r.set("clock:a", "v");
    expect(await s.r.pexpire("clock:a", 50)).toBe(1);
    expect(await s.r.exists("clock:a")).toBe(1);
    await sleep(120);
    expect(await s.r.exists("clock:a")).toBe(0);
    expect(await s.r.get("clock:a")).toBe(null);
  });

  it("a later SET clears the TTL", async () => {
    await s.r.set("clock:set", "v");
    await s.r.expire("clock:set", 100);
    await s.r.set("clock:set", "w");
    expect(await s.r.ttl("clock:set")).toBe(-1);
  });
});

describe("TTL and PTTL", () => {
  it("answer -2 for a missing key and -1 for a key without TTL", async () => {
    await s.r.set("ttl:plain", "v");
    expect(await s.r.ttl("ttl:missing")).toBe(-2);
    expect(await s.r.pttl("ttl:missing")).toBe(-2);
    expect(await s.r.ttl("ttl:plain")).toBe(-1);
    expect(await s.r.pttl("ttl:plain")).toBe(-1);
  });

  it("PTTL is in milliseconds and TTL rounds to the nearest second", async () => {
    await s.r.set("ttl:a", "v");
    // 10.9 s rounds to 11 (a truncating TTL says 10) as long as TTL runs within 400 ms of PEXPIRE: with
    // 10.7 s, a loaded machine stalling one round trip 200 ms made it 10 without a bug.
    await s.r.pexpire("ttl:a", 10_900);
    const pttl = await s.r.pttl("ttl:a");
    expect(pttl).toBeGreaterThan(10_000);
    expect(pttl).toBeLessThanOrEqual(10_900);
    expect(await s.r.ttl("ttl:a")).toBe(11);
    await s.r.pexpire("ttl:a", 10_300);
    expect(await s.r.ttl("ttl:a")).toBe(10);
  });

  it("answer -2 once the key expired", async () => {
    await s.r.set("ttl:gone", "v", "PX", 1);
    await sleep(20);
    expect(await s.r.ttl("ttl:gone")).toBe(-2);
    expect(await s.r.pttl("ttl:gone")).toBe(-2);
  });
});

describe("EXPIRETIME and PEXPIRETIME", () => {
  it("answer the absolute expiry in milliseconds, and in seconds rounded", async () => {
    const at = Date.now() + 100_000;
    await s.r.set("expiretime:a", "v");
    await s.r.pexpireat("expiretime:a", at);
    expect(await s.r.call("pexpiretime", "expiretime:a")).toBe(at);
    expect(await s.r.call("expiretime", "expiretime:a")).toBe(Math.round(at / 1000));
  });

  it("answer -2 for a missing key and -1 for a key without TTL", async () => {
    await s.r.set("expiretime:plain", "v");
    for (const cmd of ["expiretime", "pexpiretime"]) {
      expect(await s.r.call(cmd, "expiretime:missing")).toBe(-2);
      expect(await s.r.call(cmd, "expiretime:plain")).toBe(-1);
    }
  });
});

describe("PERSIST", () => {
  it("removes a TTL", async () => {
    await s.r.set("persist:a", "v", "EX", 100);
    expect(await s.r.persist("persist:a")).toBe(1);
    expect(await s.r.ttl("persist:a")).toBe(-1);
    expect(await s.r.get("persist:a")).toBe("v");
  });

  it("answers 0 without a TTL or without the key", async () => {
    await s.r.set("persist:plain", "v");
    expect(await s.r.persist("persist:plain")).toBe(0);
    expect(await s.r.persist("persist:missing")).toBe(0);
  });
});
