// Observability of plugin commands, for a plugin loaded at run time with MODULE LOAD (the hostile
// fixture): commandstats, SLOWLOG entries of a slow plugin command, INFO plugins (calls, time, budget
// overruns, traps), MONITOR lines, and the event-loop stall the slow command caused in LATENCY.
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { ROOT } from "../../helpers/target.js";
import { eventually, useServer } from "../../helpers/server.js";
import { RawConnection } from "../../helpers/raw-resp.js";
import { commandStat, infoField } from "./info-fields.js";

const HOSTILE = join(ROOT, "build/fixtures/hostile.wasm");
const server = useServer(["--plugin-call-budget-ms", "120"], { kind: "ferrite" });

beforeAll(async () => {
  expect(await server.r.call("module", "load", HOSTILE)).toBe("OK");
  await server.r.config("SET", "slowlog-log-slower-than", "50000");
  await server.r.config("SET", "latency-monitor-threshold", "80");
  await server.r.config("RESETSTAT");
});

it("counts a loaded plugin's commands in commandstats and in its INFO plugins line", async () => {
  expect(await server.r.call("hostile.ok")).toBe(499500);
  expect(await server.r.call("hostile.ok")).toBe(499500);
  await expect(server.r.call("hostile.trap")).rejects.toThrow("trapped");
  const info = (await server.r.call("info", "commandstats", "plugins")) as string;
  expect(commandStat(info, "hostile.ok")).toMatchObject({ calls: 2, failed_calls: 0, rejected_calls: 0 });
  expect(commandStat(info, "hostile.trap")).toMatchObject({ calls: 1, failed_calls: 1 });
  const line = infoField(info, "plugin_hostile")!;
  expect(line).toMatch(/^version=0\.1\.0,abi=1\.0,commands=5,types=\[\],memory=\d+,calls=3,usec=\d+,usec_per_call=\d+\.\d\d,traps=1,budget_overruns=0,ooms=0,status=ok,heap_faults=0,respawns=0,dropped_values=0$/);
});

it("logs a slow plugin command in SLOWLOG and LATENCY, with the stall it caused", async () => {
  await server.r.call("slowlog", "reset");
  await expect(server.r.call("hostile.spin", "arg")).rejects.toThrow("exceeded its CPU budget of 120 ms");
  const [entry] = (await server.r.call("slowlog", "get", "1")) as [number, number, number, string[]][];
  expect(entry[3]).toEqual(["hostile.spin", "arg"]);
  expect(entry[2]).toBeGreaterThanOrEqual(100_000);
  const info = (await server.r.call("info", "commandstats", "plugins")) as string;
  expect(commandStat(info, "hostile.spin")).toMatchObject({ calls: 1, failed_calls: 1 });
  expect(commandStat(info, "hostile.spin")!.usec).toBeGreaterThanOrEqual(100_000);
  expect(infoField(info, "plugin_hostile")).toMatch(/budget_overruns=1,/);
  // The stall is sampled once a second, by a timer a loaded machine may run late: wait for it.
  const latestEvents = async () => {
    const latest = (await server.r.call("latency", "latest")) as [string, number, number, number][];
    return Object.fromEntries(latest.map(([name, , ms]) => [name, ms]));
  };
  await eventually(async () => "event-loop-stall" in (await latestEvents()), true);
  const events = await latestEvents();
  expect(events.command).toBeGreaterThanOrEqual(100);
  expect(events["event-loop-stall"]).toBeGreaterThanOrEqual(80);
  expect(await server.r.call("latency", "doctor")).toContain("event-loop-stall: 1 latency spikes");
});

it("shows plugin commands to MONITOR", async () => {
  const monitor = await RawConnection.open(server.port);
  await monitor.send(["monitor"]);
  const seen = monitor.sendRaw("", (t) => t.endsWith("\r\n"));
  await server.r.call("hostile.ok", "x y");
  expect(await seen).toMatch(/^\+\d+\.\d{6} \[0 [^\]]+\] "hostile\.ok" "x y"\r\n$/);
  monitor.close();
});
