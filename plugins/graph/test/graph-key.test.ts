// A graph is one key of the type graphdata, with everything the platform gives a type: TYPE, DEL,
// DUMP/RESTORE, COPY, MEMORY USAGE, persistence across a restart; and FalkorDB's id reuse.
import { expect, it, vi } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { useRestarts } from "../../../test/helpers/restarts.js";
import { decodeDump, encodeDump } from "../../../runtime/src/plugin/dump-payload.js";
import { query, rows } from "./helpers.js";

const BAD_PAYLOAD = "ERR DUMP payload version or checksum are wrong";

vi.setConfig({ testTimeout: 120_000 });

const s = useServer([], { flush: true });
const restarts = useRestarts();

const SOCIAL = "CREATE (a:Person {name: 'Alice', age: 30, tags: ['x', 'y']})-[:KNOWS {since: 2020, w: 0.5}]->(b:Person:Admin {name: 'Bob'}), (b)-[:LIKES]->(c:Thing)";
const SNAPSHOT = "MATCH (n) OPTIONAL MATCH (n)-[r]->(m) RETURN id(n), labels(n), properties(n), type(r), id(r), properties(r), id(m) ORDER BY id(n), id(r)";

it("TYPE is graphdata; GRAPH.LIST names the graphs; DEL and GRAPH.DELETE remove them", async () => {
  await query(s.r, "g1", "CREATE ()");
  await query(s.r, "g2", "RETURN 1"); // GRAPH.QUERY creates the key, as in FalkorDB
  await s.r.set("str", "x");
  expect(await s.r.type("g1")).toBe("graphdata");
  expect(((await s.r.call("GRAPH.LIST")) as string[]).sort()).toEqual(["g1", "g2"]);
  expect(await s.r.del("g1")).toBe(1);
  expect(await s.r.call("GRAPH.DELETE", "g2")).toBe("OK");
  expect(await s.r.call("GRAPH.LIST")).toEqual([]);
  expect(await errorOf(s.r.call("GRAPH.DELETE", "g2"))).toBe("ERR Invalid graph operation on empty key");
  expect(await errorOf(s.r.call("GRAPH.DELETE", "str"))).toBe("ERR Invalid graph operation on empty key");
  expect(await errorOf(s.r.call("GRAPH.QUERY", "str", "RETURN 1"))).toMatch(/^WRONGTYPE/);
});

it("DUMP / RESTORE and COPY give independent graphs with the same ids, labels and properties", async () => {
  await query(s.r, "g", SOCIAL);
  const before = await rows(s.r, "g", SNAPSHOT);
  expect(before.length).toBeGreaterThan(2);
  const payload = (await s.r.dumpBuffer("g"))!;
  expect(await s.r.restore("r", 0, payload)).toBe("OK");
  expect(await rows(s.r, "r", SNAPSHOT)).toEqual(before);
  expect(await s.r.copy("g", "c")).toBe(1);
  expect(await rows(s.r, "c", SNAPSHOT)).toEqual(before);
  await query(s.r, "c", "MATCH (n:Person {name: 'Alice'}) SET n.age = 31");
  expect(await rows(s.r, "g", "MATCH (n:Person {name: 'Alice'}) RETURN n.age")).toEqual([[30]]);
  expect(await rows(s.r, "c", "MATCH (n:Person {name: 'Alice'}) RETURN n.age")).toEqual([[31]]);
});

it("RESTORE refuses graph bytes that are truncated or inconsistent, and the server stays up", async () => {
  await query(s.r, "g", SOCIAL);
  await query(s.r, "g", "MATCH (c:Thing) DELETE c");
  const value = Buffer.from(decodeDump((await s.r.dumpBuffer("g"))!)!.value);
  const restore = (bytes: Buffer) => errorOf(s.r.restore("bad", 0, encodeDump(bytes, "graphdata", 1)));
  // Every truncation, and one byte too many.
  for (let len = 0; len < value.length; len++) expect(await restore(value.subarray(0, len))).toBe(BAD_PAYLOAD);
  expect(await restore(Buffer.concat([value, Buffer.from([0])]))).toBe(BAD_PAYLOAD);
  // The bytes end with the free lists, nodes [count 1, id 2] then edges [count 1, id 1]: a free list
  // naming a live node is refused.
  const liveFree = Buffer.from(value);
  liveFree.writeUInt32LE(0, liveFree.length - 12);
  expect(await restore(liveFree)).toBe(BAD_PAYLOAD);
  expect(await s.r.exists("bad")).toBe(0);
  expect(await s.r.restore("good", 0, encodeDump(value, "graphdata", 1))).toBe("OK");
  expect(await rows(s.r, "good", "MATCH (n) RETURN count(n)")).toEqual([[2]]);
});

it("deleted ids are reused, the most recently freed first (FalkorDB's DataBlock)", async () => {
  await query(s.r, "g", "UNWIND range(1, 5) AS i CREATE (:N {i: i})");
  await query(s.r, "g", "MATCH (n:N) WHERE n.i IN [2, 4] DELETE n");
  expect(await rows(s.r, "g", "CREATE (a:M) RETURN id(a)")).toEqual([[3]]);
  expect(await rows(s.r, "g", "CREATE (a:M) RETURN id(a)")).toEqual([[1]]);
  expect(await rows(s.r, "g", "CREATE (a:M) RETURN id(a)")).toEqual([[5]]);
  // the free list survives DUMP / RESTORE
  await query(s.r, "g", "MATCH (n:N {i: 1}) DELETE n");
  await s.r.restore("r", 0, (await s.r.dumpBuffer("g"))!);
  expect(await rows(s.r, "r", "CREATE (a:M) RETURN id(a)")).toEqual([[0]]);
});

it("MEMORY USAGE grows with the graph and shrinks when it is emptied", async () => {
  await query(s.r, "g", "CREATE ()");
  const small = (await s.r.call("MEMORY", "USAGE", "g")) as number;
  await query(s.r, "g", "UNWIND range(1, 2000) AS i CREATE (:N {i: i, s: 'some text'})-[:E {w: i}]->(:N)");
  const big = (await s.r.call("MEMORY", "USAGE", "g")) as number;
  expect(big).toBeGreaterThan(small + 2000 * 100);
  await query(s.r, "g", "MATCH (n:N) DETACH DELETE n");
  const after = (await s.r.call("MEMORY", "USAGE", "g")) as number;
  expect(after).toBeLessThan(big / 2);
});

it("SAVE, kill -9, restart: the graph comes back as it was", async () => {
  const dir = restarts.newDir();
  const a = await restarts.start(dir, ["--save", ""]);
  await query(a.r, "g", SOCIAL);
  await query(a.r, "g", "MATCH (c:Thing) DELETE c");
  const before = await rows(a.r, "g", SNAPSHOT);
  expect(await a.r.save()).toBe("OK");
  await restarts.killAll();
  const b = await restarts.start(dir, ["--save", ""]);
  expect(await rows(b.r, "g", SNAPSHOT)).toEqual(before);
  expect(await rows(b.r, "g", "CREATE (x) RETURN id(x)")).toEqual([[2]]);
});
