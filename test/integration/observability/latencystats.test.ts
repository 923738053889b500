// INFO latencystats (Redis 7.2's per-command percentiles from the commands' HdrHistograms): the
// `latency-tracking` and `latency-tracking-info-percentiles` configs with Redis's checks and errors,
// the line per command and subcommand, blocked commands counted when answered, CONFIG RESETSTAT and
// CONFIG REWRITE. The cases of Redis's unit/info (tagged external:skip there, so the suite run never
// reaches them), also run against redis-server (TEST_AGAINST=redis).
import { expect, it } from "vitest";
import { errorOf, useServer } from "../../helpers/server.js";
import { blocked } from "../../helpers/blocking.js";

const server = useServer();

/** The `latency_percentiles_usec_<cmd>` value, or "" when INFO latencystats has no line for it. */
async function percentilesOf(cmd: string): Promise<string> {
  const info = (await server.r.info("latencystats")) as string;
  return new RegExp(`\\r\\nlatency_percentiles_usec_${cmd.replace("|", "\\|")}:(.*?)\\r\\n`).exec(info)?.[1] ?? "";
}

/** A value as Redis prints a latency: microseconds with three decimals. */
const USEC = String.raw`\d+\.\d{3}`;

it("prints p50, p99 and p99.9 per command by default, in Redis's number format, until CONFIG RESETSTAT", async () => {
  await server.r.config("RESETSTAT");
  expect(await server.r.config("GET", "latency-tracking-info-percentiles")).toEqual(["latency-tracking-info-percentiles", "50 99 99.9"]);
  await server.r.set("a", "b");
  await server.r.get("a");
  expect(await percentilesOf("set")).toMatch(new RegExp(`^p50=${USEC},p99=${USEC},p99\\.9=${USEC}$`));
  expect(await percentilesOf("get")).toMatch(new RegExp(`^p50=${USEC},p99=${USEC},p99\\.9=${USEC}$`));
  expect((await server.r.info("latencystats")) as string).toMatch(/^# Latencystats\r\n/);
  // Not in a bare INFO, as in Redis 7.2; in `all` and `everything`.
  expect((await server.r.info()) as string).not.toContain("latency_percentiles_usec_");
  expect((await server.r.info("all")) as string).toContain("latency_percentiles_usec_set:");
  await server.r.config("RESETSTAT");
  expect(await percentilesOf("set")).toBe("");
});

it("shows nothing while latency-tracking is off, and records again once it is on", async () => {
  await server.r.config("RESETSTAT");
  await server.r.config("SET", "latency-tracking", "no");
  try {
    await server.r.set("a", "b");
    expect(await percentilesOf("set")).toBe("");
  } finally {
    await server.r.config("SET", "latency-tracking", "yes");
  }
  await server.r.set("a", "b");
  expect(await percentilesOf("set")).toMatch(/^p50=.*,p99=.*,p99\.9=.*$/);
});

it("takes any percentiles in [0, 100], shows them as Redis prints them, and an empty list", async () => {
  await server.r.config("RESETSTAT");
  try {
    await server.r.set("a", "b");
    await server.r.config("SET", "latency-tracking-info-percentiles", "0.0 50.0 100.0");
    expect(await server.r.config("GET", "latency-tracking-info-percentiles")).toEqual(["latency-tracking-info-percentiles", "0 50 100"]);
    expect(await percentilesOf("set")).toMatch(new RegExp(`^p0=${USEC},p50=${USEC},p100=${USEC}$`));
    await server.r.config("SET", "latency-tracking-info-percentiles", "99.99 1e1 .5");
    expect(await server.r.config("GET", "latency-tracking-info-percentiles")).toEqual(["latency-tracking-info-percentiles", "99.99 10 0.5"]);
    expect(await percentilesOf("set")).toMatch(/^p99\.99=.*,p10=.*,p0\.5=.*$/);
    await server.r.config("SET", "latency-tracking-info-percentiles", "");
    expect(await server.r.config("GET", "latency-tracking-info-percentiles")).toEqual(["latency-tracking-info-percentiles", ""]);
    expect((await server.r.info("latencystats")) as string).toMatch(/\r\nlatency_percentiles_usec_set:\r\n/);
  } finally {
    await server.r.config("SET", "latency-tracking-info-percentiles", "50 99 99.9");
  }
});

it("refuses a bad percentile with Redis's errors, keeping the old list", async () => {
  await server.r.config("RESETSTAT");
  const before = await server.r.config("GET", "latency-tracking-info-percentiles");
  expect(await errorOf(server.r.config("SET", "latency-tracking-info-percentiles", "10.0 50.0 a"))).toBe(
    "ERR CONFIG SET failed (possibly related to argument 'latency-tracking-info-percentiles') - Invalid latency-tracking-info-percentiles parameters",
  );
  expect(await errorOf(server.r.config("SET", "latency-tracking-info-percentiles", "10.0 50.0 101.0"))).toBe(
    "ERR CONFIG SET failed (possibly related to argument 'latency-tracking-info-percentiles') - latency-tracking-info-percentiles parameters should sit between [0.0,100.0]",
  );
  expect(await errorOf(server.r.config("SET", "latency-tracking-info-percentiles", "-1"))).toMatch(/should sit between/);
  expect((await server.r.info("stats")) as string).toContain("total_error_replies:3");
  expect(await server.r.config("GET", "latency-tracking-info-percentiles")).toEqual(before);
});

it("counts a blocked command once, when it is answered, and names subcommands `container|sub`", async () => {
  await server.r.config("RESETSTAT");
  await server.r.del("list1");
  const pop = await blocked(server, "blpop", "list1", "0");
  await server.r.lpush("list1", "a");
  expect(await pop.reply).toEqual(["list1", "a"]);
  expect(await percentilesOf("blpop")).toMatch(/^p50=.*,p99=.*,p99\.9=.*$/);
  await server.r.call("client", "id");
  expect(await percentilesOf("client|id")).toMatch(/^p50=.*,p99=.*,p99\.9=.*$/);
  const histogram = (await server.r.call("latency", "histogram", "blpop")) as [string, [string, number, ...unknown[]]];
  expect(histogram[1][1]).toBe(1);
  await server.r.config("RESETSTAT");
  expect(await percentilesOf("client|id")).toBe("");
});
