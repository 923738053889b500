import { describe, expect, it } from "vitest";
import { errorOf, useServer, WRONGTYPE } from "./server.js";
import { OTHER_TYPE, otherTypeKey } from "../../../test/helpers/other-type.js";

const { redis } = useServer();
const invalidExpire = (cmd: string) => `ERR invalid expire time in '${cmd}' command`;

describe("GET / SET", () => {
  it("sets and gets binary-safe values", async () => {
    const value = Buffer.from([0, 1, 2, 255, 13, 10, 0]);
    expect(await redis().set("k", value)).toBe("OK");
    expect(await redis().getBuffer("k")).toEqual(value);
    expect(await redis().get("missing")).toBeNull();
    expect(await redis().set("empty", "")).toBe("OK");
    expect(await redis().get("empty")).toBe("");
  });

  it("overwrites any type and clears the TTL", async () => {
    await otherTypeKey(redis(), "l");
    expect(await redis().set("l", "v")).toBe("OK");
    expect(await redis().get("l")).toBe("v");
    await redis().set("t", "a", "EX", 100);
    await redis().set("t", "b");
    expect(await redis().ttl("t")).toBe(-1);
  });

  it("GET on another type is WRONGTYPE", async () => {
    await otherTypeKey(redis(), "l");
    expect(await errorOf(redis().get("l"))).toBe(WRONGTYPE);
  });

  it("NX and XX", async () => {
    expect(await redis().call("SET", "k", "1", "XX")).toBeNull();
    expect(await redis().call("SET", "k", "1", "NX")).toBe("OK");
    expect(await redis().call("SET", "k", "2", "nx")).toBeNull();
    expect(await redis().call("SET", "k", "3", "xx")).toBe("OK");
    expect(await redis().get("k")).toBe("3");
  });

  it("EX, PX, EXAT, PXAT and KEEPTTL", async () => {
    await redis().call("SET", "a", "v", "EX", "100");
    expect(await redis().ttl("a")).toBe(100);
    await redis().call("SET", "b", "v", "PX", "100000");
    expect(await redis().pttl("b")).toBeGreaterThan(99_000);
    const at = Math.floor(Date.now() / 1000) + 500;
    await redis().call("SET", "c", "v", "EXAT", String(at));
    expect(await redis().call("EXPIRETIME", "c")).toBe(at);
    await redis().call("SET", "d", "v", "PXAT", String(at * 1000));
    expect(await redis().call("PEXPIRETIME", "d")).toBe(at * 1000);
    await redis().call("SET", "d", "w", "KEEPTTL");
    expect(await redis().call("PEXPIRETIME", "d")).toBe(at * 1000);
    await redis().call("SET", "e", "v", "EX", "10", "EX", "20");
    expect(await redis().ttl("e")).toBe(20);
  });

  it("an absolute time in the past leaves no key", async () => {
    expect(await redis().call("SET", "k", "v", "PXAT", "1")).toBe("OK");
    expect(await redis().exists("k")).toBe(0);
  });

  it("GET returns the old value, also with NX", async () => {
    expect(await redis().call("SET", "k", "1", "GET")).toBeNull();
    expect(await redis().call("SET", "k", "2", "GET")).toBe("1");
    expect(await redis().call("SET", "k", "3", "NX", "GET")).toBe("2");
    expect(await redis().get("k")).toBe("2");
    expect(await redis().call("SET", "n", "1", "XX", "GET")).toBeNull();
    expect(await redis().exists("n")).toBe(0);
    await otherTypeKey(redis(), "l");
    expect(await errorOf(redis().call("SET", "l", "v", "GET"))).toBe(WRONGTYPE);
    expect(await redis().type("l")).toBe(OTHER_TYPE);
  });

  it("rejects malformed options with Redis's texts", async () => {
    const syntax = "ERR syntax error";
    for (const args of [["NX", "XX"], ["XX", "NX"], ["EX", "10", "PX", "10"], ["EX"], ["KEEPTTL", "EX", "1"], ["EX", "1", "KEEPTTL"], ["PERSIST"], ["FOO"]])
      expect(await errorOf(redis().call("SET", "k", "v", ...args)), args.join(" ")).toBe(syntax);
    expect(await errorOf(redis().call("SET", "k", "v", "EX", "abc"))).toBe("ERR value is not an integer or out of range");
    expect(await errorOf(redis().call("SET", "k", "v", "EX", "1.5"))).toBe("ERR value is not an integer or out of range");
    for (const args of [["EX", "0"], ["PX", "-1"], ["EXAT", "0"], ["EX", "9223372036854775807"], ["PX", "9223372036854775807"]])
      expect(await errorOf(redis().call("SET", "k", "v", ...args)), args.join(" ")).toBe(invalidExpire("set"));
    expect(await redis().exists("k")).toBe(0);
  });
});

describe("SETNX / SETEX / PSETEX", () => {
  it("SETNX sets only a missing key", async () => {
    expect(await redis().setnx("k", "1")).toBe(1);
    expect(await redis().setnx("k", "2")).toBe(0);
    expect(await redis().get("k")).toBe("1");
  });

  it("SETEX and PSETEX set with a TTL", async () => {
    expect(await redis().setex("k", 100, "v")).toBe("OK");
    expect(await redis().ttl("k")).toBe(100);
    expect(await redis().psetex("p", 100000, "v")).toBe("OK");
    expect(await redis().pttl("p")).toBeGreaterThan(99_000);
    expect(await redis().get("p")).toBe("v");
  });

  it("reject bad expiries", async () => {
    expect(await errorOf(redis().call("SETEX", "k", "0", "v"))).toBe(invalidExpire("setex"));
    expect(await errorOf(redis().call("SETEX", "k", "x", "v"))).toBe("ERR value is not an integer or out of range");
    expect(await errorOf(redis().call("PSETEX", "k", "-5", "v"))).toBe(invalidExpire("psetex"));
    expect(await errorOf(redis().call("SETEX", "k", "9223372036854775807", "v"))).toBe(invalidExpire("setex"));
    expect(await redis().exists("k")).toBe(0);
  });
});

describe("GETEX / GETDEL / GETSET", () => {
  it("GETEX reads and changes the TTL", async () => {
    await redis().set("k", "v");
    expect(await redis().call("GETEX", "k")).toBe("v");
    expect(await redis().ttl("k")).toBe(-1);
    expect(await redis().call("GETEX", "k", "EX", "100")).toBe("v");
    expect(await redis().ttl("k")).toBe(100);
    expect(await redis().call("GETEX", "k", "PERSIST")).toBe("v");
    expect(await redis().ttl("k")).toBe(-1);
    expect(await redis().call("GETEX", "k", "PXAT", "1")).toBe("v");
    expect(await redis().exists("k")).toBe(0);
    expect(await redis().call("GETEX", "missing", "EX", "10")).toBeNull();
  });

  it("GETEX errors", async () => {
    await redis().set("k", "v");
    for (const args of [["NX"], ["GET"], ["KEEPTTL"], ["PERSIST", "EX", "1"], ["EX", "1", "PERSIST"], ["EX"]])
      expect(await errorOf(redis().call("GETEX", "k", ...args)), args.join(" ")).toBe("ERR syntax error");
    expect(await errorOf(redis().call("GETEX", "k", "EX", "0"))).toBe(invalidExpire("getex"));
    await otherTypeKey(redis(), "l");
    expect(await errorOf(redis().call("GETEX", "l"))).toBe(WRONGTYPE);
  });

  it("GETDEL returns and deletes", async () => {
    await redis().set("k", "v");
    expect(await redis().getdel("k")).toBe("v");
    expect(await redis().exists("k")).toBe(0);
    expect(await redis().getdel("k")).toBeNull();
    await otherTypeKey(redis(), "l");
    expect(await errorOf(redis().getdel("l"))).toBe(WRONGTYPE);
    expect(await redis().exists("l")).toBe(1);
  });

  it("GETSET swaps and clears the TTL", async () => {
    expect(await redis().getset("k", "1")).toBeNull();
    await redis().expire("k", 100);
    expect(await redis().getset("k", "2")).toBe("1");
    expect(await redis().get("k")).toBe("2");
    expect(await redis().ttl("k")).toBe(-1);
    await otherTypeKey(redis(), "l");
    expect(await errorOf(redis().getset("l", "v"))).toBe(WRONGTYPE);
  });
});
