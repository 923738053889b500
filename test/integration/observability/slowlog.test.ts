// SLOWLOG against a real server: entries with threshold 0, Redis's argument truncation (32 arguments,
// 128 bytes), client address and name, GET's count, LEN, RESET, HELP and the configs, and blocked
// commands logged when answered. Also runs against redis-server (TEST_AGAINST=redis).
import { performance } from "node:perf_hooks";
import { beforeEach, expect, it } from "vitest";
import { useServer, errorOf } from "../../helpers/server.js";
import { SLOW_COMMAND_ARGS, SLOW_COMMAND_MS, SLOW_COMMAND_NAME, slowCommand } from "../../helpers/slow-command.js";
import { blocked } from "../../helpers/blocking.js";
import { against } from "../../helpers/target.js";

const server = useServer(SLOW_COMMAND_ARGS);

type Entry = [number, number, number, string[], string, string];

beforeEach(async () => {
  await server.r.config("SET", "slowlog-log-slower-than", "0");
  await server.r.config("SET", "slowlog-max-len", "128");
  await server.r.call("slowlog", "reset");
});

async function entries(count?: number): Promise<Entry[]> {
  const args = count === undefined ? ["get"] : ["get", String(count)];
  return (await server.r.call("slowlog", ...args)) as Entry[];
}

it("logs every command at threshold 0, newest first, with id, time, duration, address and name", async () => {
  const c = server.client();
  await c.call("client", "setname", "logger");
  const before = performance.now();
  await c.set("k", "v");
  await c.get("k");
  const roundTripsUs = (performance.now() - before) * 1000;
  const [get, set, setname] = await entries(3);
  expect(get[3]).toEqual(["get", "k"]);
  expect(set[3]).toEqual(["set", "k", "v"]);
  expect(setname[3]).toEqual(["client", "setname", "logger"]);
  expect(get[0]).toBe(set[0] + 1);
  expect(Math.abs(get[1] - Date.now() / 1000)).toBeLessThan(5);
  // The server times each command within its own round trip, in whole microseconds.
  expect(Number.isInteger(set[2]) && Number.isInteger(get[2])).toBe(true);
  expect(set[2] + get[2]).toBeLessThanOrEqual(roundTripsUs);
  const id = (await c.call("client", "id")) as number;
  const addr = /addr=(\S+)/.exec((await c.call("client", "info")) as string)![1];
  expect(get[4]).toBe(addr);
  expect(get[5]).toBe("logger");
  expect(id).toBeGreaterThan(0);
});

it("logs only commands at least as slow as the threshold, with their duration", async () => {
  await server.r.config("SET", "slowlog-log-slower-than", String(SLOW_COMMAND_MS * 1000));
  await server.r.call("slowlog", "reset"); // beforeEach's own RESET was logged, at threshold 0
  await server.r.ping();
  await slowCommand(server.r);
  await server.r.ping();
  const logged = await entries();
  expect(logged.map((e) => e[3][0])).toEqual([SLOW_COMMAND_NAME]);
  expect(logged[0][2]).toBeGreaterThanOrEqual(SLOW_COMMAND_MS * 1000);
});

it("truncates arguments past 32 and strings past 128 bytes as Redis does", async () => {
  const many = Array.from({ length: 40 }, (_, i) => `m${i}`);
  await server.r.call("sadd", "s", ...many);
  await server.r.set("long", "x".repeat(200));
  const [long, sadd] = await entries(2);
  expect(long[3]).toEqual(["set", "long", `${"x".repeat(128)}... (72 more bytes)`]);
  expect(sadd[3]).toHaveLength(32);
  expect(sadd[3].slice(0, 3)).toEqual(["sadd", "s", "m0"]);
  expect(sadd[3][30]).toBe("m28");
  expect(sadd[3][31]).toBe("... (11 more arguments)");
});

it("answers GET's count, -1 for all, LEN and RESET", async () => {
  for (let i = 0; i < 12; i++) await server.r.ping();
  expect(await entries()).toHaveLength(10);
  expect((await entries(-1)).length).toBeGreaterThanOrEqual(13);
  expect(await entries(0)).toEqual([]);
  expect(await server.r.call("slowlog", "len")).toBeGreaterThanOrEqual(13);
  expect(await server.r.call("slowlog", "reset")).toBe("OK");
  // SLOWLOG RESET itself is logged after the reset.
  expect(await server.r.call("slowlog", "len")).toBe(1);
  expect(await errorOf(server.r.call("slowlog", "get", "-2"))).toBe("ERR count should be greater than or equal to -1");
  expect(await errorOf(server.r.call("slowlog", "get", "x"))).toBe("ERR count should be greater than or equal to -1");
  expect(await errorOf(server.r.call("slowlog", "get", "1", "2"))).toBe("ERR unknown subcommand or wrong number of arguments for 'get'. Try SLOWLOG HELP.");
});

it("keeps at most slowlog-max-len entries and logs nothing below the threshold or when disabled", async () => {
  await server.r.config("SET", "slowlog-max-len", "3");
  for (let i = 0; i < 5; i++) await server.r.ping();
  expect(await server.r.call("slowlog", "len")).toBe(3);
  await server.r.config("SET", "slowlog-log-slower-than", "-1");
  await server.r.call("slowlog", "reset");
  await server.r.ping();
  expect(await server.r.call("slowlog", "len")).toBe(0);
  await server.r.config("SET", "slowlog-log-slower-than", "10000000");
  await server.r.ping();
  expect(await server.r.call("slowlog", "len")).toBe(0);
  const configs = (await server.r.config("GET", "slowlog-*")) as string[];
  expect(Object.fromEntries(configs.flatMap((v, i) => (i % 2 ? [] : [[v, configs[i + 1]]])))).toEqual({
    "slowlog-log-slower-than": "10000000",
    "slowlog-max-len": "3",
  });
});

it("hides AUTH's arguments", async () => {
  await server.r.call("auth", "someone", "secret").catch(() => undefined);
  const logged = (await entries(-1)).map((e) => e[3]);
  expect(logged).not.toContainEqual(expect.arrayContaining(["secret"]));
});

it("prints its help", async () => {
  const help = (await server.r.call("slowlog", "help")) as string[];
  expect(help[0]).toBe("SLOWLOG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
  expect(help).toContain("    Return top <count> entries from the slowlog (default: 10, -1 mean all).");
  expect(help.at(-1)).toBe("    Prints this help.");
});

it("logs a blocked command when it is answered, with its own arguments, as one call in commandstats", async () => {
  await server.r.config("RESETSTAT");
  const { reply } = await blocked(server, "blpop", "slow:l", "0");
  // The BLPOP is answered after the EXEC, so after the SLOWLOG RESET inside it: it is the newest entry.
  await server.r.multi().lpush("slow:l", "x").call("slowlog", "reset").exec();
  expect(await reply).toEqual(["slow:l", "x"]);
  expect((await entries())[0]![3]).toEqual(["blpop", "slow:l", "0"]);
  if (against === "redis") return; // Redis 7.0 counts a timed-out command nowhere; 7.2 as one call (replyToBlockedClientTimedOut)
  const timedOut = await blocked(server, "blpop", "slow:none", "0.01");
  expect(await timedOut.reply).toBeNull();
  expect((await entries())[0]![3]).toEqual(["blpop", "slow:none", "0.01"]);
  expect(await server.r.info("commandstats")).toMatch(/^cmdstat_blpop:calls=2,usec=\d+,usec_per_call=[\d.]+,rejected_calls=0,failed_calls=0\r$/m);
});
