// SADD, SREM, SCARD, SMEMBERS, SISMEMBER, SMISMEMBER: membership basics, emptied keys, type errors, RESP3 shapes.
import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { WRONGTYPE } from "../../../test/helpers/other-type.js";
import { rawReply } from "../../../test/helpers/raw-resp.js";
import { sorted } from "./sorted.js";

const s = useServer([], { flush: true });

describe("SADD / SCARD / SMEMBERS", () => {
  it("adds new members only and counts them", async () => {
    expect(await s.r.sadd("s", "a", "b", "a")).toBe(2);
    expect(await s.r.sadd("s", "b", "c")).toBe(1);
    expect(await s.r.scard("s")).toBe(3);
    expect(sorted(await s.r.smembers("s"))).toEqual(["a", "b", "c"]);
    expect(await s.r.type("s")).toBe("set");
  });

  it("is binary safe, empty members included", async () => {
    const odd = Buffer.from([0, 255, 13, 10]);
    expect(await s.r.sadd("s", odd, "")).toBe(2);
    expect(await s.r.sismember("s", odd)).toBe(1);
    expect(await s.r.sismember("s", "")).toBe(1);
    const members = (await s.r.smembersBuffer("s")).map((b) => b.toString("hex")).sort();
    expect(members).toEqual(["", "00ff0d0a"]);
  });

  it("keeps integers and strings apart from their look-alikes", async () => {
    await s.r.sadd("s", "1", "01", "+1", "-0", "0", " 1");
    expect(await s.r.scard("s")).toBe(6);
    expect(await s.r.sismember("s", "1")).toBe(1);
    expect(await s.r.sismember("s", "1.0")).toBe(0);
    expect(await s.r.sadd("n", "9223372036854775807", "-9223372036854775808", "9223372036854775808")).toBe(3);
    expect(sorted(await s.r.smembers("n"))).toEqual(["-9223372036854775808", "9223372036854775807", "9223372036854775808"]);
  });

  it("missing keys are empty", async () => {
    expect(await s.r.scard("nope")).toBe(0);
    expect(await s.r.smembers("nope")).toEqual([]);
    expect(await s.r.sismember("nope", "a")).toBe(0);
  });

  it("grows past every small-encoding limit and keeps all members", async () => {
    const ints = Array.from({ length: 600 }, (_, i) => String(i * 7 - 300));
    expect(await s.r.sadd("i", ...ints)).toBe(600);
    const words = Array.from({ length: 300 }, (_, i) => `w${i}`);
    expect(await s.r.sadd("w", ...words)).toBe(300);
    expect(await s.r.sadd("w", ...words.slice(0, 10), "x")).toBe(1);
    expect(await s.r.scard("i")).toBe(600);
    expect(await s.r.scard("w")).toBe(301);
    expect(sorted(await s.r.smembers("i"))).toEqual([...ints].sort());
    expect(await s.r.sismember("w", "w299")).toBe(1);
    expect(await s.r.sismember("w", "w300")).toBe(0);
  });

  it("mixes a long member into a set of integers", async () => {
    await s.r.sadd("s", "1", "2", "3");
    const long = "x".repeat(100);
    expect(await s.r.sadd("s", long, "4")).toBe(2);
    expect(sorted(await s.r.smembers("s"))).toEqual(["1", "2", "3", "4", long]);
  });

  it("SMEMBERS is a set in RESP3, an array in RESP2", async () => {
    await s.r.sadd("s", "a");
    expect(await rawReply(s.port, 3, "SMEMBERS", "s")).toBe("~1\r\n$1\r\na\r\n");
    expect(await rawReply(s.port, 2, "SMEMBERS", "s")).toBe("*1\r\n$1\r\na\r\n");
    expect(await rawReply(s.port, 3, "SMEMBERS", "nope")).toBe("~0\r\n");
    expect(await rawReply(s.port, 2, "SMEMBERS", "nope")).toBe("*0\r\n");
  });

  it("refuses other types and wrong arity", async () => {
    await s.r.set("str", "v");
    for (const cmd of [["SADD", "str", "a"], ["SREM", "str", "a"], ["SCARD", "str"], ["SMEMBERS", "str"], ["SISMEMBER", "str", "a"], ["SMISMEMBER", "str", "a"]])
      expect(await errorOf(s.r.call(cmd[0], ...cmd.slice(1))), cmd[0]).toBe(WRONGTYPE);
    expect(await s.r.get("str")).toBe("v");
    expect(await errorOf(s.r.call("SADD", "s"))).toBe("ERR wrong number of arguments for 'sadd' command");
    expect(await errorOf(s.r.call("SREM", "s"))).toBe("ERR wrong number of arguments for 'srem' command");
    expect(await errorOf(s.r.call("SISMEMBER", "s"))).toBe("ERR wrong number of arguments for 'sismember' command");
    expect(await errorOf(s.r.call("SMISMEMBER", "s"))).toBe("ERR wrong number of arguments for 'smismember' command");
    expect(await errorOf(s.r.call("SCARD", "s", "t"))).toBe("ERR wrong number of arguments for 'scard' command");
  });
});

describe("SREM", () => {
  it("removes present members, counts them, and deletes the emptied key", async () => {
    await s.r.sadd("s", "a", "b", "1");
    expect(await s.r.srem("s", "a", "x", "a")).toBe(1);
    expect(await s.r.srem("nope", "a")).toBe(0);
    expect(await s.r.srem("s", "b", "1")).toBe(2);
    expect(await s.r.exists("s")).toBe(0);
  });

  it("empties large sets too", async () => {
    const many = Array.from({ length: 700 }, (_, i) => `m${i}`);
    await s.r.sadd("s", ...many);
    expect(await s.r.srem("s", ...many.slice(0, 699))).toBe(699);
    expect(await s.r.smembers("s")).toEqual(["m699"]);
    expect(await s.r.srem("s", "m699")).toBe(1);
    expect(await s.r.exists("s")).toBe(0);
  });

  it("keeps the TTL while members change", async () => {
    await s.r.sadd("s", "a", "b");
    await s.r.expire("s", 100);
    await s.r.sadd("s", "c");
    await s.r.srem("s", "a");
    expect(await s.r.ttl("s")).toBe(100);
  });
});

describe("SISMEMBER / SMISMEMBER", () => {
  it("answers per member, in order", async () => {
    await s.r.sadd("s", "a", "7");
    expect(await s.r.sismember("s", "a")).toBe(1);
    expect(await s.r.sismember("s", "7")).toBe(1);
    expect(await s.r.sismember("s", "b")).toBe(0);
    expect(await s.r.smismember("s", "a", "b", "7", "a")).toEqual([1, 0, 1, 1]);
    expect(await s.r.smismember("nope", "a", "b")).toEqual([0, 0]);
  });

  it("replies integers in both protocols", async () => {
    await s.r.sadd("s", "a");
    expect(await rawReply(s.port, 3, "SISMEMBER", "s", "a")).toBe(":1\r\n");
    expect(await rawReply(s.port, 3, "SMISMEMBER", "s", "a", "b")).toBe("*2\r\n:1\r\n:0\r\n");
    expect(await rawReply(s.port, 2, "SMISMEMBER", "nope", "a")).toBe("*1\r\n:0\r\n");
  });
});
