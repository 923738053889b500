// INFO's timeseries section (host API 1.6's ferrite_info): Redis 7.2's rules for a module's sections
// (named `<module>_<section>`, fields prefixed with the module's name; in `everything`, `modules`, the
// module's name or the section's, never in a bare INFO, `default` or `all`), read through node-redis and
// redis-py unmodified.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { useTsClients } from "./clients.js";

const t = useTsClients();
const SECTION = /# timeseries_stats\r\ntimeseries_series:(\d+)\r\n/;

async function seriesField(): Promise<number> {
  const text = await t.c.info("timeseries_stats");
  expect(text).toMatch(new RegExp(`^${SECTION.source}$`));
  return Number(SECTION.exec(text)?.[1]);
}

describe("INFO timeseries_stats", () => {
  it("counts the series held, as they are created, copied, deleted and flushed", async () => {
    expect(await seriesField()).toBe(0);
    await t.c.ts.create("a");
    await t.c.ts.add("b", 1, 1, { LABELS: { k: "v" } });
    expect(await seriesField()).toBe(2);
    await t.c.copy("a", "c");
    await t.c.set("plain", "x");
    expect(await seriesField()).toBe(3);
    await t.c.del("a");
    await t.c.set("b", "overwritten");
    expect(await seriesField()).toBe(1);
    await t.c.flushAll();
    expect(await seriesField()).toBe(0);
  });

  it("appears where Redis 7.2 shows a module's sections, and only there", async () => {
    await t.c.ts.create("a");
    for (const args of [[], ["default"], ["all"], ["server"], ["timeseries_other"]]) {
      expect(await t.c.sendCommand(["INFO", ...args]), args.join(" ")).not.toContain("timeseries_");
    }
    const everything = String(await t.c.sendCommand(["INFO", "everything"]));
    expect(everything).toContain("# Server\r\n");
    expect(everything).toMatch(/\r\n\r\n# timeseries_stats\r\ntimeseries_series:1\r\n/);
    const modules = String(await t.c.sendCommand(["INFO", "modules"]));
    expect(modules).toMatch(/^# Modules\r\nmodule:name=/);
    expect(modules).toContain("\r\n\r\n# timeseries_stats\r\ntimeseries_series:1\r\n");
    expect(modules).not.toContain("# Server");
    // The module's name (any case) selects all its sections; several names, several sections.
    expect(await t.c.sendCommand(["INFO", "TimeSeries"])).toBe("# timeseries_stats\r\ntimeseries_series:1\r\n");
    const both = String(await t.c.sendCommand(["INFO", "cpu", "TIMESERIES_STATS"]));
    expect(both).toMatch(/^# CPU\r\n[^#]+\r\n# timeseries_stats\r\ntimeseries_series:1\r\n$/);
    // RESP3: the same text as a verbatim string.
    expect(await t.c3.sendCommand(["INFO", "timeseries"])).toContain("# timeseries_stats\r\ntimeseries_series:1\r\n");
  });

  it("parses in redis-py as a module's INFO section", async () => {
    await t.c.ts.create("a");
    await t.c.ts.create("b");
    const script = "import json,sys,redis; r=redis.Redis(port=int(sys.argv[1])); print(json.dumps(r.info('timeseries_stats')))";
    const { stdout } = await promisify(execFile)("/usr/bin/python3", ["-c", script, String(t.server.port)]);
    expect(JSON.parse(stdout)).toEqual({ timeseries_series: 2 });
  });
});
