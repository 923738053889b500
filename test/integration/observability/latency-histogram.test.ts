// LATENCY HISTOGRAM: which commands it names (all, a subset, subcommands, unknown names skipped), each
// one's calls and cumulative power-of-two steps, CONFIG RESETSTAT clearing them, latency-tracking no
// stopping them, and the RESP3 maps. Runs against redis-server too (TEST_AGAINST=redis).
import { expect, it } from "vitest";
import { useServer } from "../../helpers/server.js";
import { RawConnection } from "../../helpers/raw-resp.js";

const server = useServer();

type Histograms = Record<string, { calls: number; histogram_usec: Record<string, number> }>;

/** The RESP2 reply (flat arrays) as maps. */
async function histograms(...commands: string[]): Promise<Histograms> {
  const flat = (await server.r.call("latency", "histogram", ...commands)) as unknown[];
  const out: Histograms = {};
  for (let i = 0; i < flat.length; i += 2) {
    const [, calls, , steps] = flat[i + 1] as [string, number, string, number[]];
    const histogram_usec: Record<string, number> = {};
    for (let j = 0; j < steps.length; j += 2) histogram_usec[steps[j]] = steps[j + 1];
    out[flat[i] as string] = { calls, histogram_usec };
  }
  return out;
}

/** HdrHistogram's steps at 2 significant digits from 1024 ns, in microseconds, as Redis prints them. */
const STEP_LABELS = new Set(Array.from({ length: 40 }, (_, k) => Math.floor((1032 * 2 ** k - 1) / 1000)));

it("counts every command since CONFIG RESETSTAT, RESETSTAT's own call first", async () => {
  await server.r.config("RESETSTAT");
  expect(Object.keys(await histograms())).toEqual(["config|resetstat"]);
  await server.r.config("RESETSTAT");
  await server.r.set("a", "b");
  await server.r.set("c", "d");
  await server.r.hset("h", "f", "v");
  const all = await histograms();
  expect(Object.keys(all).sort()).toEqual(["config|resetstat", "hset", "set"]);
  expect(all.set.calls).toBe(2);
  expect(all.hset.calls).toBe(1);
  // Steps are HdrHistogram's, counts cumulative and ending at the calls.
  const steps = Object.entries(all.set.histogram_usec).map(([us, n]) => [Number(us), n]).sort((x, y) => x[0] - y[0]);
  for (const [us] of steps) expect(STEP_LABELS).toContain(us);
  for (let i = 1; i < steps.length; i++) expect(steps[i][1]).toBeGreaterThan(steps[i - 1][1]);
  expect(steps.at(-1)![1]).toBe(2);
});

it("names a subset: unknown names are skipped, a container shows its subcommands, `container|sub` one of them", async () => {
  await server.r.config("RESETSTAT");
  await server.r.call("client", "id");
  await server.r.call("client", "list");
  await server.r.get("a");
  expect(Object.keys(await histograms("nosuch", "get", "zadd", "set"))).toEqual(["get"]);
  expect(Object.keys(await histograms("client")).sort()).toEqual(["client|id", "client|list"]);
  expect(Object.keys(await histograms("CLIENT|ID"))).toEqual(["client|id"]);
  expect(await histograms("nosuch")).toEqual({});
});

it("answers maps in RESP3, and nothing more while latency-tracking is off", async () => {
  await server.r.config("RESETSTAT");
  await server.r.config("SET", "latency-tracking", "no");
  try {
    await server.r.set("a", "b");
    expect(await histograms("set")).toEqual({});
  } finally {
    await server.r.config("SET", "latency-tracking", "yes");
  }
  await server.r.set("a", "b");
  const c = await RawConnection.open(server.port);
  try {
    await c.send(["HELLO", "3"]);
    expect(await c.send(["LATENCY", "HISTOGRAM", "set"])).toMatch(/^%1\r\n\$3\r\nset\r\n%2\r\n\$5\r\ncalls\r\n:1\r\n\$14\r\nhistogram_usec\r\n%1\r\n:\d+\r\n:1\r\n$/);
  } finally {
    c.close();
  }
});
