// Host API 1.7 timers with the ticker fixture (TICKER.CALL delay times command args… runs a command from
// timer callbacks): the callback runs in the database the timer was created in, between clients'
// commands; a cancelled timer never runs; a trap or a budget overrun in a callback is logged and the
// server goes on; its writes invalidate WATCH, serve blocked clients and reach the AOF (replayed after a
// kill -9); MODULE UNLOAD drops pending timers.
import { join } from "node:path";
import { expect, it, vi } from "vitest";
import { errorOf, eventually, sleep, useServer } from "../helpers/server.js";
import { ROOT } from "../helpers/target.js";
import { useRestarts } from "../helpers/restarts.js";

vi.setConfig({ testTimeout: 60_000 });

const TICKER = join(ROOT, "build/fixtures/ticker.wasm");
const s = useServer(["--loadmodule", TICKER, "--plugin-call-budget-ms", "100"], { kind: "ferrite" });
const restarts = useRestarts();

it("runs a command from chained timers, in the database the timer was created in", async () => {
  const c = s.client({ db: 3 });
  expect(Number(await c.call("ticker.call", "5", "4", "INCR", "n"))).toBeGreaterThanOrEqual(1);
  expect(await eventually(() => c.get("n"), "4")).toBe("4");
  await sleep(50);
  expect(await c.get("n")).toBe("4"); // four runs, no more
  expect(await s.r.exists("n")).toBe(0); // db 0 untouched
});

it("never runs a cancelled timer; a second cancel, or another id, answers 0", async () => {
  const id = String(await s.r.call("ticker.call", "200", "1", "SET", "cancelled", "x"));
  expect(await s.r.call("ticker.cancel", id)).toBe(1);
  expect(await s.r.call("ticker.cancel", id)).toBe(0);
  expect(await s.r.call("ticker.cancel", "999999")).toBe(0);
  await sleep(400);
  expect(await s.r.exists("cancelled")).toBe(0);
});

it("logs a callback that traps or overruns its budget, and goes on serving", async () => {
  await s.r.call("ticker.call", "0", "1", "trap");
  await s.r.call("ticker.call", "0", "1", "spin");
  await s.target.waitForLog(/plugin 'ticker' trapped: .*\(timer \d+\)/, 10_000);
  await s.target.waitForLog(/plugin 'ticker' .*budget.*\(timer \d+\)/, 10_000);
  expect(await s.r.ping()).toBe("PONG");
  await s.r.call("ticker.call", "0", "1", "SET", "after-faults", "ok");
  expect(await eventually(() => s.r.get("after-faults"), "ok")).toBe("ok");
});

it("goes through the write funnel: WATCH sees its writes, a blocked client is served", async () => {
  const watcher = s.client();
  await watcher.watch("w");
  await s.r.call("ticker.call", "0", "1", "SET", "w", "changed");
  expect(await eventually(() => s.r.get("w"), "changed")).toBe("changed");
  expect(await watcher.multi().set("w", "mine").exec()).toBeNull();

  const blocked = s.client();
  const popped = blocked.blpop("q", 0);
  await sleep(50);
  await s.r.call("ticker.call", "20", "1", "RPUSH", "q", "v");
  expect(await popped).toEqual(["q", "v"]);
});

it("drops a plugin's pending timers when it is unloaded", async () => {
  const c = s.client();
  await c.call("ticker.call", "100", "1", "SET", "unloaded", "x");
  expect(await c.call("module", "unload", "ticker")).toBe("OK");
  await sleep(250);
  expect(await c.exists("unloaded")).toBe(0);
  expect(await errorOf(c.call("ticker.call", "0", "1", "PING"))).toMatch(/unknown command/);
  expect(await c.call("module", "load", TICKER)).toBe("OK");
});

it("reaches the AOF as its effects: replayed after a kill -9", async () => {
  const dir = restarts.newDir();
  const args = ["--save", "", "--appendonly", "yes", "--appendfsync", "always", "--loadmodule", TICKER];
  const a = await restarts.start(dir, args);
  await a.r.call("ticker.call", "0", "3", "RPUSH", "log", "tick");
  await a.r.call("ticker.call", "0", "1", "SET", "ttl", "v", "PX", "100000");
  expect(await eventually(() => a.r.llen("log"), 3)).toBe(3);
  expect(await eventually(() => a.r.exists("ttl"), 1)).toBe(1);
  const pttl = await a.r.pttl("ttl");
  await restarts.killAll();

  const b = await restarts.start(dir, args);
  expect(await b.r.lrange("log", 0, -1)).toEqual(["tick", "tick", "tick"]);
  const after = await b.r.pttl("ttl");
  expect(after).toBeGreaterThan(0);
  expect(after).toBeLessThanOrEqual(pttl);
});
