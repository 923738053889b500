import { describe, expect, it } from "vitest";
import { errorOf, sleep, useServer } from "../../../test/helpers/server.js";
import { WRONGTYPE } from "../../../test/helpers/other-type.js";
import { RawConnection, rawReplies } from "../../../test/helpers/raw-resp.js";
import { blocked, blockedClients, untilBlocked } from "../../../test/helpers/blocking.js";

const s = useServer([], { flush: true });

describe("BLPOP / BRPOP", () => {
  it("pops at once from the first non-empty list", async () => {
    await s.r.rpush("b", "1", "2");
    expect(await s.r.blpop("a", "b", 0)).toEqual(["b", "1"]);
    expect(await s.r.brpop("a", "b", 0)).toEqual(["b", "2"]);
    expect(await s.r.exists("b")).toBe(0);
  });

  it("serves clients blocked on one key in the order they blocked", async () => {
    const first = await blocked(s, "BLPOP", "q", "0");
    const second = await blocked(s, "BRPOP", "q", "0");
    const third = await blocked(s, "BLPOP", "q", "0");
    await s.r.rpush("q", "1", "2", "3");
    expect(await first.reply).toEqual(["q", "1"]);
    expect(await second.reply).toEqual(["q", "3"]);
    expect(await third.reply).toEqual(["q", "2"]);
    expect(await s.r.exists("q")).toBe(0);
    expect(await blockedClients(s)).toBe(0);
  });

  it("a client left without an element keeps waiting", async () => {
    const first = await blocked(s, "BLPOP", "q", "0");
    const second = await blocked(s, "BLPOP", "q", "0");
    await s.r.lpush("q", "only");
    expect(await first.reply).toEqual(["q", "only"]);
    expect(await blockedClients(s)).toBe(1);
    await s.r.lpush("q", "next");
    expect(await second.reply).toEqual(["q", "next"]);
  });

  it("blocks on several keys (the same one twice too) and answers for the one written", async () => {
    const waiting = await blocked(s, "BLPOP", "k1", "k2", "k1", "0");
    await s.r.rpush("k2", "v");
    expect(await waiting.reply).toEqual(["k2", "v"]);
  });

  it("is woken by LMOVE and RPOPLPUSH from another list", async () => {
    await s.r.rpush("src", "a", "b");
    const waiting = await blocked(s, "BRPOP", "dst", "0");
    expect(await s.r.lmove("src", "dst", "LEFT", "LEFT")).toBe("a");
    expect(await waiting.reply).toEqual(["dst", "a"]);
    const again = await blocked(s, "BLPOP", "dst", "0");
    expect(await s.r.rpoplpush("src", "dst")).toBe("b");
    expect(await again.reply).toEqual(["dst", "b"]);
  });

  it("answers a null array on timeout, `_` in RESP3", async () => {
    expect(await s.client().blpop("none", 0.05)).toBeNull();
    expect(await s.client().call("BRPOP", "none", "0.001")).toBeNull();
    expect(await rawReplies(s.port, 3, ["BLPOP", "none", "0.01"])).toEqual(["_\r\n"]);
    expect(await rawReplies(s.port, 2, ["BRPOP", "none", "0.01"])).toEqual(["*-1\r\n"]);
    expect(await blockedClients(s)).toBe(0);
  });

  it("checks the timeout before the keys, and types only on the first run", async () => {
    await s.r.set("str", "x");
    for (const t of ["abc", "", " 1", "1 ", "nan", "1e"])
      expect(await errorOf(s.r.call("BLPOP", "str", t))).toBe("ERR timeout is not a float or out of range");
    for (const t of ["-1", "-0.0011", "-inf", "inf", "1e20", "9223372036854776"])
      expect(await errorOf(s.r.call("BRPOP", "str", t))).toBe("ERR timeout is negative");
    expect(await errorOf(s.r.blpop("str", 0))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.blpop("none", "str", 0))).toBe(WRONGTYPE);
  });

  it("keeps waiting when its key is set to another type, until it holds a list again", async () => {
    const waiting = await blocked(s, "BLPOP", "k", "0");
    await s.r.set("k", "string");
    await sleep(20);
    expect(await blockedClients(s)).toBe(1);
    await s.r.del("k");
    await s.r.rpush("k", "v");
    expect(await waiting.reply).toEqual(["k", "v"]);
  });

  it("forgets a client that disconnects while blocked", async () => {
    const c = s.client();
    void c.blpop("gone", 0).catch(() => {});
    await untilBlocked(s, 1);
    c.disconnect();
    await untilBlocked(s, 0);
    await s.r.rpush("gone", "v");
    expect(await s.r.lrange("gone", 0, -1)).toEqual(["v"]);
  });

  it("runs what a client pipelined behind its blocking command once it is served", async () => {
    const raw = await RawConnection.open(s.port);
    const replies = raw.sendRaw("BLPOP p 0\r\nLLEN p\r\nPING\r\n", (t) => t.endsWith("+PONG\r\n"));
    await untilBlocked(s, 1);
    await s.r.rpush("p", "x", "y");
    expect(await replies).toBe("*2\r\n$1\r\np\r\n$1\r\nx\r\n:1\r\n+PONG\r\n");
    raw.close();
  });
});

describe("BLMOVE / BRPOPLPUSH", () => {
  it("moves at once when the source has elements", async () => {
    await s.r.rpush("src", "a", "b");
    expect(await s.r.blmove("src", "dst", "LEFT", "RIGHT", 0)).toBe("a");
    expect(await s.r.brpoplpush("src", "dst", 0)).toBe("b");
    expect(await s.r.lrange("dst", 0, -1)).toEqual(["b", "a"]);
  });

  it("chains: a client blocked on the destination of another's BLMOVE is served too", async () => {
    const mover = await blocked(s, "BLMOVE", "src", "mid", "RIGHT", "LEFT", "0");
    const second = await blocked(s, "BRPOPLPUSH", "mid", "end", "0");
    const popper = await blocked(s, "BLPOP", "end", "0");
    await s.r.rpush("src", "x");
    expect(await mover.reply).toBe("x");
    expect(await second.reply).toBe("x");
    expect(await popper.reply).toEqual(["end", "x"]);
    expect(await s.r.exists("src", "mid", "end")).toBe(0);
  });

  it("answers a null array on timeout as Redis 7.0 does (not LMOVE's null bulk), `_` in RESP3", async () => {
    expect(await s.client().blmove("none", "dst", "LEFT", "LEFT", 0.01)).toBeNull();
    expect(await rawReplies(s.port, 2, ["BRPOPLPUSH", "none", "dst", "0.01"])).toEqual(["*-1\r\n"]);
    expect(await rawReplies(s.port, 3, ["BLMOVE", "none", "dst", "LEFT", "LEFT", "0.01"])).toEqual(["_\r\n"]);
  });

  it("errors: ends before the timeout, the destination's type only once there is an element", async () => {
    await s.r.set("str", "x");
    expect(await errorOf(s.r.call("BLMOVE", "a", "b", "UP", "LEFT", "x"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("BLMOVE", "a", "b", "LEFT", "LEFT", "x"))).toBe("ERR timeout is not a float or out of range");
    expect(await errorOf(s.r.call("BRPOPLPUSH", "a", "b", "-1"))).toBe("ERR timeout is negative");
    expect(await errorOf(s.r.brpoplpush("str", "b", 0))).toBe(WRONGTYPE);
    const waiting = await blocked(s, "BRPOPLPUSH", "src", "str", "0");
    await s.r.rpush("src", "kept");
    expect(await errorOf(waiting.reply)).toBe(WRONGTYPE);
    expect(await s.r.lrange("src", 0, -1)).toEqual(["kept"]);
  });
});

describe("BLMPOP", () => {
  it("pops like LMPOP, or blocks on every key", async () => {
    await s.r.rpush("b", "1", "2", "3");
    expect(await s.r.call("BLMPOP", "0", "2", "a", "b", "RIGHT", "COUNT", "2")).toEqual(["b", ["3", "2"]]);
    const waiting = await blocked(s, "BLMPOP", "0", "2", "x", "y", "LEFT", "COUNT", "5");
    await s.r.rpush("y", "p", "q");
    expect(await waiting.reply).toEqual(["y", ["p", "q"]]);
    expect(await s.client().call("BLMPOP", "0.01", "1", "none", "LEFT")).toBeNull();
    expect(await rawReplies(s.port, 3, ["BLMPOP", "0.01", "1", "none", "LEFT"])).toEqual(["_\r\n"]);
  });

  it("errors: LMPOP's, then the timeout's, then the keys'", async () => {
    await s.r.set("str", "x");
    expect(await errorOf(s.r.call("BLMPOP", "x", "1", "str", "LEFT"))).toBe("ERR timeout is not a float or out of range");
    expect(await errorOf(s.r.call("BLMPOP", "x", "1", "k", "UP"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("BLMPOP", "-1", "1", "k", "LEFT"))).toBe("ERR timeout is negative");
    expect(await errorOf(s.r.call("BLMPOP", "0", "1", "str", "LEFT"))).toBe(WRONGTYPE);
    expect(await errorOf(s.r.call("BLMPOP", "0", "0", "k", "LEFT"))).toBe("ERR numkeys should be greater than 0");
    expect(await errorOf(s.r.call("BLMPOP", "0", "2", "k", "LEFT"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("BLMPOP", "0", "1", "k", "UP"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("BLMPOP", "0", "1", "k", "LEFT", "COUNT", "0"))).toBe("ERR count should be greater than 0");
  });
});
