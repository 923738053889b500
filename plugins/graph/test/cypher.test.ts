// The openCypher subset, clause by clause, in the verbose form over a small social graph.
import { beforeEach, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { query, rows, stats } from "./helpers.js";

const s = useServer([], { flush: true });

beforeEach(async () => {
  await query(
    s.r,
    "g",
    `CREATE (alice:Person {name: 'Alice', age: 30}), (bob:Person {name: 'Bob', age: 25}), (carol:Person {name: 'Carol', age: 35}),
            (dave:Person {name: 'Dave'}), (acme:Company {name: 'Acme'}),
            (alice)-[:KNOWS {since: 2010}]->(bob), (bob)-[:KNOWS {since: 2015}]->(carol), (carol)-[:KNOWS {since: 2020}]->(dave),
            (alice)-[:WORKS_AT]->(acme), (bob)-[:WORKS_AT]->(acme)`,
  );
});

const names = (q: string) => rows(s.r, "g", q).then((r) => r.map((row) => row[0]));

it("MATCH: labels, inline properties, directed and undirected edges, several patterns", async () => {
  expect(await names("MATCH (p:Person) RETURN p.name ORDER BY p.name")).toEqual(["Alice", "Bob", "Carol", "Dave"]);
  expect(await names("MATCH (p {name: 'Bob'})-[:KNOWS]->(f) RETURN f.name")).toEqual(["Carol"]);
  expect(await names("MATCH (p {name: 'Bob'})<-[:KNOWS]-(f) RETURN f.name")).toEqual(["Alice"]);
  expect(await names("MATCH (p {name: 'Bob'})-[:KNOWS]-(f) RETURN f.name ORDER BY f.name")).toEqual(["Alice", "Carol"]);
  expect(await names("MATCH (a)-[:WORKS_AT]->(c:Company), (a)-[:KNOWS]->(b) RETURN b.name ORDER BY b.name")).toEqual(["Bob", "Carol"]);
  expect(await rows(s.r, "g", "MATCH (a)-[r:KNOWS|WORKS_AT]->(b) RETURN count(r)")).toEqual([[5]]);
  // The end bound, the start not: the walk starts from the end.
  expect(await names("MATCH (d {name: 'Dave'}) MATCH (x)-[:KNOWS]->(d) RETURN x.name")).toEqual(["Carol"]);
});

it("variable-length paths, named paths and their functions", async () => {
  expect(await names("MATCH ({name: 'Alice'})-[:KNOWS*2..3]->(x) RETURN x.name ORDER BY x.name")).toEqual(["Carol", "Dave"]);
  expect(await names("MATCH ({name: 'Alice'})-[:KNOWS*]->(x) RETURN x.name ORDER BY x.name")).toEqual(["Bob", "Carol", "Dave"]);
  expect(await names("MATCH ({name: 'Dave'})<-[:KNOWS*0..1]-(x) RETURN x.name ORDER BY x.name")).toEqual(["Carol", "Dave"]);
  expect(await rows(s.r, "g", "MATCH p = ({name: 'Alice'})-[:KNOWS*3]->() RETURN length(p), size(nodes(p)), size(relationships(p))")).toEqual([[3, 4, 3]]);
  expect(await rows(s.r, "g", "MATCH ({name: 'Alice'})-[r:KNOWS*2]->() RETURN size(r), r[0].since, r[1].since")).toEqual([[2, 2010, 2015]]);
});

it("WHERE: comparisons, boolean logic, IN, string predicates, IS NULL, label checks, three-valued nulls", async () => {
  expect(await names("MATCH (p:Person) WHERE p.age > 25 AND p.age <= 35 RETURN p.name ORDER BY p.name")).toEqual(["Alice", "Carol"]);
  expect(await names("MATCH (p:Person) WHERE p.age < 26 OR p.name STARTS WITH 'Da' RETURN p.name ORDER BY p.name")).toEqual(["Bob", "Dave"]);
  expect(await names("MATCH (p) WHERE p.name IN ['Acme', 'Bob'] AND NOT p:Company RETURN p.name")).toEqual(["Bob"]);
  expect(await names("MATCH (p:Person) WHERE p.age IS NULL RETURN p.name")).toEqual(["Dave"]);
  expect(await names("MATCH (p:Person) WHERE p.age <> 30 RETURN p.name ORDER BY p.name")).toEqual(["Bob", "Carol"]); // null <> 30 is null
  expect(await names("MATCH (p) WHERE p.name CONTAINS 'v' OR p.name ENDS WITH 'ce' RETURN p.name ORDER BY p.name")).toEqual(["Alice", "Dave"]);
  expect(await names("MATCH (p:Person) WHERE p.age > 20 XOR p.name = 'Bob' RETURN p.name ORDER BY p.name")).toEqual(["Alice", "Carol"]);
});

it("RETURN: aliases, DISTINCT, ORDER BY (several keys, DESC, aliases), SKIP, LIMIT, expressions", async () => {
  expect(await query(s.r, "g", "MATCH (p:Person) RETURN p.name AS n, p.age + 1 AS next ORDER BY next DESC, n SKIP 1 LIMIT 2")).toEqual([
    ["n", "next"],
    [["Carol", 36], ["Alice", 31]], // null sorts last ascending, so first descending: Dave is skipped
    expect.any(Array),
  ]);
  expect(await rows(s.r, "g", "MATCH (p)-[:WORKS_AT]->(c) RETURN DISTINCT c.name")).toEqual([["Acme"]]);
  expect(await rows(s.r, "g", "MATCH (p:Person) WHERE p.age IS NOT NULL RETURN p.name ORDER BY p.age DESC LIMIT 1")).toEqual([["Carol"]]);
  expect(await rows(s.r, "g", "RETURN 1 + 2 * 3, (1 + 2) * 3, 7 % 4, -2 ^ 2, 'a' + 'b', [1, 2] + 3, [1, 2, 3][1], [1, 2, 3][1..], [1, 2, 3][-1]")).toEqual([
    [7, 9, 3, "4", "ab", "[1, 2, 3]", 2, "[2, 3]", 3],
  ]);
  expect(await rows(s.r, "g", "RETURN CASE 2 WHEN 1 THEN 'one' WHEN 2 THEN 'two' END, CASE WHEN 1 > 2 THEN 'x' ELSE 'y' END")).toEqual([["two", "y"]]);
  expect(await errorOf(s.r.call("GRAPH.QUERY", "g", "MATCH (p) RETURN p.name AS x, p.age AS x"))).toBe(
    "Error: Multiple result columns with the same name are not supported.",
  );
  expect(await errorOf(s.r.call("GRAPH.QUERY", "g", "MATCH (p) RETURN p LIMIT -1"))).toBe("LIMIT specified value of invalid type, must be a positive integer");
});

it("aggregation: count, sum, avg, min, max, collect, with grouping keys and DISTINCT", async () => {
  expect(await rows(s.r, "g", "MATCH (p:Person) RETURN count(p), count(p.age), sum(p.age), avg(p.age), min(p.age), max(p.name)")).toEqual([
    [4, 3, 90, "30", 25, "Dave"],
  ]);
  expect(await rows(s.r, "g", "MATCH (p:Person)-[:WORKS_AT]->(c) RETURN c.name, count(*), collect(p.name)")).toEqual([["Acme", 2, "[Alice, Bob]"]]);
  expect(await rows(s.r, "g", "MATCH (p)-[:KNOWS]->() RETURN count(DISTINCT labels(p)), count(p)")).toEqual([[1, 3]]);
  expect(await rows(s.r, "g", "MATCH (p:Nobody) RETURN count(p), sum(p.x), avg(p.x), collect(p)")).toEqual([[0, 0, null, "[]"]]);
  expect(await rows(s.r, "g", "MATCH (p:Nobody) RETURN p.name, count(p)")).toEqual([]);
  expect(await rows(s.r, "g", "MATCH (a)-[:KNOWS]->(b) RETURN a.name, count(b) AS c ORDER BY c DESC, a.name LIMIT 1")).toEqual([["Alice", 1]]);
  expect(await rows(s.r, "g", "UNWIND [1, 2.5] AS x RETURN sum(x)")).toEqual([["3.5"]]);
});

it("WITH (and WITH ... WHERE), UNWIND, OPTIONAL MATCH", async () => {
  expect(await rows(s.r, "g", "MATCH (p:Person)-[:KNOWS]->(f) WITH p, count(f) AS n WHERE n > 0 RETURN p.name ORDER BY p.name")).toEqual([
    ["Alice"],
    ["Bob"],
    ["Carol"],
  ]);
  expect(await rows(s.r, "g", "UNWIND [[1, 2], [3]] AS l UNWIND l AS x WITH x * 10 AS y RETURN collect(y)")).toEqual([["[10, 20, 30]"]]);
  expect(await rows(s.r, "g", "UNWIND [] AS x RETURN x")).toEqual([]);
  expect(await rows(s.r, "g", "MATCH (p:Person) OPTIONAL MATCH (p)-[:WORKS_AT]->(c) RETURN p.name, c.name ORDER BY p.name")).toEqual([
    ["Alice", "Acme"],
    ["Bob", "Acme"],
    ["Carol", null],
    ["Dave", null],
  ]);
  expect(await rows(s.r, "g", "MATCH (p:Person) WITH p ORDER BY p.name DESC LIMIT 1 RETURN p.name")).toEqual([["Dave"]]);
});

it("parameters: the CYPHER name=value prefix, lists and maps included", async () => {
  expect(await rows(s.r, "g", "CYPHER min=26 names=['Alice', 'Carol'] MATCH (p:Person) WHERE p.age >= $min AND p.name IN $names RETURN p.name ORDER BY p.name")).toEqual([
    ["Alice"],
    ["Carol"],
  ]);
  expect(await rows(s.r, "g", "CYPHER props={name: 'Bob'} MATCH (p:Person $props) RETURN p.age")).toEqual([[25]]);
  expect(await errorOf(s.r.call("GRAPH.QUERY", "g", "MATCH (p) WHERE p.age = $nope RETURN p"))).toBe("Missing parameters");
  expect(await errorOf(s.r.call("GRAPH.QUERY", "g", "CYPHER a=1 a=2 RETURN $a"))).toBe("Duplicated parameter: a");
});

it("CREATE, SET and REMOVE count what they change", async () => {
  expect(await stats(s.r, "g", "CREATE (:City {name: 'Paris', tags: ['a', 1, 2.5, true]})")).toEqual(["Labels added: 1", "Nodes created: 1", "Properties set: 2"]);
  expect(await rows(s.r, "g", "MATCH (c:City) RETURN c.tags")).toEqual([["[a, 1, 2.5, true]"]]);
  expect(await stats(s.r, "g", "MATCH (p {name: 'Bob'}) SET p.age = 26, p.city = 'Paris', p:Admin")).toEqual(["Labels added: 1", "Properties set: 2"]);
  expect(await rows(s.r, "g", "MATCH (p:Admin) RETURN p.name, p.age, labels(p)")).toEqual([["Bob", 26, "[Person, Admin]"]]);
  expect(await stats(s.r, "g", "MATCH (p {name: 'Bob'}) REMOVE p.city, p:Admin")).toEqual(["Labels removed: 1", "Properties removed: 1"]);
  expect(await stats(s.r, "g", "MATCH (p {name: 'Bob'}) SET p += {x: 1, y: 2}")).toEqual(["Properties set: 2"]);
  expect(await stats(s.r, "g", "MATCH (p {name: 'Bob'}) SET p = {name: 'Robert'}")).toEqual(["Properties set: 1", "Properties removed: 3"]);
  expect(await rows(s.r, "g", "MATCH (p {name: 'Robert'}) RETURN properties(p)")).toEqual([["{name: Robert}"]]);
  expect(await errorOf(s.r.call("GRAPH.QUERY", "g", "MATCH (p {name: 'Robert'}) SET p.m = {a: 1}"))).toBe(
    "Property values can only be of primitive types or arrays of primitive types",
  );
  expect(await stats(s.r, "g", "MATCH (a {name: 'Alice'}), (d {name: 'Dave'}) CREATE (a)-[:LIKES {w: 1}]->(d)")).toEqual(["Properties set: 1", "Relationships created: 1"]);
});

it("DELETE refuses nothing it can delete; DETACH DELETE takes the node's edges along", async () => {
  expect(await stats(s.r, "g", "MATCH (:Person {name: 'Alice'})-[r:KNOWS]->() DELETE r")).toEqual(["Relationships deleted: 1"]);
  expect(await stats(s.r, "g", "MATCH (p {name: 'Bob'}) DETACH DELETE p")).toEqual(["Nodes deleted: 1", "Relationships deleted: 2"]);
  expect(await rows(s.r, "g", "MATCH ()-[r]->() RETURN count(r)")).toEqual([[2]]);
  expect(await stats(s.r, "g", "MATCH p = ({name: 'Carol'})-[:KNOWS]->() DELETE p")).toEqual(["Nodes deleted: 2", "Relationships deleted: 1"]);
  expect(await errorOf(s.r.call("GRAPH.QUERY", "g", "MATCH (p) DELETE p.name"))).toBe("DELETE can only be called on nodes, paths and relationships");
  expect(await rows(s.r, "g", "MATCH (n) RETURN count(n)")).toEqual([[2]]);
});

it("MERGE matches or creates the whole pattern, with ON CREATE SET and ON MATCH SET", async () => {
  expect(await stats(s.r, "g", "MERGE (p:Person {name: 'Alice'}) ON CREATE SET p.new = true ON MATCH SET p.seen = 1")).toEqual(["Properties set: 1"]);
  expect(await stats(s.r, "g", "MERGE (p:Person {name: 'Eve'}) ON CREATE SET p.new = true ON MATCH SET p.seen = 1")).toEqual(["Nodes created: 1", "Properties set: 2"]);
  expect(await stats(s.r, "g", "MATCH (a {name: 'Alice'}), (b {name: 'Bob'}) MERGE (a)-[:KNOWS]->(b)")).toEqual([]);
  expect(await stats(s.r, "g", "MATCH (a {name: 'Alice'}), (e {name: 'Eve'}) MERGE (a)-[:KNOWS]->(e)")).toEqual(["Relationships created: 1"]);
  expect(await stats(s.r, "g", "UNWIND ['X', 'X', 'Y'] AS n MERGE (:Tag {n: n})")).toEqual(["Labels added: 1", "Nodes created: 2", "Properties set: 2"]);
});

it("functions: scalar, string, list and entity functions", async () => {
  expect(
    await rows(
      s.r,
      "g",
      "MATCH (a {name: 'Alice'})-[r:KNOWS]->(b) RETURN id(a), labels(a), type(r), keys(a), exists(a.age), startNode(r) = a, endNode(r).name, properties(r)",
    ),
  ).toEqual([[0, "[Person]", "KNOWS", "[name, age]", "true", "true", "Bob", "{since: 2010}"]]);
  expect(
    await rows(
      s.r,
      "g",
      "RETURN toInteger('42'), toInteger(3.9), toFloat('1.5'), toString(12), coalesce(null, 'x'), size([1, 2]), size('abc'), head([1, 2]), last([1, 2]), tail([1, 2, 3]), range(1, 5, 2), abs(-3), round(2.4)",
    ),
  ).toEqual([[42, 3, "1.5", "12", "x", 2, 3, 1, 2, "[2, 3]", "[1, 3, 5]", 3, "2"]]);
  expect(
    await rows(s.r, "g", "RETURN toLower('AbC'), toUpper('abc'), trim('  x '), substring('hello', 1, 3), split('a,b,c', ','), replace('aXbX', 'X', '-'), reverse('abc')"),
  ).toEqual([["abc", "ABC", "x", "ell", "[a, b, c]", "a-b-", "cba"]]);
  expect(await errorOf(s.r.call("GRAPH.QUERY", "g", "RETURN toUpper(1)"))).toBe("Type mismatch: expected String or Null but was Integer");
  expect(await errorOf(s.r.call("GRAPH.QUERY", "g", "RETURN substring('a')"))).toBe("Received 1 arguments to function 'substring', expected at least 2");
});

it("procedures list the schema in id order; CALL ... YIELD renames nothing it does not yield", async () => {
  expect(await rows(s.r, "g", "CALL db.labels()")).toEqual([["Person"], ["Company"]]);
  expect(await rows(s.r, "g", "CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType")).toEqual([["KNOWS"], ["WORKS_AT"]]);
  expect(await rows(s.r, "g", "CALL db.propertyKeys()")).toEqual([["name"], ["age"], ["since"]]);
  expect(await errorOf(s.r.call("GRAPH.QUERY", "g", "CALL db.labels() YIELD nope RETURN nope"))).toBe("Procedure `db.labels` does not yield output `nope`");
});

it("GRAPH.EXPLAIN lists the operations; GRAPH.RO_QUERY runs reads and refuses writes", async () => {
  expect(await s.r.call("GRAPH.EXPLAIN", "g", "MATCH (p:Person)-[:KNOWS]->(f) WHERE f.age > 30 RETURN f.name")).toEqual([
    "Results",
    "    Project",
    "        Filter",
    "            Conditional Traverse | (p:Person)-[:KNOWS]->(f)",
    "                Node By Label Scan | (p:Person)",
  ]);
  expect(await s.r.call("GRAPH.EXPLAIN", "g", "CREATE (:X)")).toEqual(["Create"]);
  expect(await s.r.call("GRAPH.RO_QUERY", "g", "MATCH (p:Person) RETURN count(p)")).toEqual([["count(p)"], [[4]], expect.any(Array)]);
  for (const q of ["CREATE (:X)", "MATCH (p) SET p.x = 1", "MATCH (p) DELETE p", "MERGE (:X)", "MATCH (p) REMOVE p.name"]) {
    expect(await errorOf(s.r.call("GRAPH.RO_QUERY", "g", q)), q).toBe("graph.RO_QUERY is to be executed only on read-only queries");
  }
  expect(await rows(s.r, "g", "MATCH (n) RETURN count(n)")).toEqual([[5]]);
});
