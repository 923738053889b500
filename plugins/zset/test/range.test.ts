// ZRANGE in all its forms (ZREVRANGE, ZRANGEBYSCORE, ZRANGEBYLEX and reversed), ZRANGESTORE, ZCOUNT,
// ZLEXCOUNT, ZRANK and ZREVRANK.
import { beforeEach, describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { otherTypeKey, WRONGTYPE } from "../../../test/helpers/other-type.js";
import { against } from "../../../test/helpers/target.js";
import { rawReplies } from "../../../test/helpers/raw-resp.js";
import { flat2, pair3 } from "./resp.js";

const s = useServer([], { flush: true });
beforeEach(async () => {
  await s.r.zadd("z", 1, "a", 2, "b", 3, "c", 4, "d", 5, "e");
  await s.r.zadd("lex", 0, "a", 0, "b", 0, "c", 0, "d", 0, "e", 0, "f");
});

describe("ZRANGE by rank", () => {
  it("takes start/stop with negative indexes, clamped", async () => {
    expect(await s.r.zrange("z", 0, -1)).toEqual(["a", "b", "c", "d", "e"]);
    expect(await s.r.zrange("z", -2, 100)).toEqual(["d", "e"]);
    expect(await s.r.zrange("z", -100, 1)).toEqual(["a", "b"]);
    expect(await s.r.zrange("z", 3, 1)).toEqual([]);
    expect(await s.r.zrange("z", 5, 10)).toEqual([]);
    expect(await s.r.zrange("none", 0, -1)).toEqual([]);
    expect(await s.r.zrange("z", 0, 1, "REV", "WITHSCORES")).toEqual(["e", "5", "d", "4"]);
    expect(await s.r.zrevrange("z", 1, 2)).toEqual(["d", "c"]);
    expect(await s.r.zrevrange("z", 0, 0, "WITHSCORES")).toEqual(["e", "5"]);
    expect(await s.r.call("ZRANGE", "z", "0", "-1", "LIMIT", "0", "-1")).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("refuses what Redis refuses", async () => {
    const syntax = "ERR syntax error";
    expect(await errorOf(s.r.call("ZRANGE", "z", "a", "1"))).toBe("ERR value is not an integer or out of range");
    expect(await errorOf(s.r.call("ZRANGE", "z", "0", "1", "LIMIT", "0", "2"))).toBe("ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX");
    expect(await errorOf(s.r.call("ZRANGE", "z", "-", "+", "BYLEX", "WITHSCORES"))).toBe("ERR syntax error, WITHSCORES not supported in combination with BYLEX");
    expect(await errorOf(s.r.call("ZRANGE", "z", "0", "1", "BYSCORE", "BYLEX"))).toBe(syntax);
    expect(await errorOf(s.r.call("ZRANGE", "z", "0", "1", "REV", "REV"))).toBe(syntax);
    expect(await errorOf(s.r.call("ZRANGE", "z", "0", "1", "LIMIT", "1"))).toBe(syntax);
    expect(await errorOf(s.r.call("ZREVRANGE", "z", "0", "1", "REV"))).toBe(syntax);
    expect(await errorOf(s.r.call("ZRANGEBYSCORE", "z", "0", "1", "BYLEX"))).toBe(syntax);
    expect(await errorOf(s.r.call("ZRANGEBYLEX", "z", "-", "+", "WITHSCORES"))).toBe("ERR syntax error, WITHSCORES not supported in combination with BYLEX");
    expect(await errorOf(s.r.call("ZRANGE", "z", "0", "1", "BYSCORE", "LIMIT", "x", "1"))).toBe("ERR value is not an integer or out of range");
    await s.r.set("str", "x");
    expect(await errorOf(s.r.zrange("str", 0, -1))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.call("ZRANGE", "str", "x", "1"))).toBe("ERR value is not an integer or out of range");
  });
});

describe("ZRANGE by score", () => {
  it("takes inclusive and exclusive bounds and infinities", async () => {
    expect(await s.r.zrangebyscore("z", 2, 4)).toEqual(["b", "c", "d"]);
    expect(await s.r.zrangebyscore("z", "(2", "(4")).toEqual(["c"]);
    expect(await s.r.zrangebyscore("z", "-inf", "+inf")).toEqual(["a", "b", "c", "d", "e"]);
    expect(await s.r.zrangebyscore("z", "(1", "inf", "WITHSCORES")).toEqual(["b", "2", "c", "3", "d", "4", "e", "5"]);
    expect(await s.r.zrangebyscore("z", 4, 2)).toEqual([]);
    expect(await s.r.zrangebyscore("z", "(3", 3)).toEqual([]);
    expect(await s.r.zrevrangebyscore("z", 4, 2)).toEqual(["d", "c", "b"]);
    expect(await s.r.zrevrangebyscore("z", "+inf", "(3", "WITHSCORES")).toEqual(["e", "5", "d", "4"]);
    expect(await s.r.call("ZRANGE", "z", "(4", "2", "BYSCORE", "REV")).toEqual(["c", "b"]);
    expect(await s.r.call("ZRANGE", "z", "", "2", "BYSCORE")).toEqual(["a", "b"]); // strtod reads "" as 0
  });

  it("applies LIMIT offset count", async () => {
    expect(await s.r.zrangebyscore("z", "-inf", "+inf", "LIMIT", 1, 2)).toEqual(["b", "c"]);
    expect(await s.r.zrangebyscore("z", "-inf", "+inf", "LIMIT", 3, -1)).toEqual(["d", "e"]);
    expect(await s.r.zrangebyscore("z", "-inf", "+inf", "LIMIT", -1, 2)).toEqual([]);
    expect(await s.r.zrangebyscore("z", "-inf", "+inf", "LIMIT", 5, 2)).toEqual([]);
    expect(await s.r.zrangebyscore("z", 2, 10, "LIMIT", 1, 0)).toEqual([]);
    expect(await s.r.zrevrangebyscore("z", "+inf", "-inf", "LIMIT", 1, 2)).toEqual(["d", "c"]);
    expect(await s.r.call("ZRANGE", "z", "4", "1", "BYSCORE", "REV", "LIMIT", "1", "10", "WITHSCORES")).toEqual(["c", "3", "b", "2", "a", "1"]);
  });

  it("refuses bounds that are not floats", async () => {
    for (const [min, max] of [["x", "1"], ["1", "(x"], ["nan", "1"], ["[1", "2"]]) {
      expect(await errorOf(s.r.zrangebyscore("z", min, max))).toBe("ERR min or max is not a float");
    }
  });
});

describe("ZRANGE by lex", () => {
  it("takes [inclusive, (exclusive, - and + bounds", async () => {
    expect(await s.r.zrangebylex("lex", "-", "+")).toEqual(["a", "b", "c", "d", "e", "f"]);
    expect(await s.r.zrangebylex("lex", "[b", "(d")).toEqual(["b", "c"]);
    expect(await s.r.zrangebylex("lex", "(b", "[d")).toEqual(["c", "d"]);
    expect(await s.r.zrangebylex("lex", "+", "-")).toEqual([]);
    expect(await s.r.zrangebylex("lex", "[aa", "[c")).toEqual(["b", "c"]);
    expect(await s.r.zrangebylex("lex", "-", "+", "LIMIT", 2, 2)).toEqual(["c", "d"]);
    expect(await s.r.zrevrangebylex("lex", "+", "[e")).toEqual(["f", "e"]);
    expect(await s.r.zrevrangebylex("lex", "(e", "-", "LIMIT", 1, 2)).toEqual(["c", "b"]);
    expect(await s.r.call("ZRANGE", "lex", "[e", "(b", "BYLEX", "REV")).toEqual(["e", "d", "c"]);
  });

  it("refuses invalid range items", async () => {
    for (const [min, max] of [["a", "+"], ["-", "c"], ["", "+"], ["--", "+"], ["-", "++"]]) {
      expect(await errorOf(s.r.zrangebylex("lex", min, max))).toBe("ERR min or max not valid string range item");
    }
  });
});

describe("ZRANGESTORE", () => {
  it("stores the range and replies its size", async () => {
    expect(await s.r.call("ZRANGESTORE", "dst", "z", "1", "2")).toBe(2);
    expect(await s.r.zrange("dst", 0, -1, "WITHSCORES")).toEqual(["b", "2", "c", "3"]);
    expect(await s.r.call("ZRANGESTORE", "dst", "z", "4", "2", "BYSCORE", "REV", "LIMIT", "0", "2")).toBe(2);
    expect(await s.r.zrange("dst", 0, -1)).toEqual(["c", "d"]);
    expect(await s.r.call("ZRANGESTORE", "dst", "lex", "[b", "[c", "BYLEX")).toBe(2);
    expect(await s.r.call("ZRANGESTORE", "z", "z", "0", "0")).toBe(1);
    expect(await s.r.zrange("z", 0, -1)).toEqual(["a"]);
  });

  it("deletes the destination on an empty result and overwrites other types", async () => {
    await s.r.set("str", "x");
    expect(await s.r.call("ZRANGESTORE", "str", "z", "0", "0")).toBe(1);
    expect(await s.r.type("str")).toBe("zset");
    expect(await s.r.call("ZRANGESTORE", "str", "none", "0", "-1")).toBe(0);
    expect(await s.r.exists("str")).toBe(0);
    expect(await errorOf(s.r.call("ZRANGESTORE", "dst", "z", "0", "1", "WITHSCORES"))).toBe("ERR syntax error");
    await otherTypeKey(s.r, "other");
    expect(await errorOf(s.r.call("ZRANGESTORE", "dst", "other", "0", "1"))).toBe(WRONGTYPE);
  });
});

describe("ZCOUNT and ZLEXCOUNT", () => {
  it("count ranges", async () => {
    expect(await s.r.zcount("z", 2, 4)).toBe(3);
    expect(await s.r.zcount("z", "(2", "+inf")).toBe(3);
    expect(await s.r.zcount("z", 4, 2)).toBe(0);
    expect(await s.r.zcount("none", 0, 1)).toBe(0);
    expect(await s.r.zlexcount("lex", "-", "+")).toBe(6);
    expect(await s.r.zlexcount("lex", "(a", "[c")).toBe(2);
    expect(await errorOf(s.r.zcount("z", "x", 1))).toBe("ERR min or max is not a float");
    expect(await errorOf(s.r.zlexcount("lex", "a", "+"))).toBe("ERR min or max not valid string range item");
    await s.r.set("str", "x");
    expect(await errorOf(s.r.zcount("str", 0, 1))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.zlexcount("str", "-", "+"))).toBe(WRONGTYPE);
  });
});

describe("ZRANK and ZREVRANK", () => {
  it("give ranks from either end", async () => {
    expect(await s.r.zrank("z", "a")).toBe(0);
    expect(await s.r.zrank("z", "d")).toBe(3);
    expect(await s.r.zrevrank("z", "d")).toBe(1);
    expect(await s.r.zrank("z", "x")).toBe(null);
    expect(await s.r.zrevrank("none", "x")).toBe(null);
    await s.r.set("str", "x");
    expect(await errorOf(s.r.zrank("str", "a"))).toBe(WRONGTYPE);
  });

  it.skipIf(against === "redis")("WITHSCORE adds the score (Redis 7.2)", async () => {
    expect(await s.r.call("ZRANK", "z", "c", "WITHSCORE")).toEqual([2, "3"]);
    expect(await s.r.call("ZREVRANK", "z", "c", "withscore")).toEqual([2, "3"]);
    expect(await s.r.call("ZRANK", "z", "x", "WITHSCORE")).toBe(null);
    expect(await errorOf(s.r.call("ZRANK", "z", "c", "WITHSCORES"))).toBe("ERR syntax error");
    expect(await rawReplies(s.port, 3, ["ZRANK", "z", "b", "WITHSCORE"], ["ZRANK", "z", "x", "WITHSCORE"])).toEqual(["*2\r\n:1\r\n,2\r\n", "_\r\n"]);
    expect(await rawReplies(s.port, 2, ["ZREVRANK", "z", "x", "WITHSCORE"])).toEqual(["*-1\r\n"]);
  });
});

describe("RESP3 shapes", () => {
  it("WITHSCORES gives [member, score] pairs in RESP3, a flat array in RESP2", async () => {
    const commands = [["ZRANGE", "z", "0", "1", "WITHSCORES"], ["ZRANGEBYSCORE", "z", "(4", "+inf", "WITHSCORES"], ["ZRANGE", "z", "0", "0"]];
    expect(await rawReplies(s.port, 3, ...commands)).toEqual([`*2\r\n${pair3("a", "1")}${pair3("b", "2")}`, `*1\r\n${pair3("e", "5")}`, "*1\r\n$1\r\na\r\n"]);
    expect(await rawReplies(s.port, 2, ...commands)).toEqual([`*4\r\n${flat2("a", "1")}${flat2("b", "2")}`, `*2\r\n${flat2("e", "5")}`, "*1\r\n$1\r\na\r\n"]);
  });
});
