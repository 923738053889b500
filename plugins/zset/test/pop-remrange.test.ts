// ZPOPMIN, ZPOPMAX, ZMPOP and ZREMRANGEBYRANK / BYSCORE / BYLEX.
import { beforeEach, describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { otherTypeKey, WRONGTYPE } from "../../../test/helpers/other-type.js";
import { rawReplies } from "../../../test/helpers/raw-resp.js";
import { flat2, pair3 } from "./resp.js";

const s = useServer([], { flush: true });
beforeEach(async () => {
  await s.r.zadd("z", 1, "a", 2, "b", 3, "c", 4, "d");
});

describe("ZPOPMIN and ZPOPMAX", () => {
  it("pop from either end and delete the emptied key", async () => {
    expect(await s.r.zpopmin("z")).toEqual(["a", "1"]);
    expect(await s.r.zpopmax("z", 2)).toEqual(["d", "4", "c", "3"]);
    expect(await s.r.zpopmin("z", 0)).toEqual([]);
    expect(await s.r.zpopmin("z", 10)).toEqual(["b", "2"]);
    expect(await s.r.exists("z")).toBe(0);
    expect(await s.r.zpopmin("z")).toEqual([]);
    expect(await s.r.zpopmax("none", 3)).toEqual([]);
  });

  it("refuse bad counts and other types", async () => {
    const positive = "ERR value is out of range, must be positive";
    expect(await errorOf(s.r.call("ZPOPMIN", "z", "-1"))).toBe(positive);
    expect(await errorOf(s.r.call("ZPOPMIN", "z", "x"))).toBe(positive);
    expect(await errorOf(s.r.call("ZPOPMAX", "z", "1", "2"))).toBe("ERR syntax error");
    await s.r.set("str", "x");
    expect(await errorOf(s.r.call("ZPOPMIN", "str", "0"))).toBe(WRONGTYPE);
    await otherTypeKey(s.r, "other");
    expect(await errorOf(s.r.zpopmax("other"))).toBe(WRONGTYPE);
  });

  it("reply flat without a count, pairs in RESP3 with one", async () => {
    const commands = [["ZPOPMIN", "z"], ["ZPOPMAX", "z", "1"], ["ZPOPMIN", "none"]];
    expect(await rawReplies(s.port, 3, ...commands)).toEqual([`*2\r\n$1\r\na\r\n,1\r\n`, `*1\r\n${pair3("d", "4")}`, "*0\r\n"]);
    expect(await rawReplies(s.port, 2, ...commands)).toEqual([`*2\r\n${flat2("b", "2")}`, `*2\r\n${flat2("c", "3")}`, "*0\r\n"]);
  });
});

describe("ZMPOP", () => {
  it("pops from the first non-empty set", async () => {
    expect(await s.r.call("ZMPOP", "2", "none", "z", "MIN")).toEqual(["z", [["a", "1"]]]);
    expect(await s.r.call("ZMPOP", "1", "z", "max", "COUNT", "2")).toEqual(["z", [["d", "4"], ["c", "3"]]]);
    expect(await s.r.call("ZMPOP", "1", "z", "MAX", "COUNT", "10")).toEqual(["z", [["b", "2"]]]);
    expect(await s.r.exists("z")).toBe(0);
    expect(await s.r.call("ZMPOP", "2", "z", "none", "MIN")).toBe(null);
    await s.r.zadd("z", 1, "a");
    expect(await rawReplies(s.port, 3, ["ZMPOP", "1", "none", "MIN"], ["ZMPOP", "1", "z", "MIN"])).toEqual(["_\r\n", `*2\r\n$1\r\nz\r\n*1\r\n${pair3("a", "1")}`]);
  });

  it("refuses malformed calls", async () => {
    const numkeys = "ERR numkeys should be greater than 0";
    expect(await errorOf(s.r.call("ZMPOP", "0", "z", "MIN"))).toBe(numkeys);
    expect(await errorOf(s.r.call("ZMPOP", "x", "z", "MIN"))).toBe(numkeys);
    expect(await errorOf(s.r.call("ZMPOP", "5", "z", "MIN"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("ZMPOP", "1", "z", "LEFT"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("ZMPOP", "1", "z", "MIN", "COUNT", "0"))).toBe("ERR count should be greater than 0");
    expect(await errorOf(s.r.call("ZMPOP", "1", "z", "MIN", "COUNT", "1", "COUNT", "1"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("ZMPOP", "1", "z"))).toBe("ERR wrong number of arguments for 'zmpop' command");
    await s.r.set("str", "x");
    expect(await errorOf(s.r.call("ZMPOP", "2", "str", "z", "MIN"))).toBe(WRONGTYPE);
  });
});

describe("ZREMRANGEBY*", () => {
  it("removes by rank", async () => {
    expect(await s.r.zremrangebyrank("z", 1, 2)).toBe(2);
    expect(await s.r.zrange("z", 0, -1)).toEqual(["a", "d"]);
    expect(await s.r.zremrangebyrank("z", 5, 10)).toBe(0);
    expect(await s.r.zremrangebyrank("z", -1, -1)).toBe(1);
    expect(await s.r.zremrangebyrank("z", -100, 100)).toBe(1);
    expect(await s.r.exists("z")).toBe(0);
    expect(await errorOf(s.r.call("ZREMRANGEBYRANK", "z", "a", "1"))).toBe("ERR value is not an integer or out of range");
  });

  it("removes by score and by lex", async () => {
    expect(await s.r.zremrangebyscore("z", "(1", 3)).toBe(2);
    expect(await s.r.zrange("z", 0, -1)).toEqual(["a", "d"]);
    expect(await s.r.zremrangebyscore("z", 5, "+inf")).toBe(0);
    await s.r.zadd("lex", 0, "a", 0, "b", 0, "c", 0, "d");
    expect(await s.r.zremrangebylex("lex", "[b", "(d")).toBe(2);
    expect(await s.r.zrange("lex", 0, -1)).toEqual(["a", "d"]);
    expect(await s.r.zremrangebylex("lex", "-", "+")).toBe(2);
    expect(await s.r.exists("lex")).toBe(0);
    expect(await errorOf(s.r.zremrangebyscore("z", "x", 1))).toBe("ERR min or max is not a float");
    expect(await errorOf(s.r.zremrangebylex("z", "x", "+"))).toBe("ERR min or max not valid string range item");
    await s.r.set("str", "x");
    expect(await errorOf(s.r.zremrangebyrank("str", 0, 1))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.zremrangebyscore("str", 0, 1))).toBe(WRONGTYPE);
    expect(await s.r.zremrangebylex("none", "-", "+")).toBe(0);
  });
});
