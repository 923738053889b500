// Debian's redis-py graph client, unmodified (/usr/bin/python3, not the pyenv python on PATH): the
// compact replies it parses, ids it resolves through the db.* procedures, its params header, and the
// verbose statistics it reads.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";

// Their slow-log queries must run past 10 ms; on a loaded machine the default 1 s plugin budget cut them.
const s = useServer(["--plugin-call-budget-ms", "10000"], { flush: true });
const SCRIPT = join(import.meta.dirname, "redis-py-graph.py");

it("redis-py's graph client creates, queries, merges, updates and deletes a graph", async () => {
  const { stdout } = await promisify(execFile)("/usr/bin/python3", [SCRIPT, String(s.port)], { timeout: 60_000 });
  const out = JSON.parse(stdout);
  expect(out.commit).toEqual([2, 1, 5, 2]);
  expect(out.header).toEqual(["a", "k", "b", "b.name", "k.since", "[1, 2.5, 'x', true, null]", "{key: 'v'}", "null"]);
  expect(out.a).toEqual([0, ["Person"], { name: "Alice", age: 30 }]);
  expect(out.b).toEqual([1, ["Person", "Admin"], { name: 'Bob "the builder"', age: 25 }]);
  expect(out.k).toEqual([0, "KNOWS", 0, 1, { since: 2020 }]);
  expect(out.scalars).toEqual(['Bob "the builder"', 2020, [1, 2.5, "x", true, null], { key: "v" }, null]);
  expect(out.params).toEqual([['Bob "the builder"'], ["Alice"]]);
  expect(out.aggregates).toEqual([[2, 27.5, [30, 25]]]);
  expect(out.ro_error).toBe("graph.RO_QUERY is to be executed only on read-only queries");
  expect(out.path).toEqual([2, 1, "Alice", "KNOWS"]);
  expect(out.merge).toEqual([1, 0]);
  expect(out.set).toEqual([1, 1, ["Person", "Runner"]]);
  expect(out.delete).toEqual([1, 1]);
  expect(out.labels).toEqual(["Person", "Admin", "City", "Runner"]);
  expect(out.relationship_types).toEqual(["KNOWS"]);
  expect(out.property_keys).toEqual(["age", "name", "since"]); // redis-py writes a node's properties sorted
  expect(out.syntax_error).toMatch(/^errMsg: Invalid input .* line: 1, column: 10, offset: 9 errCtx: MATCH \(n RETURN n errCtxOffset: 9$/);
  expect(out.explain).toBe("Results\n    Project\n        Node By Label Scan | (n:Person)");
  expect(out.list).toEqual(["social"]);
  expect(out.deleted).toBe("OK");
  expect(out.list_after).toEqual([]);
});

it("redis-py's graph client reads GRAPH.CONFIG, GRAPH.SLOWLOG, GRAPH.PROFILE, index statistics, range lookups, map projections, relationship indexes, points, UNION and shortestPath", async () => {
  const script = join(import.meta.dirname, "redis-py-commands.py");
  const { stdout } = await promisify(execFile)("/usr/bin/python3", [script, String(s.port)], { timeout: 60_000 });
  const out = JSON.parse(stdout);
  expect(out.config_get).toEqual(["RESULTSET_SIZE", -1]);
  expect(out.config_set).toBe("OK");
  expect(out.config_after).toEqual(["RESULTSET_SIZE", 100]);
  expect(out.slowlog).toEqual([1, "GRAPH.QUERY", "UNWIND range(1, 50000) AS x RETURN count(x)"]);
  expect(out.profile).toEqual(["Results | Records produced: 3", "Project | Records produced: 3", "Node By Label Scan | (n:N) | Records produced: 3"]);
  expect(out.indices_created).toBe(1);
  expect(out.range).toEqual([[2], [3]]);
  expect(out.projection).toEqual([[{ i: 1, x: [1] }]]);
  expect(out.range_plan).toBe("Node By Index Scan | (n:N)");
  expect(out.union).toEqual([[1]]);
  expect(out.shortest).toEqual([3, 2, 1, 3]);
  expect(out.edge_index).toEqual([1, [[1]]]);
  const point = { latitude: 1.5, longitude: -2 };
  expect(out.point).toEqual([[point, { loc: point }]]);
});
