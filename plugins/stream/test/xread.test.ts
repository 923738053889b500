import { describe, expect, it } from "vitest";
import { errorOf, sleep, useServer } from "../../../test/helpers/server.js";
import { against } from "../../../test/helpers/target.js";
import { rawReply } from "../../../test/helpers/raw-resp.js";
import { blockedClients, untilBlocked } from "../../../test/helpers/blocking.js";

const s = useServer([], { flush: true });
const WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";

describe("XREAD", () => {
  it("reads entries after the given IDs, from several streams, with COUNT", async () => {
    await s.r.xadd("a", "1-0", "f", "1");
    await s.r.xadd("a", "2-0", "f", "2");
    await s.r.xadd("b", "3-0", "g", "3");
    expect(await s.r.xread("STREAMS", "a", "b", "0", "0")).toEqual([
      ["a", [["1-0", ["f", "1"]], ["2-0", ["f", "2"]]]],
      ["b", [["3-0", ["g", "3"]]]],
    ]);
    expect(await s.r.xread("COUNT", 1, "STREAMS", "a", "b", "1-0", "3")).toEqual([["a", [["2-0", ["f", "2"]]]]]);
    expect(await s.r.xread("STREAMS", "a", "missing", "2", "0")).toBeNull();
    expect(await s.r.xread("STREAMS", "a", "$")).toBeNull();
  });

  it("replies a map in RESP3 and a null array when nothing is there", async () => {
    await s.r.xadd("a", "1-0", "f", "1");
    expect(await rawReply(s.port, 3, "XREAD", "STREAMS", "a", "0")).toBe("%1\r\n$1\r\na\r\n*1\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\nf\r\n$1\r\n1\r\n");
    expect(await rawReply(s.port, 2, "XREAD", "STREAMS", "a", "0")).toBe("*1\r\n*2\r\n$1\r\na\r\n*1\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\nf\r\n$1\r\n1\r\n");
    expect(await rawReply(s.port, 2, "XREAD", "STREAMS", "a", "1")).toBe("*-1\r\n");
    expect(await rawReply(s.port, 3, "XREAD", "STREAMS", "a", "1")).toBe("_\r\n");
  });

  it("errors", async () => {
    // Redis 7.2 names the command in quotes, as lower case; 7.0 (the reference run here) wrote XREAD.
    const name = against === "redis" ? "XREAD" : "'xread'";
    expect(await errorOf(s.r.call("XREAD", "STREAMS", "a", "b", "0"))).toBe(`ERR Unbalanced ${name} list of streams: for each stream key an ID or '$' must be specified.`);
    expect(await errorOf(s.r.call("XREAD", "COUNT", "1", "a", "0"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("XREAD", "BLOCK", "x", "STREAMS", "a", "0"))).toBe("ERR timeout is not an integer or out of range");
    expect(await errorOf(s.r.call("XREAD", "BLOCK", "-1", "STREAMS", "a", "0"))).toBe("ERR timeout is negative");
    expect(await errorOf(s.r.call("XREAD", "COUNT", "x", "STREAMS", "a", "0"))).toBe("ERR value is not an integer or out of range");
    expect(await errorOf(s.r.call("XREAD", "GROUP", "g", "c", "STREAMS", "a", "0"))).toBe("ERR The GROUP option is only supported by XREADGROUP. You called XREAD instead.");
    expect(await errorOf(s.r.call("XREAD", "NOACK", "STREAMS", "a", "0"))).toBe("ERR The NOACK option is only supported by XREADGROUP. You called XREAD instead.");
    expect(await errorOf(s.r.call("XREAD", "STREAMS", "a", ">"))).toBe("ERR The > ID can be specified only when calling XREADGROUP using the GROUP <group> <consumer> option.");
    expect(await errorOf(s.r.call("XREAD", "STREAMS", "a", "x"))).toBe("ERR Invalid stream ID specified as stream command argument");
    await s.r.set("str", "x");
    expect(await errorOf(s.r.call("XREAD", "STREAMS", "a", "str", "0", "0"))).toBe(WRONGTYPE);
  });

  it("BLOCK times out with a null array (RESP3 null)", async () => {
    expect(await s.r.xread("BLOCK", 50, "STREAMS", "a", "$")).toBeNull();
    expect(await rawReply(s.port, 3, "XREAD", "BLOCK", "50", "STREAMS", "a", "$")).toBe("_\r\n");
    expect(await blockedClients(s)).toBe(0);
  });

  it("BLOCK wakes on XADD, on a new key and on an existing one; `$` keeps the ID it meant when it blocked", async () => {
    const c = s.client();
    const waiting = c.xread("BLOCK", 0, "STREAMS", "a", "$");
    await untilBlocked(s, 1);
    await s.r.xadd("a", "1-0", "f", "v");
    expect(await waiting).toEqual([["a", [["1-0", ["f", "v"]]]]]);
    const again = c.xread("BLOCK", 0, "STREAMS", "other", "a", "$", "$");
    await untilBlocked(s, 1);
    await s.r.xadd("a", "2-0", "f", "w");
    expect(await again).toEqual([["a", [["2-0", ["f", "w"]]]]]);
  });

  it("one wake per command: a reader blocked on `$` gets the first of two pipelined entries", async () => {
    await s.r.xadd("a", "1-0", "f", "v");
    const c = s.client();
    const waiting = c.xread("BLOCK", 0, "STREAMS", "a", "$");
    await untilBlocked(s, 1);
    await s.r.pipeline().xadd("a", "2-0", "f", "x").xadd("a", "3-0", "f", "y").exec();
    expect(await waiting).toEqual([["a", [["2-0", ["f", "x"]]]]]);
  });

  it("several blocked clients are all served by one XADD", async () => {
    const [c1, c2, c3] = [s.client(), s.client(), s.client()];
    const w1 = c1.xread("BLOCK", 0, "STREAMS", "a", "$");
    const w2 = c2.xread("BLOCK", 0, "STREAMS", "a", "0");
    await untilBlocked(s, 2);
    const w3 = c3.xread("COUNT", 1, "BLOCK", 0, "STREAMS", "b", "a", "$", "$");
    await untilBlocked(s, 3);
    await s.r.xadd("a", "5-0", "f", "v");
    const entry = [["a", [["5-0", ["f", "v"]]]]];
    expect(await w1).toEqual(entry);
    expect(await w2).toEqual(entry);
    expect(await w3).toEqual(entry);
    expect(await blockedClients(s)).toBe(0);
  });

  it("a write that adds nothing newer keeps the client blocked", async () => {
    await s.r.xadd("a", "1-0", "f", "v");
    const c = s.client();
    const waiting = c.xread("BLOCK", 0, "STREAMS", "a", "$");
    await untilBlocked(s, 1);
    await s.r.xdel("a", "1-0");
    await sleep(50);
    expect(await blockedClients(s)).toBe(1);
    await s.r.xadd("a", "7-0", "f", "v");
    expect(await waiting).toEqual([["a", [["7-0", ["f", "v"]]]]]);
  });
});
