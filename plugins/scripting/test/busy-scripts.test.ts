// Busy scripts (ADR 0038), on Ferrite and on redis-server side by side: a script runs as long as it
// needs; other clients wait until busy-reply-threshold, then get -BUSY; SCRIPT KILL and FUNCTION KILL
// stop a script that has not written, UNKILLABLE one that has, and SHUTDOWN NOSAVE ends the server.
import type { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { startTarget } from "../../../test/helpers/target.js";
import { connectClient } from "../../../sdk/testing/index.js";

const BUSY_EVAL = "BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.";
const BUSY_FUNCTION = "BUSY Redis is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE.";
const UNKILLABLE =
  "UNKILLABLE Sorry the script already executed write commands against the dataset. You can either wait the " +
  "script termination or kill the server in a hard way using the SHUTDOWN NOSAVE command.";
const LOOP = "local a = 1 while true do a = a + 1 end";
const LIBRARY = `#!lua name=busylib\nredis.register_function('spin', function() ${LOOP} end)`;

const servers = {
  ferrite: useServer(["--busy-reply-threshold", "50"], { kind: "ferrite", flush: true }),
  redis: useServer(["--busy-reply-threshold", "50"], { kind: "redis", flush: true }),
};

/** Another connection, ready before the script starts (a busy server accepts no new one, ADR 0038). */
async function connected(server: (typeof servers)["ferrite"]): Promise<Redis> {
  const c = server.client();
  await c.ping();
  return c;
}

/**
 * Until the server answers BUSY: the script has passed the threshold. A PONG only means this ping was
 * served before the script started (its EVAL may still be on the way): ask again.
 */
async function busyError(c: Redis): Promise<string> {
  for (;;) {
    try {
      await c.ping();
    } catch (e) {
      if ((e as Error).message.startsWith("BUSY")) return (e as Error).message;
      throw e;
    }
  }
}

describe.each(Object.keys(servers) as (keyof typeof servers)[])("busy scripts on %s", (kind) => {
  const s = servers[kind];

  it("answers BUSY past the threshold, and SCRIPT KILL ends the script with Redis's error", async () => {
    const runner = await connected(s);
    const other = await connected(s);
    const script = errorOf(runner.eval(LOOP, 0));
    expect(await busyError(other)).toBe(BUSY_EVAL);
    expect(await errorOf(other.call("FUNCTION", "KILL"))).toBe(BUSY_EVAL);
    const killedAt = performance.now();
    expect(await other.call("SCRIPT", "KILL")).toBe("OK");
    expect(await script).toMatch(/^ERR Script killed by user with SCRIPT KILL\.\.\. script: [0-9a-f]{40}, on @user_script:1\.$/);
    expect(performance.now() - killedAt).toBeLessThan(2000);
    expect(await other.ping()).toBe("PONG");
    expect(await errorOf(other.call("SCRIPT", "KILL"))).toBe("NOTBUSY No scripts in execution right now.");
  });

  it("takes lua-time-limit as busy-reply-threshold's alias", async () => {
    expect(await s.r.config("SET", "lua-time-limit", "60")).toBe("OK");
    expect(await s.r.config("GET", "busy-reply-threshold")).toEqual(["busy-reply-threshold", "60"]);
    expect(await s.r.config("GET", "lua-time-limit")).toEqual(["lua-time-limit", "60"]);
    await s.r.config("SET", "busy-reply-threshold", "50");
  });

  it("kills a script that catches errors with pcall", async () => {
    const runner = await connected(s);
    const other = await connected(s);
    const script = errorOf(runner.eval("local f = function() while 1 do redis.call('ping') end end while 1 do pcall(f) end", 0));
    await busyError(other);
    expect(await other.call("SCRIPT", "KILL")).toBe("OK");
    expect(await script).toMatch(/killed by user/);
    expect(await runner.ping()).toBe("PONG");
  });

  it("serves the script's client's next command after the script, and keeps its cache", async () => {
    const runner = await connected(s);
    const other = await connected(s);
    const sha = (await runner.script("LOAD", LOOP)) as string;
    const [script, ping] = [errorOf(runner.evalsha(sha, 0)), runner.ping()];
    await busyError(other);
    await other.call("SCRIPT", "KILL");
    expect(await script).toMatch(/killed by user/);
    expect(await ping).toBe("PONG");
    expect(await other.script("EXISTS", sha)).toEqual([1]);
  });

  it("runs a function past the threshold: FUNCTION STATS shows it, FUNCTION KILL ends it", async () => {
    await s.r.function("LOAD", "REPLACE", LIBRARY);
    const runner = await connected(s);
    const other = await connected(s);
    const fn = errorOf(runner.fcall("spin", 0));
    expect(await busyError(other)).toBe(BUSY_FUNCTION);
    expect(await errorOf(other.call("SCRIPT", "KILL"))).toBe(BUSY_FUNCTION);
    const stats = (await other.call("FUNCTION", "STATS")) as unknown[];
    expect(stats.slice(0, 1)).toEqual(["running_script"]);
    const running = stats[1] as unknown[];
    expect(running.slice(0, 4)).toEqual(["name", "spin", "command", ["fcall", "spin", "0"]]);
    expect(running[4]).toBe("duration_ms");
    expect(running[5]).toBeGreaterThanOrEqual(50);
    expect(stats.slice(2)).toEqual(["engines", ["LUA", ["libraries_count", 1, "functions_count", 1]]]);
    expect(await other.call("FUNCTION", "KILL")).toBe("OK");
    expect(await fn).toMatch(/^ERR Script killed by user with SCRIPT KILL\.\.\. script: spin, on @user_function:2\.$/);
    expect(await other.call("FUNCTION", "STATS")).toEqual(["running_script", null, "engines", ["LUA", ["libraries_count", 1, "functions_count", 1]]]);
  });

  it("lets a script that does not pass the threshold finish while the others wait", async () => {
    await s.r.config("SET", "busy-reply-threshold", "5000");
    try {
      const runner = await connected(s);
      const other = await connected(s);
      const order: string[] = [];
      const script = runner.eval("local t = redis.call('TIME') local i = 0 while i < 3000000 do i = i + 1 end return i", 0).then((r) => order.push(`eval ${r}`));
      await new Promise((r) => setTimeout(r, 20));
      const ping = other.ping().then((r) => order.push(r as string));
      await Promise.all([script, ping]);
      expect(order).toEqual(["eval 3000000", "PONG"]);
    } finally {
      await s.r.config("SET", "busy-reply-threshold", "50");
    }
  });

  it("accepts only the allowed commands while busy: MULTI runs, a refused command fails the transaction", async () => {
    const runner = await connected(s);
    const other = await connected(s);
    const script = errorOf(runner.eval(LOOP, 0));
    try {
      await busyError(other);
      expect(await other.call("MULTI")).toBe("OK");
      expect(await errorOf(other.call("GET", "k"))).toBe(BUSY_EVAL);
      expect(await errorOf(other.call("EXEC"))).toBe(`EXECABORT Transaction discarded because of: ${BUSY_EVAL}`);
    } finally {
      await other.call("SCRIPT", "KILL");
      await script;
    }
  });
});

describe.each(["ferrite", "redis"] as const)("a busy script that wrote, on %s", (kind) => {
  it("answers UNKILLABLE to SCRIPT KILL, BUSY to SHUTDOWN, and SHUTDOWN NOSAVE stops the server", async () => {
    const target = await startTarget(["--busy-reply-threshold", "50"], kind);
    try {
      const runner = connectClient(target.port, { retryStrategy: () => null });
      const other = connectClient(target.port, { retryStrategy: () => null });
      await Promise.all([runner.ping(), other.ping()]);
      // The script never answers: the server goes away under it.
      const script = runner.eval(`redis.call('SET', KEYS[1], 'y') ${LOOP}`, 1, "x").catch((e: Error) => e);
      expect(await busyError(other)).toBe(BUSY_EVAL);
      expect(await errorOf(other.call("SCRIPT", "KILL"))).toBe(UNKILLABLE);
      expect(await errorOf(other.call("SHUTDOWN"))).toBe(BUSY_EVAL);
      expect(await errorOf(other.ping())).toBe(BUSY_EVAL);
      void other.call("SHUTDOWN", "NOSAVE").catch(() => undefined);
      expect(await target.exited).toBe(0);
      expect(await script).toBeInstanceOf(Error);
      runner.disconnect();
      other.disconnect();
    } finally {
      await target.stop();
    }
  });
});
