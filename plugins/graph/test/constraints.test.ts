// GRAPH.CONSTRAINT: UNIQUE and MANDATORY on node labels and relationship types, enforced on writes with
// FalkorDB's texts (the failing query changes nothing), db.constraints(), and kept by DUMP/RESTORE.
import { expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { query, rows } from "./helpers.js";

const s = useServer([], { flush: true });
const constraint = (...args: (string | number)[]) => s.r.call("GRAPH.CONSTRAINT", ...args);
const LIST = "CALL db.constraints()";

it("argument errors are FalkorDB's", async () => {
  expect(await errorOf(constraint("MAKE", "g", "UNIQUE", "NODE", "P", "PROPERTIES", 1, "a"))).toBe("Invalid constraint operation");
  expect(await errorOf(constraint("CREATE", "g", "PRIMARY", "NODE", "P", "PROPERTIES", 1, "a"))).toBe("Invalid constraint type");
  expect(await errorOf(constraint("CREATE", "g", "UNIQUE", "EDGE", "P", "PROPERTIES", 1, "a"))).toBe("Invalid constraint entity type");
  expect(await errorOf(constraint("CREATE", "g", "UNIQUE", "NODE", "1P", "PROPERTIES", 1, "a"))).toBe("Label name 1P is invalid");
  expect(await errorOf(constraint("CREATE", "g", "UNIQUE", "NODE", "P", "PROPS", 1, "a"))).toBe("missing PROPERTIES argument");
  expect(await errorOf(constraint("CREATE", "g", "UNIQUE", "NODE", "P", "PROPERTIES", 0, "a"))).toBe("Number of properties must be an integer between 1 and 255");
  expect(await errorOf(constraint("CREATE", "g", "UNIQUE", "NODE", "P", "PROPERTIES", 2, "a"))).toBe("Number of properties doesn't match property count");
  expect(await errorOf(constraint("CREATE", "g", "UNIQUE", "NODE", "P", "PROPERTIES"))).toMatch(/^ERR wrong number of arguments/);
  expect(await errorOf(constraint("DROP", "g", "UNIQUE", "NODE", "P", "PROPERTIES", 1, "a"))).toBe("ERR Invalid graph operation on empty key");
  expect(await s.r.exists("g")).toBe(0);
});

it("MANDATORY on a label and on a relationship type refuses writes that lack the properties", async () => {
  await query(s.r, "g", "CREATE (:P {name: 'a'})-[:R {w: 1}]->(:P {name: 'b'})");
  expect(await constraint("CREATE", "g", "MANDATORY", "NODE", "P", "PROPERTIES", 1, "name")).toBe("PENDING");
  expect(await constraint("CREATE", "g", "MANDATORY", "RELATIONSHIP", "R", "PROPERTIES", 1, "w")).toBe("PENDING");
  expect(await rows(s.r, "g", LIST)).toEqual([
    ["MANDATORY", "P", "[name]", "NODE", "OPERATIONAL"],
    ["MANDATORY", "R", "[w]", "RELATIONSHIP", "OPERATIONAL"],
  ]);
  expect(await errorOf(query(s.r, "g", "CREATE (:X), (:P)"))).toBe("mandatory constraint violation: node with label P missing property name");
  expect(await errorOf(query(s.r, "g", "MATCH (p:P {name: 'a'}) REMOVE p.name"))).toBe("mandatory constraint violation: node with label P missing property name");
  await query(s.r, "g", "CREATE (:X)");
  expect(await errorOf(query(s.r, "g", "MATCH (x:X) SET x:P"))).toBe("mandatory constraint violation: node with label P missing property name");
  expect(await errorOf(query(s.r, "g", "MATCH (a:P {name: 'a'}), (b:P {name: 'b'}) CREATE (b)-[:R]->(a)"))).toBe(
    "mandatory constraint violation: edge with relationship-type R missing property w",
  );
  expect(await rows(s.r, "g", "MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN labels(n), n.name, count(r) ORDER BY n.name")).toEqual([
    ["[P]", "a", 1],
    ["[P]", "b", 0],
    ["[X]", null, 0],
  ]);
  await query(s.r, "g", "CREATE (:P {name: 'c'})-[:R {w: 2}]->(:Q)");
  expect(await constraint("DROP", "g", "MANDATORY", "NODE", "P", "PROPERTIES", 1, "name")).toBe("OK");
  expect(await errorOf(constraint("DROP", "g", "MANDATORY", "NODE", "P", "PROPERTIES", 1, "name"))).toBe("Unable to drop constraint, no such constraint.");
  await query(s.r, "g", "CREATE (:P)");
});

it("UNIQUE needs an index, refuses duplicates (the whole query undone) and holds vacuously without the property", async () => {
  await query(s.r, "g", "CREATE (:P {id: 1}), (:P {id: 2}), (:P)");
  expect(await errorOf(constraint("CREATE", "g", "UNIQUE", "NODE", "P", "PROPERTIES", 1, "id"))).toBe("missing supporting exact-match index");
  expect(await errorOf(constraint("CREATE", "g", "UNIQUE", "RELATIONSHIP", "R", "PROPERTIES", 1, "id"))).toBe("missing supporting exact-match index");
  await query(s.r, "g", "CREATE INDEX FOR ()-[r:R]-() ON (r.id)"); // an index on edges does not serve nodes
  expect(await errorOf(constraint("CREATE", "g", "UNIQUE", "NODE", "P", "PROPERTIES", 1, "id"))).toBe("missing supporting exact-match index");
  await query(s.r, "g", "CREATE INDEX FOR (p:P) ON (p.id)");
  expect(await constraint("CREATE", "g", "UNIQUE", "NODE", "P", "PROPERTIES", 1, "id")).toBe("PENDING");
  expect(await errorOf(constraint("CREATE", "g", "UNIQUE", "NODE", "P", "PROPERTIES", 1, "id"))).toBe("Constraint already exists");
  expect(await errorOf(query(s.r, "g", "UNWIND [3, 4, 1] AS i CREATE (:P {id: i})"))).toBe("unique constraint violation on node of type P");
  expect(await errorOf(query(s.r, "g", "MATCH (p:P {id: 2}) SET p.id = 1.0"))).toBe("unique constraint violation on node of type P");
  expect(await rows(s.r, "g", "MATCH (p:P) RETURN p.id ORDER BY p.id")).toEqual([[1], [2], [null]]);
  await query(s.r, "g", "CREATE (:P), (:P {id: 3}), (:Q {id: 1})");
  expect(await errorOf(query(s.r, "g", "DROP INDEX ON :P(id)"))).toBe("Index supports constraint");
  expect(await constraint("DROP", "g", "UNIQUE", "NODE", "P", "PROPERTIES", 1, "id")).toBe("OK");
  await query(s.r, "g", "CREATE (:P {id: 1})");
});

it("UNIQUE on a relationship type, through its relationship index", async () => {
  await query(s.r, "g", "CREATE (a:P)-[:R {id: 1}]->(b:P), (a)-[:R {id: 2}]->(b), (a)-[:R]->(b), (a)-[:S {id: 1}]->(b)");
  await query(s.r, "g", "CREATE INDEX FOR ()-[r:R]-() ON (r.id)");
  expect(await constraint("CREATE", "g", "UNIQUE", "RELATIONSHIP", "R", "PROPERTIES", 1, "id")).toBe("PENDING");
  expect(await rows(s.r, "g", LIST)).toEqual([["UNIQUE", "R", "[id]", "RELATIONSHIP", "OPERATIONAL"]]);
  const violation = "unique constraint violation, on edge of relationship-type R";
  expect(await errorOf(query(s.r, "g", "MATCH (a:P)-[:S]->(b) CREATE (b)-[:R {id: 3}]->(a), (a)-[:R {id: 1}]->(b)"))).toBe(violation);
  expect(await errorOf(query(s.r, "g", "MATCH ()-[r:R {id: 2}]->() SET r.id = 1.0"))).toBe(violation);
  expect(await rows(s.r, "g", "MATCH ()-[r:R]->() RETURN r.id ORDER BY r.id")).toEqual([[1], [2], [null]]);
  await query(s.r, "g", "MATCH (a:P)-[:S]->(b) CREATE (a)-[:R]->(b), (a)-[:S {id: 1}]->(b), (a)-[:R {id: 3}]->(b)");
  expect(await errorOf(query(s.r, "g", "DROP INDEX FOR ()-[r:R]-() ON (r.id)"))).toBe("Index supports constraint");
  expect(await constraint("DROP", "g", "UNIQUE", "RELATIONSHIP", "R", "PROPERTIES", 1, "id")).toBe("OK");
  // a graph that already breaks it leaves the constraint FAILED
  await query(s.r, "g", "MATCH (a:P)-[:S]->(b) CREATE (a)-[:R {id: 3}]->(b)");
  expect(await constraint("CREATE", "g", "UNIQUE", "RELATIONSHIP", "R", "PROPERTIES", 1, "id")).toBe("PENDING");
  expect(await rows(s.r, "g", LIST)).toEqual([["UNIQUE", "R", "[id]", "RELATIONSHIP", "FAILED"]]);
});

it("a constraint the graph already breaks is FAILED and not enforced; constraints survive DUMP / RESTORE", async () => {
  await query(s.r, "g", "CREATE (:P), (:P {id: 1})");
  await query(s.r, "g", "CREATE INDEX ON :P(id)");
  expect(await constraint("CREATE", "g", "MANDATORY", "NODE", "P", "PROPERTIES", 1, "id")).toBe("PENDING");
  expect(await constraint("CREATE", "g", "UNIQUE", "NODE", "P", "PROPERTIES", 1, "id")).toBe("PENDING");
  expect(await rows(s.r, "g", LIST)).toEqual([
    ["MANDATORY", "P", "[id]", "NODE", "FAILED"],
    ["UNIQUE", "P", "[id]", "NODE", "OPERATIONAL"],
  ]);
  await query(s.r, "g", "CREATE (:P)");
  expect(await s.r.restore("r", 0, (await s.r.dumpBuffer("g"))!)).toBe("OK");
  expect(await rows(s.r, "r", LIST)).toEqual(await rows(s.r, "g", LIST));
  expect(await errorOf(query(s.r, "r", "CREATE (:P {id: 1})"))).toBe("unique constraint violation on node of type P");
});
