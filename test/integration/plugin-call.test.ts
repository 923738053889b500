// Host API 1.8 plugin_call with two fixtures: switchboard (SWITCHBOARD.CALL plugin fn input calls any
// plugin's function and replies [status, output], or the failure as an error) and offerer, whose
// functions misbehave in every way a callee can. Over a real server: bytes in and out, the callee's
// statuses, the caller's database, missing targets, self calls and loops, a trap and a budget overrun
// in the callee, read-only functions, replies that go nowhere, and the callee unloaded and reloaded
// while the caller stays.
import { join } from "node:path";
import { expect, it, vi } from "vitest";
import { errorOf, useServer } from "../helpers/server.js";
import { ROOT } from "../helpers/target.js";

vi.setConfig({ testTimeout: 60_000 });

const OFFERER = join(ROOT, "build/fixtures/offerer.wasm");
const SWITCHBOARD = join(ROOT, "build/fixtures/switchboard.wasm");
const s = useServer(["--loadmodule", SWITCHBOARD, "--loadmodule", OFFERER, "--plugin-call-budget-ms", "100"], { kind: "ferrite" });

const call = (fn: string, input = "", plugin = "offerer") => s.r.call("switchboard.call", plugin, fn, input);

it("passes bytes in and out, binary and empty included, and hands back the callee's status", async () => {
  expect(await call("echo", "hello")).toEqual([5, "hello"]);
  const binary = Buffer.from([0, 13, 10, 255, 36]);
  const [status, out] = (await s.r.callBuffer("switchboard.call", "offerer", "echo", binary)) as [number, Buffer];
  expect(status).toBe(5);
  expect(Buffer.compare(out, binary)).toBe(0);
  expect(await call("echo", "")).toEqual([0, ""]);
  expect(await call("missing")).toEqual([-1, ""]);
});

it("runs the callee in the caller's database", async () => {
  const c = s.client({ db: 3 });
  await c.set("k", "in-three");
  await s.r.set("k", "in-zero");
  expect(await c.call("switchboard.call", "offerer", "get", "k")).toEqual([0, "$8\r\nin-three\r\n"]);
  expect(await call("get", "k")).toEqual([0, "$7\r\nin-zero\r\n"]);
});

it("names what is missing: the plugin, the function", async () => {
  expect(await errorOf(call("echo", "x", "nosuch"))).toBe("ERR plugin_call: no plugin named 'nosuch' is loaded");
  expect(await errorOf(call("nosuch"))).toBe("ERR plugin_call: plugin 'offerer' has no function 'nosuch'");
});

it("refuses a self call and a call that loops back into a running plugin", async () => {
  expect(await errorOf(call("ping", "", "switchboard"))).toBe("ERR plugin_call: plugin 'switchboard' cannot call its own function 'ping'");
  // offerer's self and back pass their inner call's CALLFAILED and text on as their own answer.
  expect(await errorOf(call("self", "x"))).toBe("ERR plugin_call: plugin 'offerer' cannot call its own function 'echo'");
  expect(await errorOf(call("back"))).toBe("ERR plugin_call: plugin 'switchboard' is already running (a call from 'offerer' loops back into it)");
});

it("turns a trap and a budget overrun in the callee into the caller's error; both plugins go on", async () => {
  expect(await errorOf(call("trap", "partial"))).toMatch(/^ERR plugin 'offerer' trapped: unreachable/);
  expect(await errorOf(call("spin"))).toBe("ERR plugin 'offerer' exceeded its CPU budget of 100 ms");
  expect(await s.r.call("offerer.ping")).toBe("PONG");
  expect(await call("echo", "after")).toEqual([5, "after"]);
  const stats = String(await s.r.info("plugins"));
  expect(stats).toMatch(/offerer.*budget_overruns=1/);
});

it("keeps functions read-only: key writes fail them, write commands are refused, the key is untouched", async () => {
  await s.r.set("ro", "kept");
  expect(await errorOf(call("delete", "ro"))).toBe("ERR plugin 'offerer' aborted: key_delete: a function called through plugin_call is read-only");
  const [status, reply] = (await call("set", "ro")) as [number, string];
  expect(status).toBe(0);
  expect(reply).toBe("-ERR call_command cannot run 'set' from a function called through plugin_call: it writes, and those functions are read-only\r\n");
  expect(await s.r.get("ro")).toBe("kept");
});

it("sends a callee's replies nowhere: the client gets the caller's reply only", async () => {
  expect(await call("noisy")).toEqual([0, "quiet"]);
  expect(await s.r.ping()).toBe("PONG");
});

it("finds the callee at each call: unloaded, it is missing; loaded or reloaded again, it answers", async () => {
  expect(await s.r.call("MODULE", "UNLOAD", "offerer")).toBe("OK");
  expect(await errorOf(call("echo", "x"))).toBe("ERR plugin_call: no plugin named 'offerer' is loaded");
  expect(await s.r.call("MODULE", "LOAD", OFFERER)).toBe("OK");
  expect(await call("echo", "back")).toEqual([4, "back"]);
  expect(await s.r.call("MODULE", "RELOAD", "offerer", OFFERER)).toBe("OK");
  expect(await call("echo", "reloaded")).toEqual([8, "reloaded"]);
});
