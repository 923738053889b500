import { describe, expect, it } from "vitest";
import { errorOf, sleep, useServer } from "../../../test/helpers/server.js";
import { WRONGTYPE } from "../../../test/helpers/other-type.js";
import { rawReplies } from "../../../test/helpers/raw-resp.js";
import { blocked, blockedClients } from "../../../test/helpers/blocking.js";

const s = useServer([], { flush: true });

describe("BZPOPMIN / BZPOPMAX", () => {
  it("pops at once from the first non-empty set: [key, member, score]", async () => {
    await s.r.zadd("b", 1, "one", 2, "two", 3, "three");
    expect(await s.r.bzpopmin("a", "b", 0)).toEqual(["b", "one", "1"]);
    expect(await s.r.bzpopmax("a", "b", 0)).toEqual(["b", "three", "3"]);
    expect(await rawReplies(s.port, 3, ["BZPOPMIN", "b", "0"])).toEqual(["*3\r\n$1\r\nb\r\n$3\r\ntwo\r\n,2\r\n"]);
    expect(await s.r.exists("b")).toBe(0);
  });

  it("serves clients blocked on one set in the order they blocked", async () => {
    const first = await blocked(s, "BZPOPMIN", "z", "0");
    const second = await blocked(s, "BZPOPMAX", "other", "z", "0");
    const third = await blocked(s, "BZPOPMIN", "z", "0");
    await s.r.zadd("z", 1, "a", 2, "b", 3, "c");
    expect(await first.reply).toEqual(["z", "a", "1"]);
    expect(await second.reply).toEqual(["z", "c", "3"]);
    expect(await third.reply).toEqual(["z", "b", "2"]);
    expect(await s.r.exists("z")).toBe(0);
  });

  it("is woken by ZINCRBY creating the set, and keeps waiting while its key holds another type", async () => {
    const waiting = await blocked(s, "BZPOPMAX", "z", "0");
    await s.r.set("z", "string");
    await sleep(20);
    expect(await blockedClients(s)).toBe(1);
    await s.r.del("z");
    await s.r.zincrby("z", 2.5, "m");
    expect(await waiting.reply).toEqual(["z", "m", "2.5"]);
  });

  it("answers a null array on timeout, `_` in RESP3", async () => {
    expect(await s.client().bzpopmin("none", 0.01)).toBeNull();
    expect(await rawReplies(s.port, 2, ["BZPOPMAX", "none", "0.01"])).toEqual(["*-1\r\n"]);
    expect(await rawReplies(s.port, 3, ["BZPOPMIN", "none", "0.01"])).toEqual(["_\r\n"]);
  });

  it("errors: the timeout before the keys", async () => {
    await s.r.set("str", "x");
    expect(await errorOf(s.r.call("BZPOPMIN", "str", "x"))).toBe("ERR timeout is not a float or out of range");
    expect(await errorOf(s.r.call("BZPOPMAX", "str", "-1"))).toBe("ERR timeout is negative");
    expect(await errorOf(s.r.bzpopmin("none", "str", 0))).toBe(WRONGTYPE);
  });
});

describe("BZMPOP", () => {
  it("pops like ZMPOP, or blocks on every key", async () => {
    await s.r.zadd("b", 1, "x", 2, "y", 3, "z");
    expect(await s.r.call("BZMPOP", "0", "2", "a", "b", "MAX", "COUNT", "2")).toEqual(["b", [["z", "3"], ["y", "2"]]]);
    const waiting = await blocked(s, "BZMPOP", "0", "2", "p", "q", "MIN", "COUNT", "5");
    await s.r.zadd("q", 5, "five", 4, "four");
    expect(await waiting.reply).toEqual(["q", [["four", "4"], ["five", "5"]]]);
    expect(await s.client().call("BZMPOP", "0.01", "1", "none", "MIN")).toBeNull();
    expect(await rawReplies(s.port, 3, ["BZMPOP", "0.01", "1", "none", "MIN"])).toEqual(["_\r\n"]);
  });

  it("errors: ZMPOP's, then the timeout's, then the keys'", async () => {
    await s.r.set("str", "x");
    expect(await errorOf(s.r.call("BZMPOP", "x", "0", "k", "MIN"))).toBe("ERR numkeys should be greater than 0");
    expect(await errorOf(s.r.call("BZMPOP", "x", "1", "k", "UP"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("BZMPOP", "x", "1", "k", "MIN", "COUNT", "0"))).toBe("ERR count should be greater than 0");
    expect(await errorOf(s.r.call("BZMPOP", "x", "1", "str", "MIN"))).toBe("ERR timeout is not a float or out of range");
    expect(await errorOf(s.r.call("BZMPOP", "-1", "1", "k", "MIN"))).toBe("ERR timeout is negative");
    expect(await errorOf(s.r.call("BZMPOP", "0", "1", "str", "MIN"))).toBe(WRONGTYPE);
  });
});
