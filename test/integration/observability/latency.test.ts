// LATENCY after a forced slow command (a Lua loop on redis-server, the hostile fixture's runaway loop
// stopped by the CPU budget on Ferrite): LATEST, HISTORY, DOCTOR's report, RESET, HELP, and the
// disabled monitor's answer. Also runs against redis-server (TEST_AGAINST=redis).
import { expect, it } from "vitest";
import { useServer } from "../../helpers/server.js";
import { SLOW_COMMAND_ARGS, SLOW_COMMAND_MS as THRESHOLD_MS, slowCommand } from "../../helpers/slow-command.js";

const server = useServer(SLOW_COMMAND_ARGS);

it("answers DOCTOR while the monitor is disabled and before any spike", async () => {
  expect(await server.r.call("latency", "doctor")).toBe(
    "I'm sorry, Dave, I can't do that. Latency monitoring is disabled in this Redis instance. You may use \"CONFIG SET latency-monitor-threshold <milliseconds>.\" in order to enable it. If we weren't in a deep space mission I'd suggest to take a look at https://redis.io/topics/latency-monitor.\n",
  );
  await server.r.config("SET", "latency-monitor-threshold", String(THRESHOLD_MS));
  expect(await server.r.call("latency", "doctor")).toMatch(/^Dave, no latency spike was observed during the lifetime of this Redis instance/);
  expect(await server.r.call("latency", "latest")).toEqual([]);
});

it("records a slow command in LATEST, HISTORY and DOCTOR, and forgets it on RESET", async () => {
  await server.r.config("SET", "latency-monitor-threshold", String(THRESHOLD_MS));
  await server.r.ping(); // fast: below the threshold, no sample
  await slowCommand(server.r);
  const latest = (await server.r.call("latency", "latest")) as [string, number, number, number][];
  const command = latest.find((e) => e[0] === "command")!;
  expect(command).toBeDefined();
  const [, time, ms, max] = command;
  expect(Math.abs(time - Date.now() / 1000)).toBeLessThan(5);
  expect(ms).toBeGreaterThanOrEqual(THRESHOLD_MS);
  expect(max).toBe(ms);
  expect(await server.r.call("latency", "history", "command")).toEqual([[time, ms]]);
  expect(await server.r.call("latency", "history", "nosuchevent")).toEqual([]);

  const doctor = (await server.r.call("latency", "doctor")) as string;
  expect(doctor).toContain("Dave, I have observed latency spikes in this Redis instance. You don't mind talking about it, do you Dave?\n\n");
  expect(doctor).toMatch(new RegExp(`\\d\\. command: 1 latency spikes \\(average ${ms}ms, mean deviation 0ms, period \\d+\\.\\d\\d sec\\)\\. Worst all time event ${ms}ms\\.\n`));
  expect(doctor).toContain("\nI have a few advices for you:\n\n- Check your Slow Log to understand what are the commands you are running which are too slow to execute.");

  expect(await server.r.call("latency", "reset", "COMMAND", "nosuchevent")).toBe(1);
  expect((await server.r.call("latency", "latest")) as unknown[]).not.toContainEqual(expect.arrayContaining(["command"]));
  // RESET without events resets every event LATEST lists, and counts them.
  await slowCommand(server.r);
  const events = ((await server.r.call("latency", "latest")) as [string][]).map(([event]) => event);
  expect(events).toContain("command");
  expect(await server.r.call("latency", "reset")).toBe(events.length);
  expect(await server.r.call("latency", "latest")).toEqual([]);
});

it("prints its help", async () => {
  const help = (await server.r.call("latency", "help")) as string[];
  expect(help[0]).toBe("LATENCY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
  expect(help).toEqual(expect.arrayContaining(["LATEST", "    Return the latest latency samples for all events.", "RESET [<event> ...]"]));
});
