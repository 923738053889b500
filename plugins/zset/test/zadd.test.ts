// ZADD and its options, ZINCRBY, ZCARD, ZSCORE, ZMSCORE, ZREM, and the two encodings.
import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { otherTypeKey, WRONGTYPE } from "../../../test/helpers/other-type.js";
import { against } from "../../../test/helpers/target.js";
import { rawReplies } from "../../../test/helpers/raw-resp.js";

const s = useServer([], { flush: true });
const NOT_FLOAT = "ERR value is not a valid float";

describe("ZADD", () => {
  it("adds, updates and counts", async () => {
    expect(await s.r.zadd("z", 1, "a", 2, "b", 3, "c")).toBe(3);
    expect(await s.r.zadd("z", 10, "a", 4, "d")).toBe(1);
    expect(await s.r.zadd("z", "CH", 11, "a", 4, "d", 5, "e")).toBe(2);
    expect(await s.r.zrange("z", 0, -1, "WITHSCORES")).toEqual(["b", "2", "c", "3", "d", "4", "e", "5", "a", "11"]);
    expect(await s.r.zcard("z")).toBe(5);
    expect(await s.r.zcard("none")).toBe(0);
  });

  it("orders equal scores by member bytes and accepts inf", async () => {
    await s.r.zadd("z", 1, "b", 1, "ab", 1, "a", "-inf", "lo", "+inf", "hi", 0, "");
    expect(await s.r.zrange("z", 0, -1)).toEqual(["lo", "", "a", "ab", "b", "hi"]);
    expect(await s.r.zscore("z", "hi")).toBe("inf");
    expect(await s.r.zscore("z", "lo")).toBe("-inf");
  });

  it("reads the largest double written out in full, and refuses one digit more", async () => {
    const dblMax = `${(2n ** 1024n - 2n ** 971n).toString()}.00000000000000000`;
    await s.r.zadd("z", dblMax, "max");
    expect(await s.r.zscore("z", "max")).toBe("1.7976931348623157e+308");
    expect(await errorOf(s.r.zadd("z", `${dblMax.slice(0, 1)}0${dblMax.slice(1)}`, "over"))).toBe("ERR value is not a valid float");
  });

  it("honours NX, XX, GT, LT", async () => {
    await s.r.zadd("z", 5, "a");
    expect(await s.r.zadd("z", "NX", 1, "a", 1, "b")).toBe(1);
    expect(await s.r.zscore("z", "a")).toBe("5");
    expect(await s.r.zadd("z", "XX", "CH", 6, "a", 1, "c")).toBe(1);
    expect(await s.r.zscore("z", "c")).toBe(null);
    expect(await s.r.zadd("z", "GT", "CH", 3, "a", 2, "b", 9, "new")).toBe(2);
    expect(await s.r.zmscore("z", "a", "b", "new")).toEqual(["6", "2", "9"]);
    expect(await s.r.zadd("z", "LT", "CH", 7, "a", 1, "b")).toBe(1);
    expect(await s.r.zmscore("z", "a", "b")).toEqual(["6", "1"]);
    expect(await s.r.zadd("none", "XX", 1, "a")).toBe(0);
    expect(await s.r.exists("none")).toBe(0);
  });

  it("INCR returns the new score, or null when an option stops it", async () => {
    expect(await s.r.zadd("z", "INCR", 2.5, "a")).toBe("2.5");
    expect(await s.r.zadd("z", "INCR", 2.5, "a")).toBe("5");
    expect(await s.r.zadd("z", "INCR", "NX", 1, "a")).toBe(null);
    expect(await s.r.zadd("z", "INCR", "GT", -1, "a")).toBe(null);
    expect(await s.r.zadd("z", "INCR", "XX", 1, "b")).toBe(null);
    expect(await s.r.zadd("none", "XX", "INCR", 1, "b")).toBe(null);
    expect(await s.r.zscore("z", "a")).toBe("5");
  });

  it("refuses bad options and scores", async () => {
    const syntax = "ERR syntax error";
    expect(await errorOf(s.r.call("ZADD", "z", "NX", "1"))).toBe(syntax);
    expect(await errorOf(s.r.call("ZADD", "z", "NX", "1", "a", "2"))).toBe(syntax);
    expect(await errorOf(s.r.call("ZADD", "z", "NX", "XX", "1", "a"))).toBe("ERR XX and NX options at the same time are not compatible");
    const gtlt = "ERR GT, LT, and/or NX options at the same time are not compatible";
    expect(await errorOf(s.r.call("ZADD", "z", "GT", "LT", "1", "a"))).toBe(gtlt);
    expect(await errorOf(s.r.call("ZADD", "z", "NX", "GT", "1", "a"))).toBe(gtlt);
    expect(await errorOf(s.r.call("ZADD", "z", "INCR", "1", "a", "2", "b"))).toBe("ERR INCR option supports a single increment-element pair");
    for (const bad of ["x", "nan", "", " 1", "1x"]) {
      expect(await errorOf(s.r.call("ZADD", "z", "1", "a", bad, "b")), bad).toBe(NOT_FLOAT);
    }
    expect(await s.r.exists("z")).toBe(0);
    await s.r.zadd("z", "inf", "a");
    expect(await errorOf(s.r.call("ZADD", "z", "INCR", "-inf", "a"))).toBe("ERR resulting score is not a number (NaN)");
    expect(await errorOf(s.r.call("ZINCRBY", "z", "-inf", "a"))).toBe("ERR resulting score is not a number (NaN)");
    expect(await errorOf(s.r.call("ZADD", "z"))).toBe("ERR wrong number of arguments for 'zadd' command");
  });

  it("refuses keys of another type", async () => {
    await s.r.set("str", "x");
    await otherTypeKey(s.r, "other");
    for (const key of ["str", "other"]) {
      expect(await errorOf(s.r.zadd(key, 1, "a"))).toBe(WRONGTYPE);
      expect(await errorOf(s.r.zincrby(key, 1, "a"))).toBe(WRONGTYPE);
      expect(await errorOf(s.r.zcard(key))).toBe(WRONGTYPE);
      expect(await errorOf(s.r.zscore(key, "a"))).toBe(WRONGTYPE);
      expect(await errorOf(s.r.zmscore(key, "a"))).toBe(WRONGTYPE);
      expect(await errorOf(s.r.zrem(key, "a"))).toBe(WRONGTYPE);
    }
    expect(await errorOf(s.r.call("ZADD", "str", "1", "a", "x", "b"))).toBe(NOT_FLOAT);
  });
});

describe("ZINCRBY, ZSCORE, ZMSCORE, ZREM", () => {
  it("increments from nothing", async () => {
    expect(await s.r.zincrby("z", 1.5, "a")).toBe("1.5");
    expect(await s.r.zincrby("z", -3, "a")).toBe("-1.5");
    expect(await s.r.zincrby("z", "1e3", "b")).toBe("1000");
    expect(await errorOf(s.r.call("ZINCRBY", "z", "abc", "a"))).toBe(NOT_FLOAT);
  });

  it("scores missing members and keys as null", async () => {
    await s.r.zadd("z", 1, "a", 2, "b");
    expect(await s.r.zscore("z", "x")).toBe(null);
    expect(await s.r.zscore("none", "a")).toBe(null);
    expect(await s.r.zmscore("z", "b", "x", "a")).toEqual(["2", null, "1"]);
    expect(await s.r.zmscore("none", "a", "b")).toEqual([null, null]);
  });

  it("removes members and deletes the emptied key", async () => {
    await s.r.zadd("z", 1, "a", 2, "b", 3, "c");
    expect(await s.r.zrem("z", "a", "x", "a")).toBe(1);
    expect(await s.r.zrem("none", "a")).toBe(0);
    expect(await s.r.zrem("z", "b", "c")).toBe(2);
    expect(await s.r.exists("z")).toBe(0);
  });

  it("replies doubles in RESP3 and bulk strings in RESP2", async () => {
    await s.r.zadd("z", 1.5, "a", 2, "b");
    const commands = [["ZSCORE", "z", "a"], ["ZMSCORE", "z", "b", "x"], ["ZINCRBY", "z", "1", "b"], ["ZSCORE", "z", "x"], ["ZADD", "z", "NX", "INCR", "1", "a"]];
    expect(await rawReplies(s.port, 3, ...commands)).toEqual([",1.5\r\n", "*2\r\n,2\r\n_\r\n", ",3\r\n", "_\r\n", "_\r\n"]);
    expect(await rawReplies(s.port, 2, ...commands)).toEqual(["$3\r\n1.5\r\n", "*2\r\n$1\r\n3\r\n$-1\r\n", "$1\r\n4\r\n", "$-1\r\n", "$-1\r\n"]);
  });
});

describe("encodings", () => {
  it("uses a listpack while small, a skiplist past 128 members or 64-byte members", async () => {
    await s.r.zadd("z", 1, "a");
    expect(await s.r.object("ENCODING", "z")).toBe("listpack");
    const args: (string | number)[] = [];
    for (let i = 0; i < 128; i++) args.push(i, `m${i}`);
    await s.r.zadd("z", ...args);
    expect(await s.r.object("ENCODING", "z")).toBe("skiplist");
    await s.r.zadd("long", 1, "x".repeat(64));
    expect(await s.r.object("ENCODING", "long")).toBe("listpack");
    await s.r.zadd("long", 1, "y".repeat(65));
    expect(await s.r.object("ENCODING", "long")).toBe("skiplist");
    await s.r.zrem("long", "y".repeat(65));
    expect(await s.r.object("ENCODING", "long")).toBe("skiplist");
  });

  it.skipIf(against === "redis")("sizes a new set for the whole ZADD, as Redis 7.2", async () => {
    const args: (string | number)[] = [];
    for (let i = 0; i < 130; i++) args.push(1, "same");
    await s.r.zadd("z", ...args);
    expect(await s.r.object("ENCODING", "z")).toBe("skiplist");
  });

  it("survives COPY, DUMP/RESTORE in both encodings", async () => {
    const args: (string | number)[] = [];
    for (let i = 0; i < 200; i++) args.push(i % 7, `m${i}`);
    await s.r.zadd("big", ...args);
    await s.r.zadd("small", 1, "a", 2, "b");
    for (const key of ["big", "small"]) {
      const before = await s.r.zrange(key, 0, -1, "WITHSCORES");
      await s.r.copy(key, `${key}-copy`);
      const dump = await s.r.dumpBuffer(key);
      await s.r.restore(`${key}-restored`, 0, dump);
      await s.r.zadd(key, 100, "changed");
      expect(await s.r.zrange(`${key}-copy`, 0, -1, "WITHSCORES")).toEqual(before);
      expect(await s.r.zrange(`${key}-restored`, 0, -1, "WITHSCORES")).toEqual(before);
      expect(await s.r.object("ENCODING", `${key}-restored`)).toBe(key === "big" ? "skiplist" : "listpack");
    }
  });
});
