// ZUNION, ZINTER, ZDIFF, their STORE forms, ZINTERCARD, and ZRANDMEMBER.
import { beforeEach, describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { WRONGTYPE } from "../../../test/helpers/other-type.js";
import { rawReplies } from "../../../test/helpers/raw-resp.js";
import { pair3 } from "./resp.js";

const s = useServer([], { flush: true });
beforeEach(async () => {
  await s.r.zadd("z1", 1, "a", 2, "b", 3, "c");
  await s.r.zadd("z2", 10, "b", 20, "c", 30, "d");
});

describe("ZUNION, ZINTER, ZDIFF", () => {
  it("combine with SUM by default", async () => {
    expect(await s.r.call("ZUNION", "2", "z1", "z2", "WITHSCORES")).toEqual(["a", "1", "b", "12", "c", "23", "d", "30"]);
    expect(await s.r.call("ZINTER", "2", "z1", "z2", "WITHSCORES")).toEqual(["b", "12", "c", "23"]);
    expect(await s.r.call("ZDIFF", "2", "z1", "z2", "WITHSCORES")).toEqual(["a", "1"]);
    expect(await s.r.call("ZDIFF", "2", "z2", "z1")).toEqual(["d"]);
    expect(await s.r.call("ZUNION", "2", "z1", "none")).toEqual(["a", "b", "c"]);
    expect(await s.r.call("ZINTER", "2", "z1", "none")).toEqual([]);
    expect(await s.r.call("ZDIFF", "2", "none", "z1")).toEqual([]);
  });

  it("apply WEIGHTS and AGGREGATE", async () => {
    expect(await s.r.call("ZUNION", "2", "z1", "z2", "WEIGHTS", "2", "0.5", "WITHSCORES")).toEqual(["a", "2", "b", "9", "d", "15", "c", "16"]);
    expect(await s.r.call("ZUNION", "2", "z1", "z2", "AGGREGATE", "MIN", "WITHSCORES")).toEqual(["a", "1", "b", "2", "c", "3", "d", "30"]);
    expect(await s.r.call("ZINTER", "2", "z1", "z2", "aggregate", "max", "weights", "1", "-1", "WITHSCORES")).toEqual(["b", "2", "c", "3"]);
    await s.r.zadd("inf", "inf", "a");
    await s.r.zadd("ninf", "-inf", "a");
    expect(await s.r.call("ZUNION", "2", "inf", "ninf", "WITHSCORES")).toEqual(["a", "0"]);
    expect(await s.r.call("ZUNION", "1", "inf", "WEIGHTS", "0", "WITHSCORES")).toEqual(["a", "0"]);
  });

  it("store, replying the size, and delete the destination when empty", async () => {
    await s.r.set("dst", "string");
    expect(await s.r.zunionstore("dst", 2, "z1", "z2")).toBe(4);
    expect(await s.r.zrange("dst", 0, -1, "WITHSCORES")).toEqual(["a", "1", "b", "12", "c", "23", "d", "30"]);
    expect(await s.r.zinterstore("dst", 2, "z1", "z2", "WEIGHTS", 1, 0)).toBe(2);
    expect(await s.r.zrange("dst", 0, -1, "WITHSCORES")).toEqual(["b", "2", "c", "3"]);
    expect(await s.r.zdiffstore("dst", 2, "z1", "z2")).toBe(1);
    expect(await s.r.zdiffstore("dst", 2, "z1", "z1")).toBe(0);
    expect(await s.r.exists("dst")).toBe(0);
    expect(await s.r.zunionstore("z1", 2, "z1", "z2")).toBe(4);
    expect(await s.r.zscore("z1", "b")).toBe("12");
  });

  it("ZINTERCARD counts, with LIMIT", async () => {
    expect(await s.r.call("ZINTERCARD", "2", "z1", "z2")).toBe(2);
    expect(await s.r.call("ZINTERCARD", "2", "z1", "z2", "LIMIT", "1")).toBe(1);
    expect(await s.r.call("ZINTERCARD", "2", "z1", "z2", "LIMIT", "0")).toBe(2);
    expect(await s.r.call("ZINTERCARD", "1", "none")).toBe(0);
    expect(await errorOf(s.r.call("ZINTERCARD", "1", "z1", "LIMIT", "-1"))).toBe("ERR LIMIT can't be negative");
    expect(await errorOf(s.r.call("ZINTERCARD", "1", "z1", "WEIGHTS", "1"))).toBe("ERR syntax error");
  });

  it("refuse malformed calls and other types", async () => {
    expect(await errorOf(s.r.call("ZUNION", "0", "z1"))).toBe("ERR at least 1 input key is needed for 'zunion' command");
    expect(await errorOf(s.r.call("ZINTERSTORE", "d", "0", "z1"))).toBe("ERR at least 1 input key is needed for 'zinterstore' command");
    expect(await errorOf(s.r.call("ZINTERCARD", "0", "z1"))).toBe("ERR at least 1 input key is needed for 'zintercard' command");
    expect(await errorOf(s.r.call("ZUNION", "x", "z1"))).toBe("ERR value is not an integer or out of range");
    expect(await errorOf(s.r.call("ZUNION", "3", "z1", "z2"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("ZUNION", "1", "z1", "WEIGHTS", "x"))).toBe("ERR weight value is not a float");
    expect(await errorOf(s.r.call("ZUNION", "2", "z1", "z2", "WEIGHTS", "1"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("ZUNION", "1", "z1", "AGGREGATE", "AVG"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("ZDIFF", "1", "z1", "WEIGHTS", "1"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("ZUNIONSTORE", "d", "1", "z1", "WITHSCORES"))).toBe("ERR syntax error");
    await s.r.set("str", "x");
    expect(await errorOf(s.r.call("ZUNION", "2", "z1", "str", "AGGREGATE", "AVG"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.call("ZINTERSTORE", "d", "1", "str"))).toBe(WRONGTYPE);
  });

  it("read a plain set as members scored 1, weighted like any source", async () => {
    await s.r.sadd("set", "a", "b", "x");
    expect(await s.r.zunionstore("d", 2, "set", "z2", "WEIGHTS", 2, 3)).toBe(5);
    expect(await s.r.zrange("d", 0, -1, "WITHSCORES")).toEqual(["a", "2", "x", "2", "b", "32", "c", "60", "d", "90"]);
    expect(await s.r.call("ZINTER", "2", "set", "z1", "AGGREGATE", "MAX", "WITHSCORES")).toEqual(["a", "1", "b", "2"]);
    expect(await s.r.call("ZDIFF", "2", "set", "z1", "WITHSCORES")).toEqual(["x", "1"]);
    expect(await s.r.call("ZDIFFSTORE", "d", "2", "z1", "set")).toBe(1);
    expect(await s.r.call("ZINTERCARD", "2", "set", "z2")).toBe(1);
    await s.r.sadd("ints", "1", "2", "3"); // an intset in Redis: the same to a sorted set
    expect(await s.r.call("ZINTERSTORE", "d", "2", "ints", "set")).toBe(0);
    expect(await s.r.exists("d")).toBe(0);
    expect(await s.r.call("ZUNION", "2", "ints", "set")).toEqual(["1", "2", "3", "a", "b", "x"]);
  });

  it("reply pairs in RESP3", async () => {
    expect(await rawReplies(s.port, 3, ["ZINTER", "2", "z1", "z2", "WITHSCORES"])).toEqual([`*2\r\n${pair3("b", "12")}${pair3("c", "23")}`]);
  });
});

describe("ZRANDMEMBER", () => {
  it("picks members", async () => {
    expect(["a", "b", "c"]).toContain(await s.r.zrandmember("z1"));
    expect(await s.r.zrandmember("none")).toBe(null);
    expect(await s.r.zrandmember("none", 3)).toEqual([]);
    expect(await s.r.zrandmember("z1", 0)).toEqual([]);
    expect(((await s.r.zrandmember("z1", 10)) as string[]).sort()).toEqual(["a", "b", "c"]);
    const two = (await s.r.zrandmember("z1", 2)) as string[];
    expect(new Set(two).size).toBe(2);
    const many = (await s.r.zrandmember("z1", -20)) as string[];
    expect(many.length).toBe(20);
    expect(new Set(many).size).toBeLessThanOrEqual(3);
    const scored = (await s.r.call("ZRANDMEMBER", "z1", "-4", "WITHSCORES")) as string[];
    expect(scored.length).toBe(8);
    for (let i = 0; i < 8; i += 2) expect(String(" abc".indexOf(scored[i]))).toBe(scored[i + 1]);
  });

  it("refuses bad arguments", async () => {
    expect(await errorOf(s.r.call("ZRANDMEMBER", "z1", "x"))).toBe("ERR value is not an integer or out of range");
    expect(await errorOf(s.r.call("ZRANDMEMBER", "z1", "1", "WITHSCORE"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("ZRANDMEMBER", "z1", "9223372036854775807", "WITHSCORES"))).toBe("ERR value is out of range");
    await s.r.set("str", "x");
    expect(await errorOf(s.r.zrandmember("str"))).toBe(WRONGTYPE);
  });

  it("replies pairs in RESP3 with WITHSCORES", async () => {
    await s.r.zadd("one", 1.5, "x");
    expect(await rawReplies(s.port, 3, ["ZRANDMEMBER", "one", "-2", "WITHSCORES"])).toEqual([`*2\r\n${pair3("x", "1.5")}${pair3("x", "1.5")}`]);
  });
});
