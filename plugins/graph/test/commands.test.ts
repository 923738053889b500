// GRAPH.CONFIG, GRAPH.SLOWLOG, GRAPH.COPY, GRAPH.MEMORY USAGE and GRAPH.PROFILE on the wire, with
// FalkorDB's reply shapes and error texts.
import { afterEach, expect, it, vi } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { query, rows } from "./helpers.js";

vi.setConfig({ testTimeout: 60_000 });

// Their slow-log queries must run past 10 ms; on a loaded machine the default 1 s plugin budget cut them.
const s = useServer(["--plugin-call-budget-ms", "10000"], { flush: true });
const config = (...args: (string | number)[]) => s.r.call("GRAPH.CONFIG", ...args);
/** A read long enough for the slow log's 10 ms floor even on a quiet machine. */
const SLOW = "UNWIND range(1, 50000) AS x RETURN count(x)";

afterEach(async () => {
  // The configs are the server's, not a key's: put back the defaults the other tests expect.
  await config("SET", "TIMEOUT_DEFAULT", 0, "TIMEOUT_MAX", 0, "RESULTSET_SIZE", -1);
});

it("GRAPH.CONFIG GET answers [name, value] for a field (any case) and every field for *", async () => {
  expect(await config("GET", "timeout")).toEqual(["TIMEOUT", 0]);
  expect(await config("GET", "RESULTSET_SIZE")).toEqual(["RESULTSET_SIZE", -1]);
  expect(await config("GET", "ASYNC_DELETE")).toEqual(["ASYNC_DELETE", 1]);
  const all = (await config("GET", "*")) as [string, number][];
  expect(all.map(([name]) => name)).toEqual([
    "TIMEOUT", "TIMEOUT_DEFAULT", "TIMEOUT_MAX", "CACHE_SIZE", "ASYNC_DELETE", "OMP_THREAD_COUNT", "THREAD_COUNT",
    "RESULTSET_SIZE", "VKEY_MAX_ENTITY_COUNT", "MAX_QUEUED_QUERIES", "QUERY_MEM_CAPACITY", "DELTA_MAX_PENDING_CHANGES",
    "NODE_CREATION_BUFFER", "CMD_INFO", "MAX_INFO_QUERIES", "EFFECTS_THRESHOLD", "BOLT_PORT",
  ]);
  expect(await errorOf(config("GET", "NOPE"))).toBe("Unknown configuration field");
  expect(await errorOf(config("FETCH", "TIMEOUT"))).toBe("Unknown subcommand for GRAPH.CONFIG");
  expect(await errorOf(config("GET", "TIMEOUT", "x"))).toMatch(/^ERR wrong number of arguments/);
});

it("GRAPH.CONFIG SET checks every pair before applying any, with FalkorDB's errors", async () => {
  expect(await config("SET", "TIMEOUT_DEFAULT", 100, "RESULTSET_SIZE", 5)).toBe("OK");
  expect(await config("GET", "TIMEOUT_DEFAULT")).toEqual(["TIMEOUT_DEFAULT", 100]);
  expect(await rows(s.r, "g", "UNWIND range(1, 10) AS x RETURN x")).toEqual([[1], [2], [3], [4], [5]]);
  expect(await errorOf(config("SET", "TIMEOUT_MAX", 50))).toBe("TIMEOUT_MAX configuration parameter cannot be set to a value lower than TIMEOUT_DEFAULT");
  expect(await errorOf(config("SET", "TIMEOUT", 5))).toBe("The TIMEOUT configuration parameter is deprecated. Please set TIMEOUT_MAX and TIMEOUT_DEFAULT instead");
  expect(await errorOf(config("SET", "THREAD_COUNT", 4))).toBe("This configuration parameter cannot be set at run-time");
  expect(await errorOf(config("SET", "NOPE", 1))).toBe("Unknown configuration field");
  // the second pair is bad: the first is not applied either
  expect(await errorOf(config("SET", "RESULTSET_SIZE", 7, "CACHE_SIZE", "x"))).toBe("This configuration parameter cannot be set at run-time");
  expect(await errorOf(config("SET", "RESULTSET_SIZE", 7, "TIMEOUT_MAX", "ten"))).toBe("Failed to set config value TIMEOUT_MAX to ten");
  expect(await config("GET", "RESULTSET_SIZE")).toEqual(["RESULTSET_SIZE", 5]);
  expect(await config("SET", "RESULTSET_SIZE", -20)).toBe("OK");
  expect(await config("GET", "RESULTSET_SIZE")).toEqual(["RESULTSET_SIZE", -1]);
  expect(await errorOf(config("SET", "TIMEOUT_DEFAULT"))).toMatch(/^ERR wrong number of arguments/);
});

it("TIMEOUT_DEFAULT bounds a query without TIMEOUT; a TIMEOUT above TIMEOUT_MAX is refused", async () => {
  expect(await config("SET", "TIMEOUT_DEFAULT", 5)).toBe("OK");
  expect(await errorOf(query(s.r, "g", "UNWIND range(1, 100000000) AS x RETURN count(x)"))).toBe("Query timed out");
  expect(await config("SET", "TIMEOUT_DEFAULT", 0, "TIMEOUT_MAX", 1000)).toBe("OK");
  expect(await errorOf(query(s.r, "g", "RETURN 1", "TIMEOUT", "1001"))).toBe(
    "The query TIMEOUT parameter value cannot exceed the TIMEOUT_MAX configuration parameter value",
  );
  expect(await rows(s.r, "g", "RETURN 1")).toEqual([[1]]);
});

it("GRAPH.SLOWLOG lists queries of 10 ms or more once each, with their parameters; RESET empties it", async () => {
  await query(s.r, "g", "CREATE ()");
  expect(await s.r.call("GRAPH.SLOWLOG", "g")).toEqual([]);
  await query(s.r, "g", SLOW);
  await query(s.r, "g", SLOW);
  await query(s.r, "g", "RETURN 1"); // fast: not logged
  await query(s.r, "g", `CYPHER n=50000 UNWIND range(1, $n) AS x RETURN count(x)`);
  const log = (await s.r.call("GRAPH.SLOWLOG", "g")) as [string, string, string, string | null, string][];
  expect(log.length).toBe(2);
  const [time, command, text, params, latency] = log[0];
  expect(Math.abs(Number(time) - Date.now() / 1000)).toBeLessThan(120);
  expect([command, text, params]).toEqual(["GRAPH.QUERY", SLOW, null]);
  expect(Number(latency)).toBeGreaterThanOrEqual(10);
  expect(log[1].slice(1, 4)).toEqual(["GRAPH.QUERY", "UNWIND range(1, $n) AS x RETURN count(x)", "CYPHER n=50000 UNWIND range(1, $n) AS x RETURN count(x)"]);
  expect(await s.r.call("GRAPH.SLOWLOG", "g", "reset")).toBe("OK");
  expect(await s.r.call("GRAPH.SLOWLOG", "g")).toEqual([]);
  expect(await errorOf(s.r.call("GRAPH.SLOWLOG", "g", "clear"))).toBe("Unknown subcommand");
  expect(await errorOf(s.r.call("GRAPH.SLOWLOG", "missing"))).toBe("ERR Invalid graph operation on empty key");
  // the log goes with the graph
  await query(s.r, "h", SLOW);
  await s.r.del("h");
  await query(s.r, "h", "RETURN 1");
  expect(await s.r.call("GRAPH.SLOWLOG", "h")).toEqual([]);
});

it("GRAPH.COPY makes an independent graph; it refuses an existing destination and a missing source", async () => {
  await query(s.r, "g", "CREATE (:P {name: 'a'})-[:K {w: 1}]->(:P {name: 'b'})");
  expect(await s.r.call("GRAPH.COPY", "g", "c")).toBe("OK");
  const all = "MATCH (a)-[k]->(b) RETURN id(a), a.name, type(k), k.w, id(b), b.name";
  expect(await rows(s.r, "c", all)).toEqual(await rows(s.r, "g", all));
  await query(s.r, "c", "MATCH (p:P {name: 'a'}) SET p.name = 'z'");
  expect(await rows(s.r, "g", "MATCH (p:P) RETURN p.name ORDER BY p.name")).toEqual([["a"], ["b"]]);
  expect(await errorOf(s.r.call("GRAPH.COPY", "g", "c"))).toBe("destination key already exists");
  await s.r.set("str", "x");
  expect(await errorOf(s.r.call("GRAPH.COPY", "g", "str"))).toBe("destination key already exists");
  expect(await errorOf(s.r.call("GRAPH.COPY", "missing", "d"))).toBe("ERR Invalid graph operation on empty key");
  expect(await s.r.exists("d")).toBe(0);
});

it("GRAPH.MEMORY USAGE answers FalkorDB's six components in MB", async () => {
  await query(s.r, "g", "CREATE (:P)-[:K]->(:P)");
  expect(await s.r.call("GRAPH.MEMORY", "USAGE", "g")).toEqual([
    "total_graph_sz_mb", 0, "label_matrices_sz_mb", 0, "relation_matrices_sz_mb", 0,
    "amortized_node_storage_sz_mb", 0, "amortized_edge_storage_sz_mb", 0, "indices_sz_mb", 0,
  ]);
  // about 3 MB of node properties, 1.2 MB of edge properties, more than 1 MB of adjacency
  for (let batch = 0; batch < 4; batch++) {
    await query(s.r, "g", `UNWIND range(1, 5000) AS i CREATE (:N {s: '${"x".repeat(100)}'})-[:E {s: '${"y".repeat(40)}'}]->(:M)`);
  }
  const reply = (await s.r.call("GRAPH.MEMORY", "USAGE", "g", "SAMPLES", "10")) as (string | number)[];
  const m = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [reply[2 * i], reply[2 * i + 1] as number]));
  expect(m.amortized_node_storage_sz_mb).toBeGreaterThanOrEqual(2);
  expect(m.amortized_edge_storage_sz_mb).toBeGreaterThanOrEqual(1);
  expect(m.relation_matrices_sz_mb).toBeGreaterThanOrEqual(1);
  expect(m.total_graph_sz_mb).toBe(m.label_matrices_sz_mb + m.relation_matrices_sz_mb + m.amortized_node_storage_sz_mb + m.amortized_edge_storage_sz_mb + m.indices_sz_mb);
  expect(m.total_graph_sz_mb).toBeLessThanOrEqual(Math.ceil(((await s.r.call("MEMORY", "USAGE", "g")) as number) / 2 ** 20));
  expect(await errorOf(s.r.call("GRAPH.MEMORY", "SIZE", "g"))).toBe("ERR unknown subcommand 'SIZE'. expecting GRAPH.MEMORY USAGE <key>");
  expect(await errorOf(s.r.call("GRAPH.MEMORY", "USAGE", "g", "COUNT", "1"))).toBe("ERR unknown subcommand 'COUNT'. expecting GRAPH.MEMORY USAGE <key> SAMPLES <x>");
  expect(await errorOf(s.r.call("GRAPH.MEMORY", "USAGE", "g", "SAMPLES", "-1"))).toBe("SAMPLES must be a non-negative integer");
  expect(await errorOf(s.r.call("GRAPH.MEMORY", "USAGE", "missing"))).toBe("ERR Invalid graph operation on empty key");
});

it("GRAPH.PROFILE runs the query and replies its plan with records produced and execution times", async () => {
  await query(s.r, "g", "CREATE (:L {p: 1})-[:T]->(:L {p: 2}), (:L {p: 3}), (:M)");
  const lines = (await s.r.call("GRAPH.PROFILE", "g", "MATCH (a:L)-[:T]->(b) RETURN a.p ORDER BY a.p")) as string[];
  const PROFILED = / \| Records produced: (\d+), Execution time: (\d+\.\d{6}) ms$/;
  expect(lines.map((l) => l.replace(PROFILED, " | $1"))).toEqual([
    "Results | 1",
    "    Sort | 1",
    "        Project | 1",
    "            Conditional Traverse | (a:L)-[:T]->(b) | 1",
    "                Node By Label Scan | (a:L) | 3",
  ]);
  // times are cumulative: an operation's includes those below it
  const times = lines.map((l) => Number(PROFILED.exec(l)![2]));
  for (let i = 1; i < times.length; i++) expect(times[i - 1]).toBeGreaterThanOrEqual(times[i]);
  // a write runs for real
  const create = (await s.r.call("GRAPH.PROFILE", "g", "UNWIND range(1, 4) AS i CREATE (:Z {i: i})")) as string[];
  expect(create.map((l) => l.replace(PROFILED, " | $1"))).toEqual(["Create | 4", "    Unwind | 4"]);
  expect(await rows(s.r, "g", "MATCH (z:Z) RETURN count(z)")).toEqual([[4]]);
  expect(await errorOf(s.r.call("GRAPH.PROFILE", "g", "MATCH (n RETURN n"))).toMatch(/^errMsg: /);
});
