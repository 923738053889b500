// Exact-match indexes: CREATE INDEX in both syntaxes, DROP INDEX, db.indexes(), the planner's index scan
// (GRAPH.EXPLAIN and GRAPH.PROFILE show it), answers equal to a scan's through every kind of write, and
// indexes kept by DUMP/RESTORE and GRAPH.COPY.
import { expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { query, rows, stats } from "./helpers.js";

const s = useServer([], { flush: true });
const explain = (g: string, q: string) => s.r.call("GRAPH.EXPLAIN", g, q) as Promise<string[]>;

it("CREATE INDEX (both forms), DROP INDEX and db.indexes(), with FalkorDB's statistics and errors", async () => {
  await query(s.r, "g", "CREATE (:P {id: 1, name: 'a'})");
  expect(await stats(s.r, "g", "CREATE INDEX FOR (n:P) ON (n.id)")).toEqual(["Indices created: 1"]);
  expect(await stats(s.r, "g", "CREATE INDEX ON :P(name)")).toEqual(["Indices created: 1"]);
  expect(await errorOf(query(s.r, "g", "CREATE INDEX ON :P(id)"))).toBe("Attribute 'id' is already indexed");
  expect(await rows(s.r, "g", "CALL db.indexes() YIELD label, properties, types, entitytype, status")).toEqual([
    ["P", "[id, name]", "{id: [RANGE], name: [RANGE]}", "NODE", "OPERATIONAL"],
  ]);
  expect(await stats(s.r, "g", "DROP INDEX ON :P(name)")).toEqual(["Indices deleted: 1"]);
  expect(await errorOf(query(s.r, "g", "DROP INDEX ON :P(name)"))).toBe("ERR Unable to drop index on :P(name): no such index.");
  expect(await errorOf(query(s.r, "g", "DROP INDEX FOR (n:Q) ON (n.x)"))).toBe("ERR Unable to drop index on :Q(x): no such index.");
  expect(await rows(s.r, "g", "CALL db.indexes() YIELD label, properties")).toEqual([["P", "[id]"]]);
  expect(await errorOf(s.r.call("GRAPH.RO_QUERY", "g", "CREATE INDEX ON :P(x)"))).toBe("graph.RO_QUERY is to be executed only on read-only queries");
});

it("MATCH starts from the index for an inline or WHERE equality on an indexed property", async () => {
  await query(s.r, "g", "UNWIND range(1, 50) AS i CREATE (:P {id: i})-[:R]->(:Q {id: i})");
  await query(s.r, "g", "CREATE INDEX FOR (p:P) ON (p.id)");
  expect(await explain("g", "MATCH (n:P {id: 5}) RETURN n")).toEqual(["Results", "    Project", "        Node By Index Scan | (n:P)"]);
  const scan = async (q: string) => (await explain("g", q)).at(-1)!.trim();
  expect(await scan("MATCH (n:P)-[:R]->(m) WHERE n.id = $x AND m.id > 2 RETURN m")).toBe("Node By Index Scan | (n:P)");
  expect(await scan("MATCH (n:P) WHERE n.id > 5 RETURN n")).toBe("Node By Index Scan | (n:P)");
  expect(await scan("MATCH (n:P) WHERE n.id + 1 > 5 RETURN n")).toBe("Node By Label Scan | (n:P)");
  expect(await scan("MATCH (n:Q {id: 5}) RETURN n")).toBe("Node By Label Scan | (n:Q)");
  // the value may not come from the clause's own patterns
  expect((await explain("g", "MATCH (a:P), (n:P) WHERE n.id = a.id RETURN n")).map((l) => l.trim())).toContain("Node By Label Scan | (n:P)");
  expect(await rows(s.r, "g", "MATCH (n:P {id: 7})-[:R]->(m) RETURN m.id")).toEqual([[7]]);
  expect(await rows(s.r, "g", "CYPHER x=9 MATCH (n:P) WHERE n.id = $x RETURN n.id")).toEqual([[9]]);
  expect(await rows(s.r, "g", "UNWIND [3, 4] AS k MATCH (n:P) WHERE n.id = k RETURN n.id")).toEqual([[3], [4]]);
  const profile = (await s.r.call("GRAPH.PROFILE", "g", "MATCH (n:P {id: 7}) RETURN n.id")) as string[];
  expect(profile[2]).toMatch(/^        Node By Index Scan \| \(n:P\) \| Records produced: 1, /);
});

it("an index scan answers as a scan does through creates, updates, label changes and deletes", async () => {
  await query(s.r, "g", "CREATE INDEX FOR (p:P) ON (p.v)");
  await query(s.r, "g", "UNWIND range(1, 40) AS i CREATE (:P {v: i % 7, i: i})");
  await query(s.r, "g", "CREATE (:P {v: 1.0}), (:P {v: '1'}), (:P {v: true}), (:P {v: [1]}), (:P), (:X {v: 1})");
  await query(s.r, "g", "MATCH (n:P) WHERE n.i % 5 = 0 SET n.v = 100");
  await query(s.r, "g", "MATCH (n:P) WHERE n.i % 6 = 0 REMOVE n:P SET n:Y");
  await query(s.r, "g", "MATCH (n:Y) WHERE n.i = 12 SET n:P");
  await query(s.r, "g", "MATCH (n:P) WHERE n.i % 9 = 0 DELETE n");
  await query(s.r, "g", "MATCH (n:P) WHERE n.i = 1 SET n = {v: 3, i: 1}");
  await query(s.r, "g", "MATCH (n:P) WHERE n.i = 2 SET n.v = null");
  for (const v of ["1", "1.0", "'1'", "true", "[1]", "3", "100", "0", "null", "6"]) {
    const indexed = await rows(s.r, "g", `MATCH (n:P {v: ${v}}) RETURN id(n) ORDER BY id(n)`);
    const scanned = await rows(s.r, "g", `MATCH (n:P) WHERE [n.v][0] = ${v} RETURN id(n) ORDER BY id(n)`);
    expect(indexed, v).toEqual(scanned);
  }
  expect((await rows(s.r, "g", "MATCH (n:P {v: 100}) RETURN count(n)"))[0][0]).toBeGreaterThan(3);
});

it("range lookups through the index (<, <=, >, >=, both bounds, STARTS WITH) answer as a label scan does", async () => {
  await query(s.r, "g", "CREATE INDEX FOR (p:P) ON (p.v)");
  // numbers of both kinds, NaN, strings (multi-byte ones too), booleans, lists, nodes without the property
  await query(s.r, "g", "UNWIND range(0, 59) AS i CREATE (:P {v: CASE i % 4 WHEN 0 THEN i WHEN 1 THEN i / 2.0 WHEN 2 THEN 'k' + toString(i) ELSE i % 3 = 0 END, i: i})");
  await query(s.r, "g", "CREATE (:P {v: 0.0 / 0.0}), (:P {v: 'é'}), (:P {v: 'ka'}), (:P {v: [5]}), (:P), (:X {v: 7})");
  const check = async (cond: string) => {
    // STARTS WITH fails on a number in a scan; through the index it meets strings only
    const scanCond = cond.replaceAll("n.v STARTS", "CASE WHEN n.v >= '' THEN n.v ELSE '' END STARTS");
    const q = (label: string) => `MATCH (n:${label}) WHERE ${label === "P" ? cond : scanCond} RETURN id(n) ORDER BY id(n)`;
    // the same condition over a label without an index is a scan
    await query(s.r, "g", "MATCH (n:P) SET n:S");
    const plan = await explain("g", q("P"));
    expect(plan.at(-1)!.trim(), cond).toBe("Node By Index Scan | (n:P)");
    expect(await rows(s.r, "g", q("P")), cond).toEqual(await rows(s.r, "g", q("S")));
  };
  const conds = ["n.v > 10", "n.v >= 10", "n.v < 10.5", "10 < n.v", "10.5 >= n.v", "n.v > 5 AND n.v <= 30", "n.v > 'k3'",
    "n.v <= 'k3'", "n.v STARTS WITH 'k1'", "n.v STARTS WITH 'k'", "n.v STARTS WITH 'k2' AND n.v > 'k22'", "n.v > true",
    "n.v >= false", "n.v > 5 AND n.v < 'z'", "n.v > null", "n.v > [1]", "n.v < 2 AND n.v > 1", "n.v > 0.0 / 0.0", "n.v < 0.0 / 0.0", "n.v < 1.0e300"];
  for (const c of conds) await check(c);
  // writes between lookups change the answers
  await query(s.r, "g", "MATCH (n:P) WHERE n.i = 8 SET n.v = 1000");
  await query(s.r, "g", "MATCH (n:P) WHERE n.i = 12 DELETE n");
  await query(s.r, "g", "CREATE (:P {v: 999})");
  expect(await rows(s.r, "g", "MATCH (n:P) WHERE n.v > 500 RETURN n.v ORDER BY n.v")).toEqual([[999], [1000]]);
  for (const c of conds) await check(c);
  expect(await rows(s.r, "g", "CYPHER lo=20 hi=24 MATCH (n:P) WHERE n.v >= $lo AND n.v < $hi RETURN n.i ORDER BY n.i")).toEqual([[20], [41], [45]]);
});

it("relationship indexes: CREATE/DROP INDEX FOR ()-[r:R]-(), db.indexes(), Edge By Index Scan", async () => {
  await query(s.r, "g", "CREATE (:P {id: 1})-[:R {w: 1}]->(:P {id: 2})");
  expect(await stats(s.r, "g", "CREATE INDEX FOR ()-[r:R]-() ON (r.w)")).toEqual(["Indices created: 1"]);
  expect(await stats(s.r, "g", "CREATE INDEX FOR ()-[k:K]->() ON (k.a, k.b)")).toEqual(["Indices created: 2"]);
  expect(await errorOf(query(s.r, "g", "CREATE INDEX FOR ()<-[r:R]-() ON (r.w)"))).toBe("Attribute 'w' is already indexed");
  await query(s.r, "g", "CREATE INDEX FOR (p:R) ON (p.w)"); // a label of the same name is another schema
  expect(await rows(s.r, "g", "CALL db.indexes() YIELD label, properties, entitytype")).toEqual([
    ["R", "[w]", "NODE"],
    ["R", "[w]", "RELATIONSHIP"],
    ["K", "[a, b]", "RELATIONSHIP"],
  ]);
  expect(await explain("g", "MATCH (a)-[r:R {w: 1}]->(b) RETURN a.id, b.id")).toEqual(["Results", "    Project", "        Edge By Index Scan | [r:R]"]);
  expect(await explain("g", "MATCH (a:P)<-[r:R]-(b)-[:R]->(c) WHERE r.w > 0 RETURN c")).toEqual([
    "Results", "    Project", "        Filter", "            Conditional Traverse | (b)-[:R]->(c)", "                Edge By Index Scan | [r:R]",
  ]);
  expect(await rows(s.r, "g", "MATCH (a)-[r:R {w: 1}]->(b) RETURN a.id, b.id")).toEqual([[1, 2]]);
  const profile = (await s.r.call("GRAPH.PROFILE", "g", "MATCH (a)-[r:R {w: 1}]->(b) RETURN a.id")) as string[];
  expect(profile[2]).toMatch(/^        Edge By Index Scan \| \[r:R\] \| Records produced: 1, /);
  expect(await stats(s.r, "g", "DROP INDEX FOR ()-[r:R]-() ON (r.w)")).toEqual(["Indices deleted: 1"]);
  expect(await errorOf(query(s.r, "g", "DROP INDEX FOR ()-[r:R]-() ON (r.w)"))).toBe("ERR Unable to drop index on :R(w): no such index.");
  expect((await explain("g", "MATCH (a)-[r:R {w: 1}]->(b) RETURN a")).at(-1)!.trim()).toBe("All Node Scan | (a)");
});

it("an edge index answers as a scan does, both ways and undirected, through writes, rollback, DUMP / RESTORE and COPY", async () => {
  await query(s.r, "g", "CREATE INDEX FOR ()-[r:R]-() ON (r.w)");
  // a small ring with chords, self-loops and parallel edges; w repeats, and some edges lack it
  await query(s.r, "g", "UNWIND range(0, 11) AS i CREATE (:N {i: i})");
  await query(s.r, "g", "MATCH (a:N), (b:N) WHERE b.i = (a.i + 1) % 12 OR b.i = (a.i * 5) % 12 CREATE (a)-[:R {w: (a.i + b.i) % 4}]->(b)");
  await query(s.r, "g", "MATCH (a:N) WHERE a.i % 3 = 0 CREATE (a)-[:R {w: 1}]->(a), (a)-[:R]->(a), (a)-[:X {w: 1}]->(a)");
  const check = async () => {
    for (const [pattern, cond] of [
      ["(a)-[r:R]->(b)", "r.w = 1"], ["(a)<-[r:R]-(b)", "r.w = 2"], ["(a)-[r:R]-(b)", "r.w = 3"], ["(a:N)-[r:R]->(b)-[:R]->(c)", "r.w = 0"],
      ["(a)-[r:R]-(b)", "r.w >= 2"], ["(a)-[r:R]->(b)", "r.w < 1 AND a.i > 3"],
    ]) {
      const q = (c: string) => `MATCH ${pattern} WHERE ${c} RETURN id(a), id(r), id(b) ORDER BY id(a), id(r), id(b)`;
      expect((await explain("g", q(cond))).at(-1)!.trim(), cond).toMatch(/^Edge By Index Scan/);
      expect(await rows(s.r, "g", q(cond)), pattern + cond).toEqual(await rows(s.r, "g", q(cond.replace("r.w", "[r.w][0]"))));
    }
    const inline = "MATCH (a)-[r:R {w: 1}]->(b) RETURN id(r) ORDER BY id(r)";
    expect(await rows(s.r, "g", inline)).toEqual(await rows(s.r, "g", "MATCH (a)-[r:R]->(b) WHERE [r.w][0] = 1 RETURN id(r) ORDER BY id(r)"));
  };
  await check();
  await query(s.r, "g", "MATCH ()-[r:R]->() WHERE id(r) % 3 = 0 SET r.w = 2");
  await query(s.r, "g", "MATCH ()-[r:R]->() WHERE id(r) % 5 = 0 DELETE r");
  await query(s.r, "g", "MATCH (n:N {i: 4}) DETACH DELETE n");
  await check();
  // a failing query changes nothing, indexes included
  expect(await errorOf(query(s.r, "g", "MATCH ()-[r:R]->() SET r.w = 1 WITH r MATCH (n:N {i: 1}) DETACH DELETE n RETURN 1 / 0"))).toBe("Division by zero");
  await check();
  expect(await s.r.restore("r", 0, (await s.r.dumpBuffer("g"))!)).toBe("OK");
  expect(await s.r.call("GRAPH.COPY", "g", "c")).toBe("OK");
  for (const key of ["r", "c"]) {
    expect(await rows(s.r, key, "CALL db.indexes() YIELD label, properties, entitytype")).toEqual([["R", "[w]", "RELATIONSHIP"]]);
    const q = "MATCH (a)-[r:R {w: 2}]->(b) RETURN id(r) ORDER BY id(r)";
    expect((await explain(key, q)).at(-1)!.trim()).toBe("Edge By Index Scan | [r:R]");
    expect(await rows(s.r, key, q)).toEqual(await rows(s.r, "g", q));
  }
});

it("indexes survive DUMP / RESTORE and GRAPH.COPY", async () => {
  await query(s.r, "g", "UNWIND range(1, 10) AS i CREATE (:P {id: i})");
  await query(s.r, "g", "CREATE INDEX ON :P(id)");
  expect(await s.r.restore("r", 0, (await s.r.dumpBuffer("g"))!)).toBe("OK");
  expect(await s.r.call("GRAPH.COPY", "g", "c")).toBe("OK");
  for (const key of ["r", "c"]) {
    expect(await rows(s.r, key, "CALL db.indexes() YIELD label, properties")).toEqual([["P", "[id]"]]);
    expect((await explain(key, "MATCH (n:P {id: 4}) RETURN n"))[2]).toBe("        Node By Index Scan | (n:P)");
    expect(await rows(s.r, key, "MATCH (n:P {id: 4}) RETURN n.id")).toEqual([[4]]);
  }
});
