// A write query that fails half way changes nothing: nodes, edges, properties, labels, indexes, the
// order of a node's edges and the ids the next creations take are all as before (FalkorDB's undo log).
import { expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { query, rows } from "./helpers.js";

const s = useServer([], { flush: true });

const SNAPSHOT =
  "MATCH (n) OPTIONAL MATCH (n)-[r]->(m) RETURN id(n), labels(n), properties(n), collect([id(r), type(r), properties(r), id(m)]) ORDER BY id(n)";
const SEED =
  "CREATE (a:P {i: 1, w: 'x'})-[:R {k: 1}]->(b:P {i: 2}), (a)-[:R {k: 2}]->(c:Q {i: 3}), (b)-[:S]->(a), (c)-[:R {k: 3}]->(c)";

it("a runtime error after creates, updates and deletes leaves the graph, its ids and its indexes as they were", async () => {
  await query(s.r, "g", SEED);
  await query(s.r, "g", "CREATE INDEX ON :P(i)");
  await query(s.r, "g", "CREATE (x:Tmp) WITH x DELETE x"); // a free node id
  const before = await rows(s.r, "g", SNAPSHOT);
  const failing = [
    "UNWIND [1, 2, 0] AS x CREATE (:N {v: 10 / x})-[:E]->(:N)",
    "MATCH (a:P) SET a.i = a.i + 10, a:Z REMOVE a.w WITH a MATCH (a)-[r]->() DELETE r WITH count(*) AS c RETURN 1 / 0",
    "MATCH (a:P {i: 1}) DETACH DELETE a WITH count(*) AS c CREATE (:New) WITH c RETURN 1 / 0",
    "MATCH (n) SET n = {only: 1} WITH n MATCH (m:Q) SET m:P WITH count(*) AS c RETURN c / 0",
    "MERGE (m:M {k: 1}) ON CREATE SET m.t = 1 WITH m CREATE (m)-[:E]->(:F) WITH m RETURN toInteger('x') + 1 / 0",
  ];
  for (const q of failing) {
    expect(await errorOf(query(s.r, "g", q)), q).toBe("Division by zero");
    expect(await rows(s.r, "g", SNAPSHOT), q).toEqual(before);
  }
  // the index still answers, and the next ids are the ones they would have been
  expect(await rows(s.r, "g", "MATCH (p:P {i: 2}) RETURN id(p)")).toEqual([[1]]);
  expect(await rows(s.r, "g", "MATCH (p:P {i: 12}) RETURN id(p)")).toEqual([]);
  expect(await rows(s.r, "g", "CREATE (a:T)-[e:E]->(b:T) RETURN id(a), id(b), id(e)")).toEqual([[3, 4, 4]]);
});

it("a write stopped by its TIMEOUT is undone", async () => {
  await query(s.r, "g", "CREATE (:Keep)");
  expect(await errorOf(query(s.r, "g", "UNWIND range(1, 10000000) AS x CREATE (:T {x: x})", "TIMEOUT", "50"))).toBe("Query timed out");
  expect(await rows(s.r, "g", "MATCH (n) RETURN labels(n)")).toEqual([["[Keep]"]]);
  expect(await rows(s.r, "g", "CREATE (n) RETURN id(n)")).toEqual([[1]]);
});
