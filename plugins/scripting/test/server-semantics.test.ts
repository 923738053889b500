// What a script's redis.call goes through on the server: the calling user's ACL, MULTI/EXEC, keyspace
// notifications, command statistics, COMMAND GETKEYS over EVAL's key specs, and the bounds a script keeps.
import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { exchange, multibulk, rawReplies } from "../../../test/helpers/raw-resp.js";

const s = useServer(["--plugin-call-budget-ms", "300", "--plugin-max-memory", "64mb"], { kind: "ferrite", flush: true });
const redis = useServer([], { kind: "redis", flush: true });

describe("redis.call on the server", () => {
  it("is checked against the calling user's ACL, with Redis 7.2's text", async () => {
    await s.r.acl("SETUSER", "scripter", "on", "nopass", "+eval", "+get", "~*");
    const c = s.client();
    await c.call("AUTH", "scripter", "x");
    expect(await c.eval("return redis.call('GET', KEYS[1])", 1, "k")).toBeNull();
    expect(await errorOf(c.eval("return redis.call('SET', KEYS[1], 'v')", 1, "k"))).toMatch(
      /^ERR ACL failure in script: User scripter has no permissions to run the 'set' command script: [0-9a-f]{40}, on @user_script:1\.$/,
    );
    expect(await s.r.exists("k")).toBe(0);
  });

  it("runs inside MULTI/EXEC as redis-server does", async () => {
    const commands = [["MULTI"], ["EVAL", "return redis.call('INCR', KEYS[1])", "1", "n"], ["EVAL", "return redis.call('INCR', KEYS[1])", "1", "n"], ["EXEC"]];
    for (const protocol of [2, 3] as const)
      expect(await rawReplies(s.port, protocol, ["DEL", "n"], ...commands)).toEqual(await rawReplies(redis.port, protocol, ["DEL", "n"], ...commands));
  });

  it("raises the keyspace events of the commands it runs", async () => {
    await s.r.config("SET", "notify-keyspace-events", "KEA");
    const sub = s.client();
    const events: string[] = [];
    sub.on("pmessage", (_p, channel, message) => events.push(`${channel} ${message}`));
    await sub.psubscribe("__keyspace@0__:*");
    await s.r.eval("redis.call('SET', KEYS[1], 'v') redis.call('EXPIRE', KEYS[1], 100) return 1", 1, "ev");
    await s.r.ping();
    await new Promise((r) => setTimeout(r, 50));
    expect(events).toEqual(["__keyspace@0__:ev set", "__keyspace@0__:ev expire"]);
    await s.r.config("SET", "notify-keyspace-events", "");
  });

  it("counts the commands a script runs in commandstats", async () => {
    await s.r.config("RESETSTAT");
    await s.r.eval("redis.call('SET', KEYS[1], 'v') return redis.call('GET', KEYS[1])", 1, "cs");
    const stats = await s.r.info("commandstats");
    expect(stats).toMatch(/cmdstat_set:calls=1,/);
    expect(stats).toMatch(/cmdstat_get:calls=1,/);
    expect(stats).toMatch(/cmdstat_eval:calls=1,/);
  });

  it("answers COMMAND GETKEYS for EVAL and EVALSHA from their key specs, as redis-server", async () => {
    const commands = [
      ["COMMAND", "GETKEYS", "EVAL", "return 1", "2", "a", "b", "c"],
      ["COMMAND", "GETKEYS", "EVALSHA_RO", "0000000000000000000000000000000000000000", "1", "x"],
      ["COMMAND", "GETKEYS", "EVAL", "return 1", "0"],
    ];
    expect(await rawReplies(s.port, 2, ...commands)).toEqual(await rawReplies(redis.port, 2, ...commands));
  });
});

describe("a self-referencing table", () => {
  it("is answered down to the stack-limit error, and the connection and the script cache stay", async () => {
    const sha = (await s.r.script("LOAD", "return 'cached'")) as string;
    const script = "local a = {}; local b = {a}; a[1] = b; return a";
    const done = (t: string) => t.includes("-ERR reached lua stack limit\r\n");
    const { text } = await exchange(s.port, multibulk("EVAL", script, "0"), done, 5000);
    const nested = text.slice(0, text.indexOf("-ERR"));
    expect(nested).toBe("*1\r\n".repeat(nested.length / 4));
    expect(nested.length / 4).toBeGreaterThanOrEqual(1000);
    expect(await s.r.ping()).toBe("PONG");
    // a failed call would have replaced the instance, and the cache with it
    expect(await s.r.evalsha(sha, 0)).toBe("cached");
  });
});

describe("a long script", () => {
  it("runs past plugin-call-budget-ms, which bounds other plugins' commands only (ADR 0038)", async () => {
    const script = "local function ms(t) return t[1] * 1000 + t[2] / 1000 end local t0 = ms(redis.call('TIME')) " +
      "while ms(redis.call('TIME')) - t0 < 600 do end return 'done'";
    expect(await s.r.eval(script, 0)).toBe("done");
    expect(await s.r.ping()).toBe("PONG");
  });

  it("fails at the plugin's memory cap, and the server and scripting keep serving", async () => {
    const bomb = "local s = 'x' while true do s = s .. s end";
    expect(await errorOf(s.r.eval(bomb, 0))).toMatch(/^ERR Error running script [0-9a-f]{40}, not enough memory$/);
    expect(await s.r.ping()).toBe("PONG");
    expect(await s.r.eval("return 'again'", 0)).toBe("again");
  });
});
