import { describe, expect, it } from "vitest";
import { errorOf, sleep, useServer } from "../../../test/helpers/server.js";
import { rawReply } from "../../../test/helpers/raw-resp.js";
import { blockedClients, untilBlocked } from "../../../test/helpers/blocking.js";

const s = useServer([], { flush: true });
const WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";

async function fill(key: string, n: number): Promise<void> {
  for (let i = 1; i <= n; i++) await s.r.xadd(key, `${i}-0`, "i", String(i));
}

const entry = (i: number) => [`${i}-0`, ["i", String(i)]];

describe("XGROUP", () => {
  it("CREATE, with $, MKSTREAM and ENTRIESREAD; BUSYGROUP when it exists", async () => {
    await fill("s", 3);
    expect(await s.r.xgroup("CREATE", "s", "g", "$")).toBe("OK");
    expect(await errorOf(s.r.xgroup("CREATE", "s", "g", "0"))).toBe("BUSYGROUP Consumer Group name already exists");
    expect(await errorOf(s.r.xgroup("CREATE", "missing", "g", "$"))).toBe("ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you may want to use the MKSTREAM option to create an empty stream automatically.");
    expect(await s.r.xgroup("CREATE", "new", "g", "$", "MKSTREAM")).toBe("OK");
    expect(await s.r.type("new")).toBe("stream");
    expect(await s.r.xlen("new")).toBe(0);
    expect(await s.r.call("XGROUP", "CREATE", "s", "g2", "0", "ENTRIESREAD", "2")).toBe("OK");
    expect(await errorOf(s.r.call("XGROUP", "CREATE", "s", "g3", "0", "ENTRIESREAD", "-2"))).toBe("ERR value for ENTRIESREAD must be positive or -1");
    expect(await errorOf(s.r.call("XGROUP", "CREATE", "s", "g3", "0", "FOO"))).toBe("ERR unknown subcommand or wrong number of arguments for 'CREATE'. Try XGROUP HELP.");
    expect(await errorOf(s.r.call("XGROUP", "CREATE", "s", "g3", "x"))).toBe("ERR Invalid stream ID specified as stream command argument");
    await s.r.set("str", "x");
    expect(await errorOf(s.r.xgroup("CREATE", "str", "g", "$"))).toBe(WRONGTYPE);
  });

  it("SETID, DESTROY, CREATECONSUMER, DELCONSUMER", async () => {
    await fill("s", 3);
    await s.r.xgroup("CREATE", "s", "g", "0");
    expect(await s.r.xgroup("CREATECONSUMER", "s", "g", "alice")).toBe(1);
    expect(await s.r.xgroup("CREATECONSUMER", "s", "g", "alice")).toBe(0);
    await s.r.xreadgroup("GROUP", "g", "bob", "STREAMS", "s", ">");
    expect(await s.r.xgroup("DELCONSUMER", "s", "g", "bob")).toBe(3);
    expect(await s.r.xgroup("DELCONSUMER", "s", "g", "bob")).toBe(0);
    expect(await s.r.xpending("s", "g")).toEqual([0, null, null, null]);
    expect(await s.r.xgroup("SETID", "s", "g", "1-0")).toBe("OK");
    expect(await s.r.xreadgroup("GROUP", "g", "alice", "STREAMS", "s", ">")).toEqual([["s", [entry(2), entry(3)]]]);
    expect(await s.r.xgroup("SETID", "s", "g", "$")).toBe("OK");
    expect(await s.r.xreadgroup("GROUP", "g", "alice", "STREAMS", "s", ">")).toBeNull();
    expect(await s.r.call("XGROUP", "SETID", "s", "g", "0", "ENTRIESREAD", "0")).toBe("OK");
    expect(await errorOf(s.r.call("XGROUP", "SETID", "s", "g", "0", "FOO", "1"))).toBe("ERR unknown subcommand or wrong number of arguments for 'SETID'. Try XGROUP HELP.");
    expect(await errorOf(s.r.xgroup("SETID", "s", "nope", "0"))).toBe("NOGROUP No such consumer group 'nope' for key name 's'");
    expect(await errorOf(s.r.xgroup("CREATECONSUMER", "s", "nope", "c"))).toBe("NOGROUP No such consumer group 'nope' for key name 's'");
    expect(await s.r.xgroup("DESTROY", "s", "g")).toBe(1);
    expect(await s.r.xgroup("DESTROY", "s", "g")).toBe(0);
    expect(await errorOf(s.r.xgroup("DESTROY", "missing", "g"))).toMatch(/^ERR The XGROUP subcommand requires the key to exist/);
  });
});

describe("XREADGROUP / XACK / XPENDING", () => {
  it("delivers new entries once per group, tracks them as pending until XACK", async () => {
    await fill("s", 4);
    await s.r.xgroup("CREATE", "s", "g", "0");
    expect(await s.r.xreadgroup("GROUP", "g", "alice", "COUNT", 2, "STREAMS", "s", ">")).toEqual([["s", [entry(1), entry(2)]]]);
    expect(await s.r.xreadgroup("GROUP", "g", "bob", "STREAMS", "s", ">")).toEqual([["s", [entry(3), entry(4)]]]);
    expect(await s.r.xreadgroup("GROUP", "g", "bob", "STREAMS", "s", ">")).toBeNull();
    expect(await s.r.xpending("s", "g")).toEqual([4, "1-0", "4-0", [["alice", "2"], ["bob", "2"]]]);
    // history: the consumer's own pending entries after the ID
    expect(await s.r.xreadgroup("GROUP", "g", "alice", "STREAMS", "s", "0")).toEqual([["s", [entry(1), entry(2)]]]);
    expect(await s.r.xreadgroup("GROUP", "g", "alice", "STREAMS", "s", "1-0")).toEqual([["s", [entry(2)]]]);
    expect(await s.r.xreadgroup("GROUP", "g", "carol", "STREAMS", "s", "0")).toEqual([["s", []]]);
    expect(await s.r.xack("s", "g", "1-0", "2-0", "9-0")).toBe(2);
    expect(await s.r.xack("s", "g", "1-0")).toBe(0);
    expect(await s.r.xack("s", "nope", "3-0")).toBe(0);
    expect(await s.r.xack("missing", "g", "3-0")).toBe(0);
    expect(await errorOf(s.r.xack("s", "g", "3-0", "bad"))).toBe("ERR Invalid stream ID specified as stream command argument");
    expect(await s.r.xpending("s", "g")).toEqual([2, "3-0", "4-0", [["bob", "2"]]]);
    // a deleted pending entry comes back in the history with a null body
    await s.r.xdel("s", "3-0");
    expect(await s.r.xreadgroup("GROUP", "g", "bob", "STREAMS", "s", "0")).toEqual([["s", [["3-0", null], entry(4)]]]);
  });

  it("NOACK delivers without tracking", async () => {
    await fill("s", 2);
    await s.r.xgroup("CREATE", "s", "g", "0");
    expect(await s.r.xreadgroup("GROUP", "g", "c", "NOACK", "STREAMS", "s", ">")).toEqual([["s", [entry(1), entry(2)]]]);
    expect(await s.r.xpending("s", "g")).toEqual([0, null, null, null]);
  });

  it("XPENDING's extended form: range, COUNT, consumer and IDLE", async () => {
    await fill("s", 5);
    await s.r.xgroup("CREATE", "s", "g", "0");
    await s.r.xreadgroup("GROUP", "g", "alice", "COUNT", 3, "STREAMS", "s", ">");
    await s.r.xreadgroup("GROUP", "g", "bob", "STREAMS", "s", ">");
    const rows = (await s.r.xpending("s", "g", "-", "+", 10)) as [string, string, number, number][];
    expect(rows.map((r) => [r[0], r[1], r[3]])).toEqual([["1-0", "alice", 1], ["2-0", "alice", 1], ["3-0", "alice", 1], ["4-0", "bob", 1], ["5-0", "bob", 1]]);
    expect(rows.every((r) => r[2] >= 0 && r[2] < 1000)).toBe(true);
    expect(((await s.r.xpending("s", "g", "(1-0", "(4-0", 10)) as string[][]).map((r) => r[0])).toEqual(["2-0", "3-0"]);
    expect(((await s.r.xpending("s", "g", "-", "+", 2)) as string[][]).map((r) => r[0])).toEqual(["1-0", "2-0"]);
    expect(((await s.r.xpending("s", "g", "-", "+", 10, "bob")) as string[][]).map((r) => r[0])).toEqual(["4-0", "5-0"]);
    expect(await s.r.xpending("s", "g", "-", "+", 10, "nobody")).toEqual([]);
    expect(await s.r.xpending("s", "g", "IDLE", 60000, "-", "+", 10)).toEqual([]);
    await sleep(30);
    expect(((await s.r.xpending("s", "g", "IDLE", 20, "-", "+", 10)) as string[][]).length).toBe(5);
    expect(await errorOf(s.r.call("XPENDING", "s", "g", "-", "+"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("XPENDING", "s", "g", "IDLE", "10", "-", "+"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("XPENDING", "s", "g", "-", "+", "x"))).toBe("ERR value is not an integer or out of range");
    expect(await errorOf(s.r.xpending("s", "nope"))).toBe("NOGROUP No such key 's' or consumer group 'nope'");
    expect(await errorOf(s.r.xpending("missing", "g"))).toBe("NOGROUP No such key 'missing' or consumer group 'g'");
    await s.r.set("str", "x");
    expect(await errorOf(s.r.xpending("str", "g"))).toBe(WRONGTYPE);
  });

  it("errors", async () => {
    await fill("s", 1);
    await s.r.xgroup("CREATE", "s", "g", "0");
    expect(await errorOf(s.r.call("XREADGROUP", "COUNT", "1", "NOACK", "STREAMS", "s", ">"))).toBe("ERR Missing GROUP option for XREADGROUP");
    expect(await errorOf(s.r.call("XREADGROUP", "GROUP", "nope", "c", "STREAMS", "s", ">"))).toBe("NOGROUP No such key 's' or consumer group 'nope' in XREADGROUP with GROUP option");
    expect(await errorOf(s.r.call("XREADGROUP", "GROUP", "g", "c", "STREAMS", "missing", ">"))).toBe("NOGROUP No such key 'missing' or consumer group 'g' in XREADGROUP with GROUP option");
    expect(await errorOf(s.r.call("XREADGROUP", "GROUP", "g", "c", "STREAMS", "s", "$"))).toMatch(/^ERR The \$ ID is meaningless in the context of XREADGROUP/);
    await s.r.set("str", "x");
    expect(await errorOf(s.r.call("XREADGROUP", "GROUP", "g", "c", "STREAMS", "str", ">"))).toBe(WRONGTYPE);
  });

  it("replies a map in RESP3", async () => {
    await fill("s", 1);
    await s.r.xgroup("CREATE", "s", "g", "0");
    expect(await rawReply(s.port, 3, "XREADGROUP", "GROUP", "g", "c", "STREAMS", "s", ">")).toBe("%1\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\ni\r\n$1\r\n1\r\n");
    expect(await rawReply(s.port, 3, "XREADGROUP", "GROUP", "g", "c", "STREAMS", "s", ">")).toBe("_\r\n");
    expect(await rawReply(s.port, 3, "XPENDING", "s", "g")).toBe("*4\r\n:1\r\n$3\r\n1-0\r\n$3\r\n1-0\r\n*1\r\n*2\r\n$1\r\nc\r\n$1\r\n1\r\n");
  });

  it("BLOCK: consumers wait for new entries, one entry each, in the order they blocked", async () => {
    await s.r.xgroup("CREATE", "s", "g", "$", "MKSTREAM");
    const [a, b] = [s.client(), s.client()];
    const first = a.xreadgroup("GROUP", "g", "alice", "COUNT", 1, "BLOCK", 0, "STREAMS", "s", ">");
    await untilBlocked(s, 1);
    const second = b.xreadgroup("GROUP", "g", "bob", "COUNT", 1, "BLOCK", 0, "STREAMS", "s", ">");
    await untilBlocked(s, 2);
    await s.r.xadd("s", "1-0", "i", "1");
    expect(await first).toEqual([["s", [entry(1)]]]);
    expect(await blockedClients(s)).toBe(1);
    await s.r.xadd("s", "2-0", "i", "2");
    expect(await second).toEqual([["s", [entry(2)]]]);
    expect(await s.r.xpending("s", "g")).toEqual([2, "1-0", "2-0", [["alice", "1"], ["bob", "1"]]]);
    expect(await s.r.xreadgroup("GROUP", "g", "carol", "BLOCK", 30, "STREAMS", "s", ">")).toBeNull();
  });
});
