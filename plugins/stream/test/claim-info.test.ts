import { describe, expect, it } from "vitest";
import { errorOf, sleep, useServer } from "../../../test/helpers/server.js";
import { against } from "../../../test/helpers/target.js";
import { rawReply } from "../../../test/helpers/raw-resp.js";

const s = useServer([], { flush: true });
const WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";
const entry = (i: number) => [`${i}-0`, ["i", String(i)]];

/** Stream s with entries 1..n, group g, all delivered to alice. */
async function delivered(n: number): Promise<void> {
  for (let i = 1; i <= n; i++) await s.r.xadd("s", `${i}-0`, "i", String(i));
  await s.r.xgroup("CREATE", "s", "g", "0");
  await s.r.xreadgroup("GROUP", "g", "alice", "STREAMS", "s", ">");
}

const owners = async () => ((await s.r.xpending("s", "g", "-", "+", 100)) as [string, string, number, number][]).map((r) => [r[0], r[1], r[3]]);

describe("XCLAIM", () => {
  it("moves idle entries to another consumer, bumping the delivery count", async () => {
    await delivered(3);
    expect(await s.r.xclaim("s", "g", "bob", 60000, "1-0")).toEqual([]);
    await sleep(20);
    expect(await s.r.xclaim("s", "g", "bob", 10, "1-0", "2-0", "9-0")).toEqual([entry(1), entry(2)]);
    expect(await owners()).toEqual([["1-0", "bob", 2], ["2-0", "bob", 2], ["3-0", "alice", 1]]);
    expect(await s.r.xclaim("s", "g", "carol", 0, "3-0", "JUSTID")).toEqual(["3-0"]);
    expect(await s.r.xclaim("s", "g", "carol", 0, "1-0", "RETRYCOUNT", 7, "IDLE", 5000)).toEqual([entry(1)]);
    expect(await owners()).toEqual([["1-0", "carol", 7], ["2-0", "bob", 2], ["3-0", "carol", 1]]);
    const idle = ((await s.r.xpending("s", "g", "-", "+", 1)) as [string, string, number, number][])[0][2];
    expect(idle).toBeGreaterThanOrEqual(5000);
  });

  it("FORCE creates the NACK, LASTID moves the group, deleted entries drop out", async () => {
    for (let i = 1; i <= 3; i++) await s.r.xadd("s", `${i}-0`, "i", String(i));
    await s.r.xgroup("CREATE", "s", "g", "0");
    expect(await s.r.xclaim("s", "g", "bob", 0, "2-0")).toEqual([]);
    expect(await s.r.xclaim("s", "g", "bob", 0, "2-0", "FORCE", "LASTID", "2-0")).toEqual([entry(2)]);
    expect(await owners()).toEqual([["2-0", "bob", 2]]);
    expect(await s.r.xreadgroup("GROUP", "g", "bob", "STREAMS", "s", ">")).toEqual([["s", [entry(3)]]]);
    await s.r.xdel("s", "2-0");
    expect(await s.r.xclaim("s", "g", "carol", 0, "2-0", "3-0")).toEqual([entry(3)]);
    expect(await owners()).toEqual([["3-0", "carol", 2]]);
  });

  it("errors", async () => {
    await delivered(1);
    expect(await errorOf(s.r.xclaim("s", "nope", "c", 0, "1-0"))).toBe("NOGROUP No such key 's' or consumer group 'nope'");
    expect(await errorOf(s.r.xclaim("s", "g", "c", "x" as unknown as number, "1-0"))).toBe("ERR Invalid min-idle-time argument for XCLAIM");
    expect(await errorOf(s.r.call("XCLAIM", "s", "g", "c", "0", "1-0", "IDLE", "x"))).toBe("ERR Invalid IDLE option argument for XCLAIM");
    expect(await errorOf(s.r.call("XCLAIM", "s", "g", "c", "0", "1-0", "RETRYCOUNT", "x"))).toBe("ERR Invalid RETRYCOUNT option argument for XCLAIM");
    expect(await errorOf(s.r.call("XCLAIM", "s", "g", "c", "0", "1-0", "BOGUS"))).toBe("ERR Unrecognized XCLAIM option 'BOGUS'");
    expect(await owners()).toEqual([["1-0", "alice", 1]]);
    await s.r.set("str", "x");
    expect(await errorOf(s.r.xclaim("str", "g", "c", 0, "1-0"))).toBe(WRONGTYPE);
  });
});

describe("XAUTOCLAIM", () => {
  it("claims idle entries from a start ID, COUNT at a time, returning a cursor", async () => {
    await delivered(5);
    await sleep(20);
    expect(await s.r.xautoclaim("s", "g", "bob", 10, "0", "COUNT", 2)).toEqual(["3-0", [entry(1), entry(2)], []]);
    expect(await s.r.xautoclaim("s", "g", "bob", 10, "3-0", "COUNT", 2, "JUSTID")).toEqual(["5-0", ["3-0", "4-0"], []]);
    expect(await s.r.xautoclaim("s", "g", "bob", 10, "5-0")).toEqual(["0-0", [entry(5)], []]);
    expect(await owners()).toEqual([["1-0", "bob", 2], ["2-0", "bob", 2], ["3-0", "bob", 1], ["4-0", "bob", 1], ["5-0", "bob", 2]]);
    expect(await s.r.xautoclaim("s", "g", "carol", 60000, "0")).toEqual(["0-0", [], []]);
  });

  it("drops the NACKs of deleted entries and lists their IDs", async () => {
    await delivered(3);
    await s.r.xdel("s", "1-0", "2-0");
    expect(await s.r.xautoclaim("s", "g", "bob", 0, "-")).toEqual(["0-0", [entry(3)], ["1-0", "2-0"]]);
    expect(await owners()).toEqual([["3-0", "bob", 2]]);
  });

  it("errors", async () => {
    await delivered(1);
    expect(await errorOf(s.r.call("XAUTOCLAIM", "s", "g", "c", "x", "0"))).toBe("ERR Invalid min-idle-time argument for XAUTOCLAIM");
    expect(await errorOf(s.r.call("XAUTOCLAIM", "s", "g", "c", "0", "0", "COUNT", "0"))).toBe("ERR COUNT must be > 0");
    expect(await errorOf(s.r.call("XAUTOCLAIM", "s", "g", "c", "0", "0", "FOO"))).toBe("ERR syntax error");
    expect(await errorOf(s.r.call("XAUTOCLAIM", "s", "g", "c", "0", "x"))).toBe("ERR Invalid stream ID specified as stream command argument");
    expect(await errorOf(s.r.call("XAUTOCLAIM", "s", "nope", "c", "0", "0"))).toBe("NOGROUP No such key 's' or consumer group 'nope'");
  });
});

describe("XINFO", () => {
  it("STREAM summarizes the stream", async () => {
    await delivered(3);
    await s.r.xdel("s", "2-0");
    const info = (await s.r.xinfo("STREAM", "s")) as unknown[];
    const fields = Object.fromEntries(Array.from({ length: info.length / 2 }, (_, i) => [info[2 * i], info[2 * i + 1]]));
    expect(fields).toMatchObject({
      length: 2, "last-generated-id": "3-0", "max-deleted-entry-id": "2-0", "entries-added": 3,
      "recorded-first-entry-id": "1-0", groups: 1, "first-entry": entry(1), "last-entry": entry(3),
    });
    expect(Object.keys(fields)).toEqual(["length", "radix-tree-keys", "radix-tree-nodes", "last-generated-id", "max-deleted-entry-id", "entries-added", "recorded-first-entry-id", "groups", "first-entry", "last-entry"]);
    await s.r.xgroup("CREATE", "e", "g", "$", "MKSTREAM");
    const empty = (await s.r.xinfo("STREAM", "e")) as unknown[];
    expect(empty.slice(-4)).toEqual(["first-entry", null, "last-entry", null]);
    expect(await errorOf(s.r.xinfo("STREAM", "missing"))).toBe("ERR no such key");
    expect(await errorOf(s.r.call("XINFO", "STREAM", "s", "FOO"))).toBe("ERR unknown subcommand or wrong number of arguments for 'STREAM'. Try XINFO HELP.");
    await s.r.set("str", "x");
    expect(await errorOf(s.r.xinfo("STREAM", "str"))).toBe(WRONGTYPE);
  });

  it("STREAM FULL lists entries, groups, PELs and consumers", async () => {
    await delivered(3);
    const full = (await s.r.call("XINFO", "STREAM", "s", "FULL", "COUNT", "2")) as unknown[];
    expect(full[14]).toBe("entries");
    expect(full[15]).toEqual([entry(1), entry(2)]);
    const group = full[17] as unknown[][];
    expect(group[0].slice(0, 10)).toEqual(["name", "g", "last-delivered-id", "3-0", "entries-read", 3, "lag", 0, "pel-count", 3]);
    expect((group[0][11] as unknown[][]).map((p) => [p[0], p[1], p[3]])).toEqual([["1-0", "alice", 1], ["2-0", "alice", 1]]);
    const consumer = (group[0][13] as unknown[][])[0];
    expect(consumer.slice(0, 2)).toEqual(["name", "alice"]);
    expect(consumer.slice(-4, -1)).toEqual(["pel-count", 3, "pending"]);
    expect(((consumer.at(-1)) as unknown[][]).map((p) => p[0])).toEqual(["1-0", "2-0"]);
  });

  it("GROUPS and CONSUMERS, with lag and pending counts", async () => {
    await delivered(3);
    await s.r.xgroup("CREATE", "s", "late", "0");
    await s.r.xack("s", "g", "1-0");
    expect(await s.r.xinfo("GROUPS", "s")).toEqual([
      ["name", "g", "consumers", 1, "pending", 2, "last-delivered-id", "3-0", "entries-read", 3, "lag", 0],
      ["name", "late", "consumers", 0, "pending", 0, "last-delivered-id", "0-0", "entries-read", null, "lag", 3],
    ]);
    await s.r.xdel("s", "2-0");
    expect(((await s.r.xinfo("GROUPS", "s")) as unknown[][])[1].slice(-2)).toEqual(["lag", null]);
    const consumers = (await s.r.xinfo("CONSUMERS", "s", "g")) as unknown[][];
    expect(consumers.map((c) => c.slice(0, 4))).toEqual([["name", "alice", "pending", 2]]);
    expect(consumers[0][4]).toBe("idle");
    expect(await s.r.xinfo("CONSUMERS", "s", "late")).toEqual([]);
    expect(await errorOf(s.r.xinfo("CONSUMERS", "s", "nope"))).toBe("NOGROUP No such consumer group 'nope' for key name 's'");
  });

  it.skipIf(against === "redis")("CONSUMERS reports Redis 7.2's inactive time", async () => {
    await delivered(1);
    await s.r.xgroup("CREATECONSUMER", "s", "g", "idler");
    const consumers = (await s.r.xinfo("CONSUMERS", "s", "g")) as unknown[][];
    expect(consumers[0][6]).toBe("inactive");
    expect(consumers[0][7]).toBeGreaterThanOrEqual(0);
    expect(consumers[1].slice(6)).toEqual(["inactive", -1]);
  });

  it("answers maps in RESP3", async () => {
    await delivered(1);
    const reply = await rawReply(s.port, 3, "XINFO", "GROUPS", "s");
    expect(reply.startsWith("*1\r\n%6\r\n$4\r\nname\r\n$1\r\ng\r\n")).toBe(true);
    expect((await rawReply(s.port, 3, "XINFO", "STREAM", "s")).startsWith("%10\r\n$6\r\nlength\r\n:1\r\n")).toBe(true);
  });
});

describe("persistence of groups", () => {
  it("DUMP/RESTORE and COPY keep groups, consumers and PELs", async () => {
    await delivered(3);
    await s.r.xgroup("CREATECONSUMER", "s", "g", "idle");
    await s.r.xgroup("CREATE", "s", "other", "2-0", "ENTRIESREAD", "2");
    await s.r.xdel("s", "2-0");
    const full = await s.r.call("XINFO", "STREAM", "s", "FULL");
    await s.r.restore("r", 0, await s.r.dumpBuffer("s"));
    expect(await s.r.call("XINFO", "STREAM", "r", "FULL")).toEqual(full);
    await s.r.call("COPY", "s", "c");
    expect(await s.r.call("XINFO", "STREAM", "c", "FULL")).toEqual(full);
    expect(await s.r.xack("c", "g", "1-0")).toBe(1);
    expect(await s.r.xpending("s", "g")).toEqual([3, "1-0", "3-0", [["alice", "3"]]]);
  });
});
