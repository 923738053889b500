import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { otherTypeKey, WRONGTYPE } from "../../../test/helpers/other-type.js";

const s = useServer([], { flush: true });
const invalidExpire = (cmd: string) => `ERR invalid expire time in '${cmd}' command`;

describe("GET / SET", () => {
  it("sets and gets binary-safe values", async () => {
    const value = Buffer.from([0, 1, 2, 255, 13, 10, 0]);
    expect(await s.r.set("k", value)).toBe("OK");
    expect(await s.r.getBuffer("k")).toEqual(value);
    expect(await s.r.get("missing")).toBeNull();
    expect(await s.r.set("empty", "")).toBe("OK");
    expect(await s.r.get("empty")).toBe("");
  });

  it("overwrites any type and clears the TTL", async () => {
    await otherTypeKey(s.r, "l");
    expect(await s.r.set("l", "v")).toBe("OK");
    expect(await s.r.get("l")).toBe("v");
    await s.r.set("t", "a", "EX", 100);
    await s.r.set("t", "b");
    expect(await s.r.ttl("t")).toBe(-1);
  });

  it("GET on another type is WRONGTYPE", async () => {
    await otherTypeKey(s.r, "l");
    expect(await errorOf(s.r.get("l"))).toBe(WRONGTYPE);
  });

  it("NX and XX", async () => {
    expect(await s.r.call("SET", "k", "1", "XX")).toBeNull();
    expect(await s.r.call("SET", "k", "1", "NX")).toBe("OK");
    expect(await s.r.call("SET", "k", "2", "nx")).toBeNull();
    expect(await s.r.call("SET", "k", "3", "xx")).toBe("OK");
    expect(await s.r.get("k")).toBe("3");
  });

  it("EX, PX, EXAT, PXAT and KEEPTTL", async () => {
    await s.r.call("SET", "a", "v", "EX", "100");
    expect(await s.r.ttl("a")).toBe(100);
    await s.r.call("SET", "b", "v", "PX", "100000");
    expect(await s.r.pttl("b")).toBeGreaterThan(99_000);
    const at = Math.floor(Date.now() / 1000) + 500;
    await s.r.call("SET", "c", "v", "EXAT", String(at));
    expect(await s.r.call("EXPIRETIME", "c")).toBe(at);
    await s.r.call("SET", "d", "v", "PXAT", String(at * 1000));
    expect(await s.r.call("PEXPIRETIME", "d")).toBe(at * 1000);
    await s.r.call("SET", "d", "w", "KEEPTTL");
    expect(await s.r.call("PEXPIRETIME", "d")).toBe(at * 1000);
    await s.r.call("SET", "e", "v", "EX", "10", "EX", "20");
    expect(await s.r.ttl("e")).toBe(20);
  });

  it("an absolute time in the past leaves no key", async () => {
    expect(await s.r.call("SET", "k", "v", "PXAT", "1")).toBe("OK");
    expect(await s.r.exists("k")).toBe(0);
  });

  it("GET returns the old value, also with NX", async () => {
    expect(await s.r.call("SET", "k", "1", "GET")).toBeNull();
    expect(await s.r.call("SET", "k", "2", "GET")).toBe("1");
    expect(await s.r.call("SET", "k", "3", "NX", "GET")).toBe("2");
    expect(await s.r.get("k")).toBe("2");
    expect(await s.r.call("SET", "n", "1", "XX", "GET")).toBeNull();
    expect(await s.r.exists("n")).toBe(0);
    await otherTypeKey(s.r, "l");
    expect(await errorOf(s.r.call("SET", "l", "v", "GET"))).toBe(WRONGTYPE);
    expect(await s.r.type("l")).toBe("list");
  });

  it("rejects malformed options with Redis's texts", async () => {
    const syntax = "ERR syntax error";
    for (const args of [["NX", "XX"], ["XX", "NX"], ["EX", "10", "PX", "10"], ["EX"], ["KEEPTTL", "EX", "1"], ["EX", "1", "KEEPTTL"], ["PERSIST"], ["FOO"]])
      expect(await errorOf(s.r.call("SET", "k", "v", ...args)), args.join(" ")).toBe(syntax);
    expect(await errorOf(s.r.call("SET", "k", "v", "EX", "abc"))).toBe("ERR value is not an integer or out of range");
    expect(await errorOf(s.r.call("SET", "k", "v", "EX", "1.5"))).toBe("ERR value is not an integer or out of range");
    for (const args of [["EX", "0"], ["PX", "-1"], ["EXAT", "0"], ["EX", "9223372036854775807"], ["PX", "9223372036854775807"]])
      expect(await errorOf(s.r.call("SET", "k", "v", ...args)), args.join(" ")).toBe(invalidExpire("set"));
    expect(await s.r.exists("k")).toBe(0);
  });
});

describe("SETNX / SETEX / PSETEX", () => {
  it("SETNX sets only a missing key", async () => {
    expect(await s.r.setnx("k", "1")).toBe(1);
    expect(await s.r.setnx("k", "2")).toBe(0);
    expect(await s.r.get("k")).toBe("1");
  });

  it("SETEX and PSETEX set with a TTL", async () => {
    expect(await s.r.setex("k", 100, "v")).toBe("OK");
    expect(await s.r.ttl("k")).toBe(100);
    expect(await s.r.psetex("p", 100000, "v")).toBe("OK");
    expect(await s.r.pttl("p")).toBeGreaterThan(99_000);
    expect(await s.r.get("p")).toBe("v");
  });

  it("reject bad expiries", async () => {
    expect(await errorOf(s.r.call("SETEX", "k", "0", "v"))).toBe(invalidExpire("setex"));
    expect(await errorOf(s.r.call("SETEX", "k", "x", "v"))).toBe("ERR value is not an integer or out of range");
    expect(await errorOf(s.r.call("PSETEX", "k", "-5", "v"))).toBe(invalidExpire("psetex"));
    expect(await errorOf(s.r.call("SETEX", "k", "9223372036854775807", "v"))).toBe(invalidExpire("setex"));
    expect(await s.r.exists("k")).toBe(0);
  });
});

describe("GETEX / GETDEL / GETSET", () => {
  it("GETEX reads and changes the TTL", async () => {
    await s.r.set("k", "v");
    expect(await s.r.call("GETEX", "k")).toBe("v");
    expect(await s.r.ttl("k")).toBe(-1);
    expect(await s.r.call("GETEX", "k", "EX", "100")).toBe("v");
    expect(await s.r.ttl("k")).toBe(100);
    expect(await s.r.call("GETEX", "k", "PERSIST")).toBe("v");
    expect(await s.r.ttl("k")).toBe(-1);
    expect(await s.r.call("GETEX", "k", "PXAT", "1")).toBe("v");
    expect(await s.r.exists("k")).toBe(0);
    expect(await s.r.call("GETEX", "missing", "EX", "10")).toBeNull();
  });

  it("GETEX errors", async () => {
    await s.r.set("k", "v");
    for (const args of [["NX"], ["GET"], ["KEEPTTL"], ["PERSIST", "EX", "1"], ["EX", "1", "PERSIST"], ["EX"]])
      expect(await errorOf(s.r.call("GETEX", "k", ...args)), args.join(" ")).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("GETEX", "k", "EX", "0"))).toBe(invalidExpire("getex"));
    await otherTypeKey(s.r, "l");
    expect(await errorOf(s.r.call("GETEX", "l"))).toBe(WRONGTYPE);
  });

  it("GETDEL returns and deletes", async () => {
    await s.r.set("k", "v");
    expect(await s.r.getdel("k")).toBe("v");
    expect(await s.r.exists("k")).toBe(0);
    expect(await s.r.getdel("k")).toBeNull();
    await otherTypeKey(s.r, "l");
    expect(await errorOf(s.r.getdel("l"))).toBe(WRONGTYPE);
    expect(await s.r.exists("l")).toBe(1);
  });

  it("GETSET swaps and clears the TTL", async () => {
    expect(await s.r.getset("k", "1")).toBeNull();
    await s.r.expire("k", 100);
    expect(await s.r.getset("k", "2")).toBe("1");
    expect(await s.r.get("k")).toBe("2");
    expect(await s.r.ttl("k")).toBe(-1);
    await otherTypeKey(s.r, "l");
    expect(await errorOf(s.r.getset("l", "v"))).toBe(WRONGTYPE);
  });
});
