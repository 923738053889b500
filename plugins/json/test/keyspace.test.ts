// What a type gets from the platform, for ReJSON-RL documents: TYPE, DUMP/RESTORE, COPY, RENAME, MOVE,
// MEMORY USAGE kept as a running figure, keyspace events with RedisJSON's names, the @json ACL category,
// and persistence through a snapshot and the AOF.
import { describe, expect, it, vi } from "vitest";
import { eventStream } from "../../../test/integration/notifications/event-stream.js";
import { useRestarts } from "../../../test/helpers/restarts.js";
import { benchDocument } from "../../../bench/macro/json.js";
import { useServer } from "../../../test/helpers/server.js";

vi.setConfig({ testTimeout: 120_000 });

const s = useServer(["--notify-keyspace-events", "KEA"], { kind: "ferrite", flush: true });
const DOC = '{"a":[1,2.5,"x",{"b":null}],"n":18446744073709551615,"f":1e300,"u":"é"}';

describe("keys", () => {
  it("answers TYPE and OBJECT ENCODING", async () => {
    await s.r.call("JSON.SET", "d", "$", DOC);
    expect(await s.r.type("d")).toBe("ReJSON-RL");
    expect(await s.r.object("ENCODING", "d")).toBe("raw");
  });

  it("DUMP / RESTORE, COPY, RENAME and MOVE keep the document", async () => {
    await s.r.call("JSON.SET", "d", "$", DOC);
    const dump = await s.r.dumpBuffer("d");
    await s.r.restore("r", 0, dump);
    expect(await s.r.call("JSON.GET", "r")).toBe(DOC);
    expect(await s.r.copy("d", "c")).toBe(1);
    await s.r.call("JSON.SET", "c", "$.a[0]", "9");
    expect(await s.r.call("JSON.GET", "d", "$.a[0]")).toBe("[1]"); // the copy is independent
    await s.r.rename("c", "renamed");
    expect(await s.r.call("JSON.GET", "renamed", ".a[0]")).toBe("9");
    expect(await s.r.move("renamed", 1)).toBe(1);
    const db1 = s.client({ db: 1 });
    expect(await db1.call("JSON.GET", "renamed", ".u")).toBe('"é"');
  });

  it("stores a typical document in about twice its text", async () => {
    // The bench's ~1 KB document: blocks without allocator headers and one-byte lengths (blocks.ts,
    // node.ts). Through TLSF with u32 lengths it took 2,348 bytes.
    const text = benchDocument(7);
    await s.r.call("JSON.SET", "typical", "$", text);
    const usage = (await s.r.memory("USAGE", "typical")) as number;
    expect(usage).toBeLessThan(text.length * 2.2);
  });

  it("keeps MEMORY USAGE current through writes, and equal for equal documents", async () => {
    await s.r.call("JSON.SET", "d", "$", DOC);
    const base = (await s.r.memory("USAGE", "d")) as number;
    await s.r.call("JSON.ARRAPPEND", "d", "$.a", ...Array.from({ length: 200 }, (_, i) => `"item ${i}"`));
    const grown = (await s.r.memory("USAGE", "d")) as number;
    expect(grown).toBeGreaterThan(base + 200 * 16);
    await s.r.call("JSON.ARRTRIM", "d", "$.a", 0, 3);
    await s.r.call("JSON.SET", "fresh", "$", DOC);
    // Trimmed back to the same content: only the array's grown capacity remains.
    const trimmed = (await s.r.memory("USAGE", "d")) as number;
    expect(trimmed).toBeLessThan(grown);
    await s.r.call("JSON.DEL", "d", "$.a");
    await s.r.call("JSON.DEL", "fresh", "$.a");
    expect(await s.r.memory("USAGE", "d")).toBe(await s.r.memory("USAGE", "fresh"));
    // The running figure is what a walk of the tree finds (JSON.DEBUG MEMORY), plus a fixed overhead.
    const overhead = async (key: string) =>
      ((await s.r.memory("USAGE", key)) as number) - ((await s.r.call("JSON.DEBUG", "MEMORY", key)) as number);
    await s.r.call("JSON.SET", "other", "$", '{"x":[[],{"y":"z"}],"w":1.5}');
    expect(await overhead("other")).toBe(await overhead("fresh"));
  });
});

describe("keyspace events", () => {
  it("raises RedisJSON's event names", async () => {
    const lines = await eventStream(s.port, [
      ["JSON.SET", "e", "$", '{"a":[1],"n":1,"s":"x","b":true,"o":{}}'],
      ["JSON.NUMINCRBY", "e", "$.n", 1],
      ["JSON.NUMMULTBY", "e", "$.n", 2],
      ["JSON.STRAPPEND", "e", "$.s", '"y"'],
      ["JSON.TOGGLE", "e", "$.b"],
      ["JSON.ARRAPPEND", "e", "$.a", 2],
      ["JSON.ARRINSERT", "e", "$.a", 0, 0],
      ["JSON.ARRPOP", "e", "$.a"],
      ["JSON.ARRTRIM", "e", "$.a", 0, 0],
      ["JSON.MERGE", "e", "$", '{"m":1}'],
      ["JSON.CLEAR", "e", "$.o"],
      ["JSON.CLEAR", "e", "$.a"],
      ["JSON.DEL", "e", "$.m"],
      ["JSON.DEL", "e"],
    ]);
    expect(lines.filter((l) => l.startsWith("__keyevent")).map((l) => l.split(":")[1].replace(/ e$/, ""))).toEqual([
      "json.set", "json.numincrby", "json.nummultby", "json.strappend", "json.toggle", "json.arrappend",
      "json.arrinsert", "json.arrpop", "json.arrtrim", "json.merge", "json.clear", "json.del", "json.del", "del",
    ]);
  });
});

describe("ACL", () => {
  it("puts the commands in @json, with @read or @write", async () => {
    const json = (await s.r.acl("CAT", "json")) as string[];
    expect(json).toEqual(expect.arrayContaining(["json.get", "json.set", "json.arrpop", "json.debug"]));
    expect(await s.r.acl("CAT", "read")).toContain("json.get");
    expect(await s.r.acl("CAT", "write")).toContain("json.set");
    await s.r.acl("SETUSER", "nojson", "on", ">pw", "~*", "+@all", "-@json");
    const r = s.client({ username: "nojson", password: "pw" });
    await expect(r.call("JSON.GET", "x")).rejects.toThrow("NOPERM");
  });
});

describe("persistence", () => {
  const restarts = useRestarts();

  it("comes back from a snapshot and from the AOF, numbers and all", async () => {
    const dir = restarts.newDir();
    const a = await restarts.start(dir, ["--save", "", "--appendonly", "yes"]);
    await a.r.call("JSON.SET", "snap", "$", DOC);
    await a.r.save();
    await a.r.call("JSON.NUMINCRBY", "snap", "$.a[0]", 41); // after the snapshot: only in the AOF
    await a.r.call("JSON.SET", "aof", "$", "[0.1,1.0]");
    const usage = await a.r.memory("USAGE", "snap");
    await restarts.killAll();
    const b = await restarts.start(dir, ["--save", "", "--appendonly", "yes"]);
    expect(await b.r.call("JSON.GET", "snap")).toBe(DOC.replace("[1,", "[42,"));
    expect(await b.r.call("JSON.GET", "aof")).toBe("[0.1,1.0]");
    expect(await b.r.memory("USAGE", "snap")).toBe(usage);
  });
});
