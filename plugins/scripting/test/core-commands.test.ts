// Core commands (their handlers live in the server, not in a plugin) called from scripts, on Ferrite and
// on Debian's redis-server, replies compared byte for byte in RESP2 and RESP3 (ADR 0031).
import { describe, expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";
import { RawConnection, completeReply, rawReplies } from "../../../test/helpers/raw-resp.js";

const ferrite = useServer([], { kind: "ferrite", flush: true });
const redis = useServer([], { kind: "redis", flush: true });

async function both(protocol: 2 | 3, commands: string[][]): Promise<[string[], string[]]> {
  return [await rawReplies(ferrite.port, protocol, ...commands), await rawReplies(redis.port, protocol, ...commands)];
}

const evalOf = (script: string, ...keysThenArgs: string[]): string[] => {
  const keys = keysThenArgs.filter((a) => a.startsWith("k:"));
  return ["EVAL", script, String(keys.length), ...keysThenArgs];
};

/** Each case: a name and the EVAL's script, keys (named k:…) and arguments. */
const CASES: [string, string, ...string[]][] = [
  ["PING", "return redis.call('PING')"],
  ["PING with a message", "return redis.call('PING', 'hi')"],
  ["PING's status as a table", "return redis.call('PING').ok"],
  ["PING with too many arguments", "return redis.pcall('PING', 'a', 'b')"],
  ["ECHO", "return redis.call('ECHO', ARGV[1])", "a\r\nb"],
  ["ECHO's arity", "return redis.pcall('ECHO')"],
  ["TIME's shape", "local t = redis.call('TIME') return {#t, type(t[1]), type(t[2]), tonumber(t[1]) > 1600000000}"],
  ["DBSIZE", "return redis.call('DBSIZE')"],
  ["SELECT", "return redis.call('SELECT', 1)"],
  ["SELECT out of range", "return redis.pcall('SELECT', 99)"],
  ["SELECT not a number", "return redis.pcall('SELECT', 'x')"],
  ["SELECT then DBSIZE", "redis.call('SELECT', 1) return redis.call('DBSIZE')"],
  ["SELECT then a write and a read", "redis.call('SELECT', 2) redis.call('SET', KEYS[1], 'in 2') return {redis.call('GET', KEYS[1]), redis.call('DBSIZE')}", "k:s"],
  ["PUBLISH without subscribers", "return redis.call('PUBLISH', 'ch', 'm')"],
  ["INFO is a string", "local i = redis.call('INFO', 'server') return {type(i), string.sub(i, 1, 8)}"],
  ["INFO in RESP3 is a verbatim string", "redis.setresp(3) local i = redis.call('INFO', 'server') return {type(i), i.verbatim_string.format, string.sub(i.verbatim_string.string, 1, 8)}"],
  ["TIME in RESP3", "redis.setresp(3) local t = redis.call('TIME') return #t"],
  ["ECHO in RESP3", "redis.setresp(3) return redis.call('ECHO', 'x')"],
  ["MULTI is refused", "return redis.pcall('MULTI')"],
  ["SUBSCRIBE is refused", "return redis.pcall('SUBSCRIBE', 'ch')"],
  ["CLIENT ID is refused", "return redis.pcall('CLIENT', 'ID')"],
  ["AUTH is refused", "return redis.pcall('AUTH', 'x')"],
  ["DBSIZE's arity", "return redis.pcall('DBSIZE', 'x')"],
  ["FLUSHDB then DBSIZE", "redis.call('FLUSHDB') return redis.call('DBSIZE')"],
  ["SWAPDB then DBSIZE", "redis.call('SWAPDB', 0, 1) return {redis.call('DBSIZE'), redis.call('GET', KEYS[1])}", "k:one"],
  ["MEMORY USAGE is a number", "return type(redis.call('MEMORY', 'USAGE', KEYS[1]))", "k:s"],
  ["PUBSUB NUMSUB", "return redis.call('PUBSUB', 'NUMSUB', 'ch')"],
  ["CONFIG GET is refused", "return redis.pcall('CONFIG', 'GET', 'maxmemory')"],
  ["COMMAND COUNT is a number", "return type(redis.call('COMMAND', 'COUNT'))"],
  ["CLUSTER RESET is refused", "return redis.pcall('CLUSTER', 'RESET', 'HARD')"],
  ["CLUSTER INFO without cluster mode", "return redis.pcall('CLUSTER', 'INFO')"],
  ["CLUSTER of an unknown subcommand", "return redis.pcall('CLUSTER', 'NOSUCH')"],
];

const SETUP = [["SET", "k:s", "hello"], ["SELECT", "1"], ["SET", "k:one", "1"], ["SELECT", "0"]];

for (const protocol of [2, 3] as const) {
  describe(`core commands from EVAL match redis-server's (RESP${protocol})`, () => {
    it.each(CASES.map((c) => [c[0], c] as const))("%s", async (_name, [, script, ...rest]) => {
      const [mine, theirs] = await both(protocol, [["FLUSHALL"], ...SETUP, evalOf(script, ...rest)]);
      expect(mine.at(-1)).toBe(theirs.at(-1));
    });
  });
}

describe("a script's SELECT, as Redis 7 scopes it", () => {
  it("holds for the rest of the script and leaves the caller's database alone", async () => {
    const commands = [
      ["FLUSHALL"],
      evalOf("redis.call('SELECT', 3) redis.call('SET', KEYS[1], 'in 3') return redis.call('DBSIZE')", "k:x"),
      ["GET", "k:x"],
      ["DBSIZE"],
      ["SELECT", "3"],
      ["GET", "k:x"],
      evalOf("redis.call('SELECT', 0) return redis.call('DBSIZE')"),
      ["DBSIZE"],
      ["MULTI"],
      evalOf("redis.call('SELECT', 5) return redis.call('SET', KEYS[1], 'in 5')", "k:y"),
      ["EXISTS", "k:y"],
      ["EXEC"],
      ["SELECT", "5"],
      ["GET", "k:y"],
    ];
    for (const protocol of [2, 3] as const) {
      const [mine, theirs] = await both(protocol, commands);
      expect(mine).toEqual(theirs);
    }
  });

  it("is refused with the rest of the writes in a read-only script, as PUBLISH is", async () => {
    const commands = [
      ["EVAL_RO", "return redis.call('SELECT', 1)", "0"],
      ["EVAL_RO", "return redis.call('TIME')[1] ~= nil", "0"],
      ["EVAL_RO", "return redis.pcall('PUBLISH', 'ch', 'm')", "0"],
      ["EVAL", "#!lua flags=no-writes\nreturn redis.pcall('FLUSHALL')", "0"],
    ];
    const [mine, theirs] = await both(2, commands);
    expect(mine).toEqual(theirs);
  });
});

describe("PUBLISH from a script", () => {
  it("reaches subscribers as redis-server's does", async () => {
    const received: string[] = [];
    for (const port of [ferrite.port, redis.port]) {
      const sub = await RawConnection.open(port);
      try {
        await sub.send(["SUBSCRIBE", "news"]);
        const message = sub.sendRaw("", completeReply); // sends nothing: waits for the push
        const [count] = await rawReplies(port, 2, evalOf("return redis.call('PUBLISH', 'news', ARGV[1])", "hello"));
        received.push(count, await message);
      } finally {
        sub.close();
      }
    }
    expect(received[0]).toBe(":1\r\n");
    expect(received.slice(0, 2)).toEqual(received.slice(2));
  });
});

describe("core commands from a script on the server", () => {
  it("count in commandstats as redis-server counts them", async () => {
    const counts: string[][] = [];
    for (const s of [ferrite, redis]) {
      await s.r.config("RESETSTAT");
      await s.r.eval("redis.call('TIME') redis.call('PING') return redis.call('DBSIZE')", 0);
      const stats = await s.r.info("commandstats");
      counts.push(["time", "ping", "dbsize", "eval"].map((name) => stats.match(new RegExp(`cmdstat_${name}:calls=(\\d+),`))?.[1] ?? "none"));
    }
    expect(counts[0]).toEqual(["1", "1", "1", "1"]);
    expect(counts[0]).toEqual(counts[1]);
  });

  it("are checked against the calling user's ACL, with Redis 7.2's text", async () => {
    await ferrite.r.acl("SETUSER", "scripter", "on", "nopass", "+eval", "+ping");
    const c = ferrite.client();
    await c.call("AUTH", "scripter", "x");
    expect(await c.eval("return redis.call('PING')", 0)).toBe("PONG");
    await expect(c.eval("return redis.call('TIME')", 0)).rejects.toThrow(
      /^ERR ACL failure in script: User scripter has no permissions to run the 'time' command script: [0-9a-f]{40}, on @user_script:1\.$/,
    );
  });

  it.each(["ferrite", "redis"] as const)("show in MONITOR as the script's, [<db> lua], in the database it selected (%s)", async (kind) => {
    const server = kind === "ferrite" ? ferrite : redis;
    const monitor = await RawConnection.open(server.port);
    try {
      await monitor.send(["MONITOR"]);
      const lines = monitor.sendRaw("", (text) => text.includes('"DBSIZE"'));
      await server.r.eval("redis.call('SELECT', 3) return redis.call('DBSIZE')", 0);
      const text = await lines;
      // EVAL first (fed before it runs), then its commands, each in the database after it ran
      expect(text).toMatch(/^\+\d+\.\d+ \[0 127\.0\.0\.1:\d+\] "eval" "[^\r]*" "0"\r\n\+\d+\.\d+ \[3 lua\] "SELECT" "3"\r\n\+\d+\.\d+ \[3 lua\] "DBSIZE"\r\n$/);
    } finally {
      monitor.close();
    }
  });
});

describe("CLUSTER without cluster mode", () => {
  it("answers a client as redis-server does", async () => {
    const commands = [["CLUSTER", "INFO"], ["CLUSTER", "HELP"], ["CLUSTER", "RESET"], ["CLUSTER", "KEYSLOT", "k"], ["CLUSTER", "NOSUCH"], ["CLUSTER"]];
    for (const protocol of [2, 3] as const) {
      const [mine, theirs] = await both(protocol, commands);
      expect(mine).toEqual(theirs);
    }
  });
});
