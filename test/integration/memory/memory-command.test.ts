// MEMORY USAGE for every built-in type (through the owning plugin's memory callback), its SAMPLES option
// and errors as Redis words them, MEMORY HELP/DOCTOR/PURGE/MALLOC-STATS/STATS. Also runs against redis-server.
import { expect, it } from "vitest";
import { errorOf, useServer } from "../../helpers/server.js";
import { against } from "../../helpers/target.js";

const server = useServer([], { flush: true });

const usage = (key: string, ...rest: string[]) => server.r.call("MEMORY", "USAGE", key, ...rest) as Promise<number | null>;

/** Writes `key` of one built-in type holding `n` elements of about 100 bytes. */
const TYPES: Record<string, (key: string, n: number) => Promise<unknown>> = {
  string: (k, n) => server.r.set(k, "x".repeat(100 * n)),
  hash: (k, n) => server.r.hset(k, Object.fromEntries(Array.from({ length: n }, (_, i) => [`field:${i}`, "v".repeat(100)]))),
  list: (k, n) => server.r.rpush(k, ...Array.from({ length: n }, (_, i) => `${i}:${"v".repeat(100)}`)),
  set: (k, n) => server.r.sadd(k, ...Array.from({ length: n }, (_, i) => `${i}:${"v".repeat(100)}`)),
  zset: (k, n) => server.r.zadd(k, ...Array.from({ length: n }, (_, i) => [i, `${i}:${"v".repeat(100)}`]).flat()),
  stream: async (k, n) => {
    for (let i = 0; i < n; i++) await server.r.xadd(k, "*", "field", "v".repeat(100));
  },
  hyperloglog: (k, n) => server.r.pfadd(k, ...Array.from({ length: n }, (_, i) => `element:${i}`)),
  geo: (k, n) => server.r.geoadd(k, ...Array.from({ length: n }, (_, i) => [13 + i / 1000, 52, `${i}:${"v".repeat(100)}`]).flat()),
};

for (const [type, write] of Object.entries(TYPES)) {
  it(`MEMORY USAGE of a ${type} grows with its contents`, async () => {
    await write(`small:${type}`, 1);
    await write(`big:${type}`, 500);
    const small = await usage(`small:${type}`);
    const big = await usage(`big:${type}`);
    expect(small).toBeGreaterThan(0);
    expect(big).toBeGreaterThan(small!);
    if (type !== "hyperloglog") expect(big).toBeGreaterThan(500 * 100); // a HyperLogLog is a fixed-size sketch
    expect(await usage(`big:${type}`, "SAMPLES", "0")).toBeGreaterThanOrEqual(big! * 0.5);
  });
}

it("MEMORY USAGE: null without the key, Redis's errors for SAMPLES", async () => {
  await server.r.set("k", "v");
  expect(await usage("missing")).toBeNull();
  expect(await usage("k", "SAMPLES", "10")).toBeGreaterThan(0);
  expect(await usage("k", "samples", "5", "SAMPLES", "0")).toBeGreaterThan(0);
  expect(await errorOf(usage("k", "SAMPLES"))).toBe("ERR syntax error");
  expect(await errorOf(usage("k", "SAMPLES", "-1"))).toBe("ERR syntax error");
  expect(await errorOf(usage("k", "SAMPLES", "x"))).toBe("ERR value is not an integer or out of range");
  expect(await errorOf(usage("k", "COUNT", "1"))).toBe("ERR syntax error");
  expect(await errorOf(server.r.call("MEMORY", "USAGE"))).toBe("ERR wrong number of arguments for 'memory|usage' command");
});

it("MEMORY HELP, DOCTOR, PURGE, MALLOC-STATS and unknown subcommands", async () => {
  const help = (await server.r.call("MEMORY", "HELP")) as string[];
  expect(help[0]).toBe("MEMORY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
  expect(help).toContain("USAGE <key> [SAMPLES <count>]");
  expect(help.at(-1)).toBe("    Prints this help.");
  expect(help).toHaveLength(14);
  expect(await server.r.call("MEMORY", "DOCTOR")).toMatch(/^Hi Sam, /);
  expect(await server.r.call("MEMORY", "PURGE")).toBe("OK");
  expect(typeof (await server.r.call("MEMORY", "MALLOC-STATS"))).toBe("string");
  expect(await errorOf(server.r.call("MEMORY", "NOPE"))).toBe("ERR unknown subcommand 'NOPE'. Try MEMORY HELP.");
});

it("MEMORY STATS reports Redis's fields", async () => {
  await server.r.set("k", "v");
  const flat = (await server.r.call("MEMORY", "STATS")) as unknown[];
  const stats = new Map<string, unknown>();
  for (let i = 0; i < flat.length; i += 2) stats.set(flat[i] as string, flat[i + 1]);
  for (const field of ["peak.allocated", "total.allocated", "startup.allocated", "overhead.total", "keys.count", "dataset.bytes"])
    expect(stats.get(field), field).toEqual(expect.any(Number));
  expect(stats.get("keys.count")).toBe(1);
  expect(stats.get("total.allocated")).toBeLessThanOrEqual(stats.get("peak.allocated") as number);
  expect(stats.has("db.0")).toBe(true);
  if (against === "ferrite") expect(Number(stats.get("dataset.percentage"))).toBeGreaterThan(0);
});
