// FT.PROFILE SEARCH|AGGREGATE [LIMITED] QUERY …: the command's own reply, then RediSearch 2.8's profile
// (times, the iterators with their counters, the result processors), in RESP2 and RESP3, through
// node-redis and redis-py unmodified.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { createClient } from "redis";
import { afterAll, beforeAll, expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";

const server = useServer();
let c: ReturnType<typeof createClient>;
let c3: ReturnType<typeof createClient>;

beforeAll(async () => {
  const r = server.r;
  await r.hset("p:1", { body: "hello world", t: "red", n: "3" });
  await r.hset("p:2", { body: "hello there", t: "blue", n: "7" });
  await r.hset("p:3", { body: "goodbye", t: "red", n: "30" });
  await r.call("FT.CREATE", "pi", "PREFIX", "1", "p:", "SCHEMA", "body", "TEXT", "t", "TAG", "n", "NUMERIC");
  c = createClient({ socket: { port: server.port } });
  c3 = createClient({ socket: { port: server.port }, RESP: 3, unstableResp3: true });
  await c.connect();
  await c3.connect();
});

afterAll(async () => {
  await c?.quit();
  await c3?.quit();
});

/** [name, value…] entries of a RESP2 profile as a record of their first values (the rest kept as arrays). */
function entries(profile: unknown[]): Record<string, unknown> {
  return Object.fromEntries((profile as unknown[][]).map((e) => [e[0], e.length === 2 ? e[1] : e.slice(1)]));
}

/** A flat [key, value…] iterator or processor entry, its times zeroed (they vary). */
function flat(entry: unknown[]): unknown[] {
  return entry.map((v, i) => (entry[i - 1] === "Time" ? 0 : Array.isArray(v) ? flat(v) : v));
}

it("profiles a search: its reply, then the iterators with their counters and the processors", async () => {
  const reply = (await server.r.call("FT.PROFILE", "pi", "SEARCH", "QUERY", "hello -world @t:{red|blue} @n:[1 10]", "NOCONTENT")) as unknown[];
  expect(reply[0]).toEqual([1, "p:2"]);
  const profile = entries(reply[1] as unknown[]);
  expect(Object.keys(profile)).toEqual(["Total profile time", "Parsing time", "Pipeline creation time", "Iterators profile", "Result processors profile"]);
  expect(Number(profile["Total profile time"])).toBeGreaterThanOrEqual(0);
  expect(flat(profile["Iterators profile"] as unknown[])).toEqual([
    "Type", "INTERSECT", "Time", 0, "Counter", 1, "Child iterators",
    ["Type", "TEXT", "Term", "hello", "Time", 0, "Counter", 2, "Size", 2],
    ["Type", "NOT", "Time", 0, "Counter", 0, "Child iterator", ["Type", "TEXT", "Term", "world", "Time", 0, "Counter", 1, "Size", 1]],
    ["Type", "UNION", "Query type", "TAG", "Time", 0, "Counter", 3, "Child iterators",
      ["Type", "TAG", "Term", "red", "Time", 0, "Counter", 2, "Size", 2], ["Type", "TAG", "Term", "blue", "Time", 0, "Counter", 1, "Size", 1]],
    ["Type", "NUMERIC", "Term", "1 - 10", "Time", 0, "Counter", 2, "Size", 2],
  ]);
  expect((profile["Result processors profile"] as unknown[][]).map(flat)).toEqual([
    ["Type", "Index", "Time", 0, "Counter", 1],
    ["Type", "Scorer", "Time", 0, "Counter", 1],
    ["Type", "Sorter", "Time", 0, "Counter", 1],
    ["Type", "Loader", "Time", 0, "Counter", 1],
  ]);
});

it("LIMITED counts a prefix's readers instead of listing them; AGGREGATE lists its steps", async () => {
  const limited = (await server.r.call("FT.PROFILE", "pi", "SEARCH", "LIMITED", "QUERY", "hel*")) as unknown[];
  expect(flat(entries(limited[1] as unknown[])["Iterators profile"] as unknown[])).toEqual([
    "Type", "UNION", "Query type", "PREFIX - hel", "Time", 0, "Counter", 2, "Child iterators", "The number of iterators in the union is 1",
  ]);
  const agg = (await server.r.call("FT.PROFILE", "pi", "AGGREGATE", "QUERY", "@t:{red}", "GROUPBY", "1", "@t", "REDUCE", "COUNT", "0", "AS", "c")) as unknown[];
  expect(agg[0]).toEqual([1, ["t", "red", "c", "2"]]);
  expect((entries(agg[1] as unknown[])["Result processors profile"] as unknown[][]).map(flat)).toEqual([
    ["Type", "Index", "Time", 0, "Counter", 2],
    ["Type", "Grouper", "Time", 0, "Counter", 1],
    ["Type", "Loader", "Time", 0, "Counter", 1],
  ]);
});

it("answers node-redis's profileSearch/profileAggregate and RESP3's map, and refuses bad forms", async () => {
  const s = (await c.ft.profileSearch("pi", "hello", { LIMIT: { from: 0, size: 1 } })) as unknown as { results: { total: number }; profile: unknown[] };
  expect(s.results.total).toBe(2);
  expect(entries(s.profile)["Parsing time"]).toBeDefined();
  const a = (await c.ft.profileAggregate("pi", "*")) as unknown as { results: { total: number } };
  expect(a.results.total).toBe(3);
  const m = (await c3.sendCommand(["FT.PROFILE", "pi", "SEARCH", "QUERY", "goodbye"])) as Record<string, Record<string, unknown>>;
  expect(m.Results.total_results).toBe(1);
  expect(Object.keys(m.Profile)).toEqual(["Total profile time", "Parsing time", "Pipeline creation time", "Warning", "Iterators profile", "Result processors profile"]);
  expect(m.Profile.Warning).toBe("None");
  expect(m.Profile["Iterators profile"]).toEqual([expect.objectContaining({ Type: "TEXT", Term: "goodbye", Counter: 1, Size: 1 })]);
  await expect(server.r.call("FT.PROFILE", "pi", "SEARCHX", "QUERY", "x")).rejects.toThrow("No `SEARCH` or `AGGREGATE` provided");
  await expect(server.r.call("FT.PROFILE", "pi", "SEARCH", "LIMITED", "x")).rejects.toThrow("The QUERY keyword is expected");
  await expect(server.r.call("FT.PROFILE", "nope", "SEARCH", "QUERY", "x")).rejects.toThrow("nope: no such index");
});

it("serves redis-py's ft().profile", async () => {
  const script = [
    "import json, sys, redis",
    "from redis.commands.search.query import Query",
    "r = redis.Redis(port=int(sys.argv[1]), decode_responses=True)",
    "res, det = r.ft('pi').profile(Query('hello'))",
    "print(json.dumps({'total': res.total, 'keys': sorted(det.keys()), 'iter': det['Iterators profile']}))",
  ].join("\n");
  const { stdout } = await promisify(execFile)("/usr/bin/python3", ["-c", script, String(server.port)]);
  const out = JSON.parse(stdout);
  expect(out.total).toBe(2);
  expect(out.keys).toEqual(["Iterators profile", "Parsing time", "Pipeline creation time", "Result processors profile", "Total profile time"]);
  expect(out.iter).toMatchObject({ Type: "TEXT", Term: "hello", Counter: 2, Size: 2 });
});
