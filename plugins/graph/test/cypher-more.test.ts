// UNION / UNION ALL, list and pattern comprehensions, pattern predicates, shortestPath and
// allShortestPaths, FOREACH: results and FalkorDB's errors, in the verbose form.
import { beforeEach, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { query, rows, stats } from "./helpers.js";

const s = useServer([], { flush: true });

// a -> b -> c -> d, a -> e -> d, a -> f -> d, and b -[:S]-> a
beforeEach(async () => {
  await query(
    s.r,
    "g",
    "CREATE (a:P {n: 'a'})-[:R]->(b:P {n: 'b'})-[:R]->(c:P {n: 'c'})-[:R]->(d:P {n: 'd'}), (a)-[:R]->(:P {n: 'e'})-[:R]->(d), (a)-[:R]->(:P {n: 'f'})-[:R]->(d), (b)-[:S]->(a)",
  );
});

it("UNION removes duplicate rows, UNION ALL keeps them; parts must agree", async () => {
  expect(await rows(s.r, "g", "RETURN 1 AS x UNION RETURN 1 AS x UNION RETURN 2 AS x")).toEqual([[1], [2]]);
  expect(await rows(s.r, "g", "RETURN 1 AS x UNION ALL RETURN 1 AS x")).toEqual([[1], [1]]);
  expect(await rows(s.r, "g", "MATCH (n:P {n: 'a'}) RETURN n.n AS v UNION MATCH (n:P {n: 'd'}) RETURN n.n AS v")).toEqual([["a"], ["d"]]);
  expect(await errorOf(query(s.r, "g", "RETURN 1 AS x UNION RETURN 1 AS y"))).toBe("All sub queries in a UNION must have the same column names.");
  expect(await errorOf(query(s.r, "g", "RETURN 1 AS x UNION RETURN 1 AS x UNION ALL RETURN 1 AS x"))).toBe("Invalid combination of UNION and UNION ALL.");
  expect(await stats(s.r, "g", "CREATE (:U) RETURN 1 AS x UNION CREATE (:U) RETURN 1 AS x")).toEqual(["Labels added: 1", "Nodes created: 2"]);
});

it("list comprehensions filter and map; pattern comprehensions collect over matches", async () => {
  expect(await rows(s.r, "g", "RETURN [x IN range(1, 6) WHERE x % 2 = 0 | x * 10] AS a, [x IN [1, 2]] AS b, [x IN null | x] AS c")).toEqual([
    ["[20, 40, 60]", "[1, 2]", null],
  ]);
  expect(await rows(s.r, "g", "MATCH (a:P {n: 'a'}) RETURN [(a)-[:R]->(x) WHERE x.n <> 'e' | x.n] AS out")).toEqual([["[b, f]"]]);
  expect(await errorOf(query(s.r, "g", "RETURN [x IN [1] | y]"))).toBe("'y' not defined");
});

it("pattern predicates in WHERE, with NOT and exists()", async () => {
  expect(await rows(s.r, "g", "MATCH (x:P) WHERE (x)-[:S]->() RETURN x.n")).toEqual([["b"]]);
  expect(await rows(s.r, "g", "MATCH (x:P) WHERE NOT (x)-[:R]->() RETURN x.n")).toEqual([["d"]]);
  expect(await rows(s.r, "g", "MATCH (x:P) WHERE exists((x)<-[:R]-(:P {n: 'a'})) RETURN x.n ORDER BY x.n")).toEqual([["b"], ["e"], ["f"]]);
  expect(await rows(s.r, "g", "MATCH (x:P {n: 'c'}) RETURN (x)-[:R]->(), (x)<-[:S]-()")).toEqual([["true", "false"]]);
});

it("shortestPath in RETURN and allShortestPaths in MATCH, with FalkorDB's restrictions", async () => {
  const ends = "MATCH (a:P {n: 'a'}), (d:P {n: 'd'}) ";
  expect(await rows(s.r, "g", ends + "WITH shortestPath((a)-[:R*]->(d)) AS p RETURN length(p), [n IN nodes(p) | n.n][0]")).toEqual([[2, "a"]]);
  expect(await rows(s.r, "g", ends + "RETURN shortestPath((d)-[:R*]->(a))")).toEqual([[null]]);
  expect(await rows(s.r, "g", ends + "RETURN length(shortestPath((a)-[:R*..1]->(d)))")).toEqual([[null]]);
  expect(await rows(s.r, "g", ends + "MATCH p = allShortestPaths((a)-[:R*]->(d)) RETURN [n IN nodes(p) | n.n] AS names ORDER BY names")).toEqual([
    ["[a, e, d]"],
    ["[a, f, d]"],
  ]);
  expect(await errorOf(query(s.r, "g", ends + "RETURN shortestPath((a)-[:R*]-(d))"))).toBe("FalkorDB does not currently support undirected shortestPath traversals");
  expect(await errorOf(query(s.r, "g", ends + "MATCH p = shortestPath((a)-[:R*]->(d)) RETURN p"))).toBe(
    "FalkorDB currently only supports shortestPaths in WITH or RETURN clauses",
  );
  expect(await errorOf(query(s.r, "g", "MATCH p = allShortestPaths((a)-[:R*]->(d)) RETURN p"))).toBe("Source and destination must already be resolved to call allShortestPaths");
  expect(await errorOf(query(s.r, "g", ends + "RETURN allShortestPaths((a)-[:R*]->(d))"))).toBe("FalkorDB support allShortestPaths only in match clauses");
});

it("FOREACH runs its updating clauses per item, nested too; other clauses are refused", async () => {
  expect(await stats(s.r, "g", "FOREACH (i IN range(1, 3) | CREATE (:F {i: i}))")).toEqual(["Labels added: 1", "Nodes created: 3", "Properties set: 3"]);
  await query(s.r, "g", "MATCH (f:F) WITH collect(f) AS fs FOREACH (f IN fs | SET f.done = f.i * 2 FOREACH (j IN [1, 2] | CREATE (f)-[:H {j: j}]->(:G)))");
  expect(await rows(s.r, "g", "MATCH (f:F)-[h:H]->() RETURN f.i, f.done, count(h) ORDER BY f.i")).toEqual([
    [1, 2, 2],
    [2, 4, 2],
    [3, 6, 2],
  ]);
  expect(await errorOf(query(s.r, "g", "FOREACH (i IN [1] | MATCH (n) RETURN n)"))).toBe("Error: Only updating clauses may reside in FOREACH");
  // a failure inside FOREACH undoes the whole query
  expect(await errorOf(query(s.r, "g", "FOREACH (i IN [1, 0] | CREATE (:Z {v: 1 / i}))"))).toBe("Division by zero");
  expect(await rows(s.r, "g", "MATCH (z:Z) RETURN count(z)")).toEqual([[0]]);
});

it("percentileCont, percentileDisc, stDev and stDevP, as FalkorDB computes them", async () => {
  expect(await rows(s.r, "g", "UNWIND [10, 20, 30, 40] AS x RETURN percentileCont(x, 0.5), percentileDisc(x, 0.5), percentileCont(x, 1), percentileDisc(x, 0)")).toEqual([
    ["25", "20", "40", "10"],
  ]);
  const [[sample, population]] = await rows(s.r, "g", "UNWIND [2, 4, 4, 4, 5, 5, 7, 9] AS x RETURN stDev(x), stDevP(x)");
  expect([Number(sample).toFixed(6), population]).toEqual(["2.138090", "2"]);
  expect(await rows(s.r, "g", "UNWIND [1] AS x RETURN stDev(x), percentileCont(x, 0.3)")).toEqual([["0", "1"]]);
  expect(await errorOf(query(s.r, "g", "UNWIND [1] AS x RETURN percentileDisc(x, 1.5)"))).toBe(
    "Invalid input - '1.500000' is not a valid argument, must be a number in the range 0.0 to 1.0",
  );
  expect(await errorOf(query(s.r, "g", "UNWIND [1] AS x RETURN percentileDisc(x)"))).toBe("Received 1 arguments to function 'percentiledisc', expected at least 2");
});

it("GRAPH.EXPLAIN and GRAPH.PROFILE of a UNION show every part under Join (and Distinct for UNION)", async () => {
  const q = "MATCH (n:P {n: 'a'}) RETURN n.n AS v UNION MATCH (n:P)-[:R]->(m) WHERE m.n IN ['b', 'd'] RETURN n.n AS v";
  expect(await s.r.call("GRAPH.EXPLAIN", "g", q)).toEqual([
    "Results",
    "    Distinct",
    "        Join",
    "            Project",
    "                Node By Label Scan | (n:P)",
    "            Project",
    "                Filter",
    "                    Conditional Traverse | (n:P)-[:R]->(m)",
    "                        Node By Label Scan | (n:P)",
  ]);
  expect((await s.r.call("GRAPH.EXPLAIN", "g", "RETURN 1 AS x UNION ALL RETURN 2 AS x UNION ALL RETURN 3 AS x")) as string[]).toEqual([
    "Results",
    "    Join",
    "        Project",
    "        Project",
    "        Project",
  ]);
  const profile = ((await s.r.call("GRAPH.PROFILE", "g", q)) as string[]).map((l) => l.replace(/, Execution time: [0-9.]+ ms$/, ""));
  expect(profile).toEqual([
    "Results | Records produced: 4",
    "    Distinct | Records produced: 4",
    "        Join | Records produced: 5",
    "            Project | Records produced: 1",
    "                Node By Label Scan | (n:P) | Records produced: 1",
    "            Project | Records produced: 4",
    "                Filter | Records produced: 4",
    "                    Conditional Traverse | (n:P)-[:R]->(m) | Records produced: 7",
    "                        Node By Label Scan | (n:P) | Records produced: 6",
  ]);
});
