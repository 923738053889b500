// The two reply forms byte for byte on the wire (only the execution time varies): verbose, as
// GRAPH.QUERY answers by default, and compact (--compact), as client libraries ask for it; errors
// for malformed Cypher, after which the server goes on serving.
import { afterAll, beforeAll, expect, it } from "vitest";
import { RawConnection } from "../../../test/helpers/raw-resp.js";
import { useServer } from "../../../test/helpers/server.js";

const s = useServer([], { flush: true });
let raw: RawConnection;
beforeAll(async () => {
  raw = await RawConnection.open(s.port);
});
afterAll(() => raw?.close());

const TIME = /\$\d+\r\nQuery internal execution time: \d+\.\d{6} milliseconds\r\n$/;
/** UTF-8 text as the latin1 string RawConnection sends and receives (one char per byte). */
const utf8 = (s: string) => Buffer.from(s, "utf8").toString("latin1");
const bulk = (s: string) => `$${s.length}\r\n${s}\r\n`;
const E_ACUTE = utf8("é");

/** The reply's raw text with its last line, the execution time, replaced by <time>. */
async function send(...args: string[]): Promise<string> {
  const reply = await raw.send(args);
  expect(reply).toMatch(TIME);
  return reply.replace(TIME, "<time>");
}

/** The graph every test reads: two :L nodes and one :T edge; the reply to its CREATE. */
const seed = () => send("GRAPH.QUERY", "g", `CREATE (:L {p: 1.5})-[:T {w: '${E_ACUTE}'}]->(:L)`);

it("verbose: statistics alone for a query without RETURN", async () => {
  expect(await seed()).toBe(
    `*1\r\n*6\r\n${bulk("Labels added: 1")}${bulk("Nodes created: 2")}${bulk("Properties set: 2")}${bulk("Relationships created: 1")}${bulk("Cached execution: 0")}<time>`,
  );
});

it("verbose: header of names, rows of plain values (nodes and edges as name/value pairs)", async () => {
  await seed();
  const node = `*3\r\n*2\r\n${bulk("id")}:0\r\n*2\r\n${bulk("labels")}*1\r\n${bulk("L")}*2\r\n${bulk("properties")}*1\r\n*2\r\n${bulk("p")}${bulk("1.5")}`;
  const edge = `*5\r\n*2\r\n${bulk("id")}:0\r\n*2\r\n${bulk("type")}${bulk("T")}*2\r\n${bulk("src_node")}:0\r\n*2\r\n${bulk("dest_node")}:1\r\n*2\r\n${bulk("properties")}*1\r\n*2\r\n${bulk("w")}${bulk(E_ACUTE)}`;
  expect(await send("GRAPH.QUERY", "g", "MATCH (n:L)-[e]->() RETURN n, e, n.p, 'x', 7, true, null, [1, 'a'] AS l")).toBe(
    `*3\r\n*8\r\n${bulk("n")}${bulk("e")}${bulk("n.p")}${bulk("'x'")}${bulk("7")}${bulk("true")}${bulk("null")}${bulk("l")}` +
      `*1\r\n*8\r\n${node}${edge}${bulk("1.5")}${bulk("x")}:7\r\n${bulk("true")}$-1\r\n${bulk("[1, a]")}` +
      `*2\r\n${bulk("Cached execution: 0")}<time>`,
  );
});

it("compact: [1, name] columns and [type, value] cells, with label, type and property ids", async () => {
  await seed();
  const node = `*2\r\n:8\r\n*3\r\n:0\r\n*1\r\n:0\r\n*1\r\n*3\r\n:0\r\n:5\r\n${bulk("1.5")}`;
  const edge = `*2\r\n:7\r\n*5\r\n:0\r\n:0\r\n:0\r\n:1\r\n*1\r\n*3\r\n:1\r\n:2\r\n${bulk(E_ACUTE)}`;
  expect(await send("GRAPH.QUERY", "g", "MATCH (n:L)-[e]->() RETURN n, e, 7, null, [true], {k: 0.1}", "--compact")).toBe(
    `*3\r\n*6\r\n*2\r\n:1\r\n${bulk("n")}*2\r\n:1\r\n${bulk("e")}*2\r\n:1\r\n${bulk("7")}*2\r\n:1\r\n${bulk("null")}*2\r\n:1\r\n${bulk("[true]")}*2\r\n:1\r\n${bulk("{k: 0.1}")}` +
      `*1\r\n*6\r\n${node}${edge}*2\r\n:3\r\n:7\r\n*2\r\n:1\r\n$-1\r\n*2\r\n:6\r\n*1\r\n*2\r\n:4\r\n${bulk("true")}*2\r\n:10\r\n*2\r\n${bulk("k")}*2\r\n:5\r\n${bulk("0.1")}` +
      `*2\r\n${bulk("Cached execution: 0")}<time>`,
  );
  expect(await send("GRAPH.QUERY", "g", "CALL db.propertyKeys()", "--compact")).toBe(
    `*3\r\n*1\r\n*2\r\n:1\r\n${bulk("propertyKey")}*2\r\n*1\r\n*2\r\n:2\r\n${bulk("p")}*1\r\n*2\r\n:2\r\n${bulk("w")}*2\r\n${bulk("Cached execution: 0")}<time>`,
  );
});

it("doubles reply as %.15g; an empty result has the header and no rows", async () => {
  const reply = await send("GRAPH.QUERY", "g", "RETURN 0.1 + 0.2, 1e20, 1.0, -2.5e-7, 1/3.0");
  expect(reply).toContain(`*1\r\n*5\r\n${bulk("0.3")}${bulk("1e+20")}${bulk("1")}${bulk("-2.5e-07")}${bulk("0.333333333333333")}`);
  expect(await send("GRAPH.QUERY", "g", "MATCH (n:Missing) RETURN n")).toBe(`*3\r\n*1\r\n${bulk("n")}*0\r\n*2\r\n${bulk("Cached execution: 0")}<time>`);
});

it("malformed Cypher is a clear error; the graph and the server are untouched", async () => {
  await seed();
  const errors: [string, RegExp | string][] = [
    ["MATCH (n RETURN n", /^-errMsg: Invalid input 'R': expected '\)' line: 1, column: 10, offset: 9 errCtx: MATCH \(n RETURN n errCtxOffset: 9\r\n$/],
    ["MATCH (n) RETURN n.", /^-errMsg: Invalid input end of input: expected a property name line: 1, column: 20/],
    ["RETURN 'unterminated", /^-errMsg: Invalid input ''': unterminated string literal line: 1, column: 8/],
    ["FOO (n)", /^-errMsg: Invalid input 'F': expected a clause/],
    ["", "-Error: empty query.\r\n"],
    ["MATCH (n)", "-Query cannot conclude with MATCH (must be a RETURN clause, an update clause, a procedure call or a non-returning subquery)\r\n"],
    ["RETURN 1 MATCH (n) RETURN n", "-Unexpected clause following RETURN\r\n"],
    ["MATCH (n) RETURN nope(n)", "-Unknown function 'nope'\r\n"],
    ["MATCH (n) RETURN m", "-'m' not defined\r\n"],
    ["MATCH (n) WHERE count(n) > 1 RETURN n", "-Invalid use of aggregating function 'count'\r\n"],
    ["RETURN 1 + 'a' * 2", "-Type mismatch: expected Integer, Float, or Null but was String\r\n"],
    ["CREATE (a)-[:R]-(b)", "-Only directed relationships are supported in CREATE\r\n"],
    ["CALL db.nothing()", "-Procedure `db.nothing` is not registered\r\n"],
    ["RETURN 9223372036854775808", "-Integer overflow '9223372036854775808'\r\n"],
    ["MATCH (n) RETURN n; MATCH (m) RETURN m", "-Error: query with more than one statement is not supported.\r\n"],
  ];
  for (const [q, error] of errors) {
    const reply = await raw.send(["GRAPH.QUERY", "g", q]);
    if (typeof error === "string") expect(reply, q).toBe(error);
    else expect(reply, q).toMatch(error);
  }
  expect(await raw.send(["GRAPH.QUERY", "g", "RETURN '\xe9'"])).toBe("-Invalid UTF8 string\r\n");
  expect(await raw.send(["GRAPH.QUERY", "g", "CREATE (:X)", "timeout", "x"])).toBe("-Failed to parse query timeout value\r\n");
  expect(await raw.send(["GRAPH.RO_QUERY", "g", "MATCH (n) SET n.x = 1"])).toBe("-graph.RO_QUERY is to be executed only on read-only queries\r\n");
  expect(await s.r.call("GRAPH.QUERY", "g", "MATCH (n) RETURN count(n)")).toEqual([["count(n)"], [[2]], expect.any(Array)]);
  expect(await s.r.ping()).toBe("PONG");
});

it("TIMEOUT fails a long query cleanly; the CPU budget bounds one without TIMEOUT", async () => {
  await seed();
  expect(await raw.send(["GRAPH.QUERY", "g", "UNWIND range(1, 100000000) AS x RETURN count(x)", "timeout", "5"])).toBe("-Query timed out\r\n");
  // Wall time from the query's start (host API 1.6's clock_us), as FalkorDB: not before the deadline.
  const started = performance.now();
  expect(await raw.send(["GRAPH.QUERY", "g", "UNWIND range(1, 100000000) AS x RETURN count(x)", "timeout", "300"])).toBe("-Query timed out\r\n");
  const tookMs = performance.now() - started;
  expect(tookMs).toBeGreaterThanOrEqual(300);
  expect(tookMs).toBeLessThan(5000);
  const budget = await raw.send(["GRAPH.QUERY", "g", "UNWIND range(1, 1000000000) AS x RETURN count(x)"], undefined);
  expect(budget).toMatch(/^-ERR plugin 'graph' exceeded its CPU budget of \d+ ms\r\n$/);
  expect(await s.r.call("GRAPH.QUERY", "g", "MATCH (n) RETURN count(n)")).toEqual([["count(n)"], [[2]], expect.any(Array)]);
});

it("reports the query's own execution time, read on the host's fresh clock", async () => {
  const started = performance.now();
  // Small enough to finish well inside the CPU budget on a loaded machine (≈3 µs per item at load 14).
  const reply = await raw.send(["GRAPH.QUERY", "g", "UNWIND range(1, 20000) AS x RETURN count(x)"]);
  const roundTripMs = performance.now() - started;
  expect(reply).toMatch(/^\*3\r\n/);
  const ms = Number(/Query internal execution time: (\d+\.\d{6}) milliseconds/.exec(reply)?.[1]);
  expect(ms).toBeGreaterThan(0);
  expect(ms).toBeLessThanOrEqual(roundTripMs);
});
