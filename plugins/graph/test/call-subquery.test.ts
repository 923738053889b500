// CALL {} subqueries: importing WITH, returning and updating subqueries, UNION inside, FalkorDB's errors,
// the write check of GRAPH.RO_QUERY and the plan's CallSubquery.
import { expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { query, rows, stats } from "./helpers.js";

const s = useServer([], { flush: true });

it("a returning subquery runs once per row and joins its rows to it", async () => {
  await query(s.r, "g", "CREATE (:P {n: 'a'})-[:R]->(:Q {v: 1}), (:P {n: 'b'})-[:R]->(:Q {v: 2}), (:P {n: 'b'})-[:R]->(:Q {v: 3}), (:P {n: 'c'})");
  expect(await rows(s.r, "g", "MATCH (p:P) CALL { WITH p MATCH (p)-[:R]->(q) RETURN sum(q.v) AS total } RETURN p.n, total ORDER BY p.n, total")).toEqual([
    ["a", 1], ["b", 2], ["b", 3], ["c", 0],
  ]);
  // rows the subquery does not return drop the incoming row
  expect(await rows(s.r, "g", "MATCH (p:P) CALL { WITH p MATCH (p)-[:R]->(q) RETURN q.v AS v } RETURN p.n, v ORDER BY v")).toEqual([
    ["a", 1], ["b", 2], ["b", 3],
  ]);
  // without an importing WITH the subquery sees nothing of the row, and still runs once per row
  expect(await rows(s.r, "g", "UNWIND [1, 2] AS x CALL { MATCH (q:Q) RETURN max(q.v) AS m } RETURN x, m")).toEqual([[1, 3], [2, 3]]);
  expect(await rows(s.r, "g", "UNWIND [1, 2] AS x CALL { WITH x RETURN x * 10 AS y UNION WITH x RETURN x AS y } RETURN x, y ORDER BY x, y")).toEqual([
    [1, 1], [1, 10], [2, 2], [2, 20],
  ]);
});

it("an updating subquery passes its rows on; RO_QUERY refuses one; EXPLAIN names it CallSubquery", async () => {
  expect(await stats(s.r, "g", "UNWIND range(1, 3) AS i CALL { WITH i CREATE (:N {i: i}) } RETURN count(i)")).toEqual(["Labels added: 1", "Nodes created: 3", "Properties set: 3"]);
  expect(await rows(s.r, "g", "MATCH (n:N) RETURN n.i ORDER BY n.i")).toEqual([[1], [2], [3]]);
  expect(await stats(s.r, "g", "MATCH (n:N) CALL { WITH n SET n.j = n.i * 2 }")).toEqual(["Properties set: 3"]);
  expect(await errorOf(s.r.call("GRAPH.RO_QUERY", "g", "MATCH (n:N) CALL { WITH n DELETE n }"))).toBe("graph.RO_QUERY is to be executed only on read-only queries");
  expect(await s.r.call("GRAPH.EXPLAIN", "g", "MATCH (n:N) CALL { WITH n SET n.j = 1 } RETURN n")).toEqual([
    "Results", "    Project", "        CallSubquery", "            Node By Label Scan | (n:N)",
  ]);
});

it("FalkorDB's errors for imports, outer names and a returning subquery at the end", async () => {
  const err = (q: string) => errorOf(query(s.r, "g", q));
  expect(await err("WITH 1 AS a CALL { WITH a + 1 AS b RETURN b } RETURN b")).toBe("WITH imports in CALL {} must consist of only simple references to outside variables");
  expect(await err("WITH 1 AS a CALL { RETURN a AS b } RETURN b")).toBe("'a' not defined");
  expect(await err("WITH 1 AS a CALL { RETURN 2 AS a } RETURN a")).toBe("Variable `a` already declared in outer scope");
  expect(await err("WITH 1 AS a CALL { WITH a RETURN a AS b }")).toBe(
    "Query cannot conclude with CALL SUBQUERY (must be a RETURN clause, an update clause, a procedure call or a non-returning subquery)",
  );
  expect(await err("CALL { RETURN 1 AS x")).toMatch(/^errMsg: Invalid input/);
});
