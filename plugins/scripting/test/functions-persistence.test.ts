// Function libraries outlive the process and the instance: in the snapshot (the plugin's aux record),
// in the AOF (FUNCTION LOAD/DELETE/FLUSH/RESTORE logged as themselves, like Redis's server.dirty++), and
// across a respawn of the plugin after a failed call. Plus FUNCTION DUMP/RESTORE and their policies.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it, vi } from "vitest";
import { useRestarts } from "../../../test/helpers/restarts.js";

vi.setConfig({ testTimeout: 180_000 });

const restarts = useRestarts();
const AOF = ["--save", "", "--appendonly", "yes", "--appendfsync", "always"];
const LIB = "#!lua name=kept\nredis.register_function('hello', function(keys, args) return 'hello ' .. args[1] end)";
const OTHER = "#!lua name=other\nredis.register_function{function_name='twice', callback=function(keys, args) return args[1] * 2 end, flags={'no-writes'}}";

async function errorOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("no error");
}

it("keeps libraries in the snapshot across a restart", async () => {
  const dir = restarts.newDir();
  const a = await restarts.start(dir, ["--save", ""]);
  expect(await a.r.call("FUNCTION", "LOAD", LIB)).toBe("kept");
  expect(await a.r.call("FUNCTION", "LOAD", OTHER)).toBe("other");
  expect(await a.r.call("FUNCTION", "DELETE", "other")).toBe("OK");
  expect(await a.r.call("SAVE")).toBe("OK");
  await restarts.killAll();

  const b = await restarts.start(dir, ["--save", ""]);
  expect(await b.r.call("FCALL", "hello", "0", "again")).toBe("hello again");
  expect(await errorOf(b.r.call("FCALL", "twice", "0", "2"))).toBe("ERR Function not found");
});

it("replays FUNCTION LOAD, DELETE and FLUSH from the AOF, and keeps libraries in a rewritten base", async () => {
  const dir = restarts.newDir();
  const a = await restarts.start(dir, AOF);
  await a.r.call("FUNCTION", "LOAD", OTHER);
  await a.r.call("FUNCTION", "FLUSH");
  await a.r.call("FUNCTION", "LOAD", OTHER);
  await a.r.call("FUNCTION", "LOAD", LIB);
  await a.r.call("FUNCTION", "DELETE", "other");
  expect(await errorOf(a.r.call("FUNCTION", "LOAD", LIB))).toBe("ERR Library 'kept' already exists");
  const incr = readFileSync(join(dir, "appendonlydir/appendonly.aof.1.incr.aof"), "latin1");
  expect(incr.match(/FUNCTION/g)?.length).toBe(5); // the refused LOAD is not logged
  await restarts.killAll();

  const b = await restarts.start(dir, AOF);
  expect(await b.r.call("FCALL", "hello", "0", "aof")).toBe("hello aof");
  expect(await errorOf(b.r.call("FCALL", "twice", "0", "2"))).toBe("ERR Function not found");
  expect(await b.r.bgrewriteaof()).toBe("Background append only file rewriting started");
  await b.target.waitForLog(/Background AOF rewrite finished successfully/, 60_000);
  await restarts.killAll();

  const c = await restarts.start(dir, AOF);
  expect(await c.r.call("FCALL", "hello", "0", "base")).toBe("hello base");
});

it("keeps libraries when the plugin is respawned after a call over its CPU budget", async () => {
  const dir = restarts.newDir();
  const a = await restarts.start(dir, ["--save", "", "--plugin-call-budget-ms", "200"]);
  await a.r.call("FUNCTION", "LOAD", LIB);
  // FCALL has no budget (busy scripts, ADR 0038); FUNCTION LOAD does, as Redis's load timeout
  expect(await errorOf(a.r.call("FUNCTION", "LOAD", "#!lua name=spin\nwhile true do end"))).toBe("ERR plugin 'scripting' exceeded its CPU budget of 200 ms");
  expect(await a.r.call("FCALL", "hello", "0", "respawned")).toBe("hello respawned");
  expect(await a.r.call("FCALL", "HELLO", "0", "x")).toBe("hello x");
});

it("dumps and restores libraries with the APPEND, REPLACE and FLUSH policies, all or nothing", async () => {
  const dir = restarts.newDir();
  const { r } = await restarts.start(dir, ["--save", ""]);
  await r.call("FUNCTION", "LOAD", LIB);
  await r.call("FUNCTION", "LOAD", OTHER);
  const payload = (await r.callBuffer("FUNCTION", "DUMP")) as Buffer;

  await r.call("FUNCTION", "FLUSH");
  expect(await r.call("FUNCTION", "RESTORE", payload)).toBe("OK");
  expect(await r.call("FCALL_RO", "twice", "0", "21")).toBe(42);
  // RESTORE words a collision as Redis's libraryJoin does, without the quotes of FUNCTION LOAD's
  expect(await errorOf(r.call("FUNCTION", "RESTORE", payload))).toBe("ERR Library kept already exists");
  expect(await errorOf(r.call("FUNCTION", "RESTORE", payload, "APPEND"))).toBe("ERR Library kept already exists");
  expect(await r.call("FUNCTION", "RESTORE", payload, "REPLACE")).toBe("OK");

  // a library whose function collides fails the whole restore: the libraries from before stay
  await r.call("FUNCTION", "FLUSH");
  await r.call("FUNCTION", "LOAD", "#!lua name=mine\nredis.register_function('twice', function() return 'mine' end)");
  expect(await errorOf(r.call("FUNCTION", "RESTORE", payload))).toBe("ERR Function twice already exists");
  expect(await r.call("FCALL", "twice", "0")).toBe("mine");
  expect(await errorOf(r.call("FCALL", "hello", "0", "x"))).toBe("ERR Function not found");

  expect(await r.call("FUNCTION", "RESTORE", payload, "FLUSH")).toBe("OK");
  expect(await r.call("FCALL", "twice", "0", "2")).toBe(4);
  expect(((await r.call("FUNCTION", "LIST")) as unknown[]).length).toBe(2);
  expect(await errorOf(r.call("FUNCTION", "RESTORE", payload.subarray(0, payload.length - 1)))).toBe("ERR DUMP payload version or checksum are wrong");
});
