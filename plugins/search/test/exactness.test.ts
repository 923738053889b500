// The index stays exact under every way a key changes: hash writes, deletes, expiry, renames, moves,
// type changes, JSON writes, restarts (definitions saved, data rebuilt), and a walk over many keys in
// slices.
import { expect, it, vi } from "vitest";
import { useRestarts } from "../../../test/helpers/restarts.js";
import { useServer } from "../../../test/helpers/server.js";
import { searchIds, waitIndexed } from "./clients.js";

vi.setConfig({ testTimeout: 60_000 });

const server = useServer();
const restarts = useRestarts();

it("follows HSET, HDEL, DEL, a SET over the key, and UNLINK", async () => {
  const r = server.r;
  await r.call("FT.CREATE", "hx", "PREFIX", "1", "hx:", "SCHEMA", "body", "TEXT", "n", "NUMERIC", "t", "TAG");
  await r.hset("hx:1", { body: "apple banana", n: "1", t: "red" });
  await r.hset("hx:2", { body: "banana cherry", n: "2", t: "blue" });
  expect(await searchIds(r, "hx", "banana")).toEqual(["hx:1", "hx:2"]);
  await r.hset("hx:1", "body", "durian");
  expect(await searchIds(r, "hx", "banana")).toEqual(["hx:2"]);
  expect(await searchIds(r, "hx", "durian")).toEqual(["hx:1"]);
  await r.hdel("hx:2", "t");
  expect(await searchIds(r, "hx", "@t:{blue}")).toEqual([]);
  expect(await searchIds(r, "hx", "cherry")).toEqual(["hx:2"]);
  await r.del("hx:2");
  expect(await searchIds(r, "hx", "cherry")).toEqual([]);
  await r.set("hx:1", "now a string");
  expect(await searchIds(r, "hx", "*")).toEqual([]);
  await r.hset("hx:3", { body: "elderberry", n: "3" });
  await r.unlink("hx:3");
  expect(await searchIds(r, "hx", "*")).toEqual([]);
  const info = (await r.call("FT.INFO", "hx")) as unknown[];
  expect(info[info.indexOf("num_docs") + 1]).toBe(0);
});

it("follows expiry, RENAME in and out of the prefix, MOVE and COPY", async () => {
  const r = server.r;
  await r.call("FT.CREATE", "ex", "PREFIX", "1", "ex:", "SCHEMA", "body", "TEXT");
  await r.hset("ex:1", "body", "fig");
  await r.hset("ex:2", "body", "fig");
  await r.pexpire("ex:1", 20);
  await new Promise((resolve) => setTimeout(resolve, 120));
  expect(await r.exists("ex:1")).toBe(0);
  expect(await searchIds(r, "ex", "fig")).toEqual(["ex:2"]);
  await r.rename("ex:2", "elsewhere:2");
  expect(await searchIds(r, "ex", "fig")).toEqual([]);
  await r.rename("elsewhere:2", "ex:3");
  expect(await searchIds(r, "ex", "fig")).toEqual(["ex:3"]);
  await r.copy("ex:3", "ex:4");
  expect(await searchIds(r, "ex", "fig")).toEqual(["ex:3", "ex:4"]);
  await r.move("ex:3", 1);
  expect(await searchIds(r, "ex", "fig")).toEqual(["ex:4"]);
  const db1 = server.client({ db: 1 });
  await db1.move("ex:3", 0);
  expect(await searchIds(r, "ex", "fig")).toEqual(["ex:3", "ex:4"]);
  await db1.hset("ex:9", "body", "fig"); // database 1 is not indexed, as in RediSearch
  expect(await searchIds(r, "ex", "fig")).toEqual(["ex:3", "ex:4"]);
});

it("indexes JSON documents by JSONPath and follows JSON writes", async () => {
  const r = server.r;
  await r.call("JSON.SET", "js:1", "$", JSON.stringify({ name: "Ada Lovelace", age: 36, tags: ["math", "poetry"], addr: { city: "London" } }));
  await r.call("FT.CREATE", "js", "ON", "JSON", "PREFIX", "1", "js:", "SCHEMA", "$.name", "AS", "name", "TEXT", "$.age", "AS", "age", "NUMERIC", "$.tags[*]", "AS", "tags", "TAG", "$.addr.city", "AS", "city", "TAG");
  await waitIndexed(r, "js");
  expect(await searchIds(r, "js", "@name:ada")).toEqual(["js:1"]);
  expect(await searchIds(r, "js", "@tags:{poetry} @city:{london}")).toEqual(["js:1"]);
  expect(await searchIds(r, "js", "@age:[30 40]")).toEqual(["js:1"]);
  await r.call("JSON.SET", "js:1", "$.age", "37");
  await r.call("JSON.SET", "js:2", "$", JSON.stringify({ name: "Alan Turing", age: 41, tags: ["math"] }));
  expect(await searchIds(r, "js", "@age:[37 37]")).toEqual(["js:1"]);
  expect(await searchIds(r, "js", "@tags:{math}")).toEqual(["js:1", "js:2"]);
  await r.call("JSON.DEL", "js:2", "$.tags");
  expect(await searchIds(r, "js", "@tags:{math}")).toEqual(["js:1"]);
  const reply = (await r.call("FT.SEARCH", "js", "turing")) as unknown[];
  expect(reply[0]).toBe(1);
  expect(JSON.parse((reply[2] as string[])[1])).toEqual({ name: "Alan Turing", age: 41 });
  const named = (await r.call("FT.SEARCH", "js", "turing", "RETURN", "2", "name", "age")) as unknown[];
  expect(named[2]).toEqual(["name", "Alan Turing", "age", "41"]);
  await r.del("js:1");
  expect(await searchIds(r, "js", "*")).toEqual(["js:2"]);
});

it("walks a large keyspace in slices, reporting progress, and ends exact", async () => {
  const r = server.r;
  const n = 20_000;
  for (let i = 0; i < n; i += 1000) {
    const p = r.pipeline();
    for (let k = i; k < i + 1000; k++) p.hset(`big:${k}`, "body", k % 2 ? "odd words" : "even words");
    await p.exec();
  }
  await r.call("FT.CREATE", "big", "PREFIX", "1", "big:", "SCHEMA", "body", "TEXT");
  const info = (await r.call("FT.INFO", "big")) as unknown[];
  const percent = Number(info[info.indexOf("percent_indexed") + 1]);
  expect(percent).toBeLessThanOrEqual(1);
  await r.hset("big:0", "body", "changed meanwhile");
  await r.del("big:1");
  await waitIndexed(r, "big");
  const done = (await r.call("FT.INFO", "big")) as unknown[];
  expect(done[done.indexOf("num_docs") + 1]).toBe(n - 1);
  expect(done[done.indexOf("percent_indexed") + 1]).toBe("1");
  expect(((await r.call("FT.SEARCH", "big", "odd", "NOCONTENT", "LIMIT", "0", "0")) as unknown[])[0]).toBe(n / 2 - 1);
  expect(await searchIds(r, "big", "changed")).toEqual(["big:0"]);
});

it("finds a document written just after FT.CREATE at once, all through the walk, and after it", async () => {
  const r = server.r;
  const n = 30_000;
  for (let i = 0; i < n; i += 1000) {
    const p = r.pipeline();
    for (let k = i; k < i + 1000; k++) p.hset(`wk:${k}`, "body", "filler");
    await p.exec();
  }
  // One pipeline: the write lands before FT.CREATE's first timer callback runs.
  const created = await r
    .pipeline()
    .call("FT.CREATE", "wk", "PREFIX", "1", "wk:", "SCHEMA", "body", "TEXT")
    .hset("wk:new", "body", "written meanwhile")
    .call("FT.SEARCH", "wk", "meanwhile", "NOCONTENT")
    .exec();
  expect(created?.map(([err, reply]) => err ?? reply)).toEqual(["OK", 1, [1, "wk:new"]]);
  // Asked between the walk's slices until it ends: the document never drops out. The walk must still be
  // running at the first question, or this test would prove nothing.
  let during = 0;
  for (;;) {
    const info = (await r.call("FT.INFO", "wk")) as unknown[];
    const indexing = info[info.indexOf("indexing") + 1];
    expect(await searchIds(r, "wk", "meanwhile")).toEqual(["wk:new"]);
    if (indexing === 0) break;
    during++;
  }
  expect(during).toBeGreaterThan(0);
  expect(await searchIds(r, "wk", "meanwhile")).toEqual(["wk:new"]);
  const done = (await r.call("FT.INFO", "wk")) as unknown[];
  expect(done[done.indexOf("num_docs") + 1]).toBe(n + 1);
});

it("drops rewritten documents' entries once they outnumber the live ones", async () => {
  const r = server.r;
  await r.call("FT.CREATE", "cp", "PREFIX", "1", "cp:", "SCHEMA", "body", "TEXT", "t", "TAG");
  const p = r.pipeline();
  for (let i = 0; i < 3000; i++) p.hset(`cp:${i % 10}`, { body: `word${i} shared`, t: `tag${i % 3}` });
  await p.exec();
  const info = (await r.call("FT.INFO", "cp")) as unknown[];
  expect(info[info.indexOf("num_docs") + 1]).toBe(10);
  expect(info[info.indexOf("num_records") + 1]).toBeLessThan(3 * 1100); // not the 9000 written
  expect(await searchIds(r, "cp", "shared")).toHaveLength(10);
  expect(await searchIds(r, "cp", "word2999")).toEqual(["cp:9"]);
  expect(await searchIds(r, "cp", "word5")).toEqual([]);
  expect(await searchIds(r, "cp", "@t:{tag0}")).toEqual(["cp:1", "cp:4", "cp:7"]);
});

it("empties on FLUSHDB and FLUSHALL of database 0, and follows SWAPDB", async () => {
  const r = server.r;
  await r.call("FT.CREATE", "fl", "PREFIX", "1", "fl:", "SCHEMA", "body", "TEXT");
  await r.hset("fl:1", "body", "grape");
  await server.client({ db: 2 }).flushdb();
  expect(await searchIds(r, "fl", "grape")).toEqual(["fl:1"]);
  await r.flushdb();
  expect(await searchIds(r, "fl", "grape")).toEqual([]);
  await r.hset("fl:2", "body", "grape");
  expect(await searchIds(r, "fl", "grape")).toEqual(["fl:2"]);
  const db5 = server.client({ db: 5 });
  await db5.hset("fl:5", "body", "grape from five");
  await r.swapdb(0, 5);
  await waitIndexed(r, "fl");
  expect(await searchIds(r, "fl", "grape")).toEqual(["fl:5"]);
  await r.swapdb(5, 0);
  await waitIndexed(r, "fl");
  expect(await searchIds(r, "fl", "grape")).toEqual(["fl:2"]);
  await r.flushall();
  expect(await searchIds(r, "fl", "*")).toEqual([]);
  expect(await r.call("FT._LIST")).toContain("fl");
});

it("comes back from the AOF", async () => {
  const dir = restarts.newDir();
  const aof = ["--save", "", "--appendonly", "yes", "--appendfsync", "always"];
  const a = await restarts.start(dir, aof);
  // a:0 exists when FT.CREATE is replayed, so its first slice indexes it; the replay then deletes it
  // with no keyspace event: only the walk after the load can see it gone.
  await a.r.hset("a:0", "title", "there before");
  await a.r.call("FT.CREATE", "aidx", "PREFIX", "1", "a:", "SCHEMA", "title", "TEXT");
  await a.r.hset("a:1", "title", "logged words");
  await a.r.hset("a:2", "title", "gone soon");
  await a.r.del("a:2", "a:0");
  await restarts.killAll();
  const b = await restarts.start(dir, aof);
  await waitIndexed(b.r, "aidx");
  expect(await searchIds(b.r, "aidx", "*")).toEqual(["a:1"]);
  expect(await searchIds(b.r, "aidx", "logged")).toEqual(["a:1"]);
});

it("comes back from a snapshot: definitions and aliases saved, documents rebuilt", async () => {
  const dir = restarts.newDir();
  const a = await restarts.start(dir, ["--save", ""]);
  await a.r.hset("p:1", { title: "persisted words", n: "5" });
  await a.r.call("FT.CREATE", "pidx", "PREFIX", "1", "p:", "SCHEMA", "title", "TEXT", "SORTABLE", "n", "NUMERIC");
  await a.r.call("FT.ALTER", "pidx", "SCHEMA", "ADD", "extra", "TAG");
  await a.r.call("FT.ALIASADD", "palias", "pidx");
  await a.r.hset("p:2", { title: "more words", extra: "x" });
  expect(await a.r.save()).toBe("OK");
  await restarts.killAll();
  const b = await restarts.start(dir, ["--save", ""]);
  expect(await b.r.call("FT._LIST")).toEqual(["pidx"]);
  await waitIndexed(b.r, "pidx");
  expect(await searchIds(b.r, "palias", "words")).toEqual(["p:1", "p:2"]);
  expect(await searchIds(b.r, "pidx", "@extra:{x}")).toEqual(["p:2"]);
  expect(await searchIds(b.r, "pidx", "@n:[5 5]")).toEqual(["p:1"]);
  await b.r.hset("p:3", "title", "after restart");
  expect(await searchIds(b.r, "pidx", "restart")).toEqual(["p:3"]);
});
