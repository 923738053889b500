// CLIENT PAUSE / UNPAUSE, NO-EVICT, NO-TOUCH against a real server: WRITE mode lets reads through and
// holds writes until UNPAUSE or the timeout, ALL holds everything, held clients count as blocked, and
// NO-TOUCH leaves a key's idle time alone. Also runs against redis-server (TEST_AGAINST=redis) except
// NO-TOUCH, which Redis 7.2 added after Debian's 7.0.
import { afterEach, expect, it } from "vitest";
import { against } from "../../helpers/target.js";
import { errorOf, sleep, useServer } from "../../helpers/server.js";
import { infoField } from "./info-fields.js";

const server = useServer([], { flush: true });

afterEach(async () => {
  await server.client().call("client", "unpause");
});

/** Resolves with how long `reply` took, and its value. */
async function timed<T>(reply: Promise<T>): Promise<{ ms: number; value: T }> {
  const start = Date.now();
  const value = await reply;
  return { ms: Date.now() - start, value };
}

it("WRITE mode serves GET and holds SET until CLIENT UNPAUSE", async () => {
  const admin = server.client();
  const c = server.client();
  await c.set("k", "before");
  expect(await admin.call("client", "pause", "10000", "write")).toBe("OK");
  expect(await c.get("k")).toBe("before");
  let done = false;
  const set = c.set("k", "after").then((v) => ((done = true), v));
  await sleep(200);
  expect(done).toBe(false);
  expect(infoField((await admin.call("info", "clients")) as string, "blocked_clients")).toBe("1");
  expect(await admin.call("client", "list")).toMatch(/flags=b .*cmd=set /);
  expect(await admin.call("client", "unpause")).toBe("OK");
  expect(await set).toBe("OK");
  expect(await c.get("k")).toBe("after");
});

it("WRITE mode holds a write until the timeout ends, and keeps the pipeline's order", async () => {
  const admin = server.client();
  const c = server.client();
  await admin.call("client", "pause", "400", "write");
  const pipeline = timed(c.pipeline().set("p", "1").get("p").exec());
  const { ms, value } = await pipeline;
  expect(ms).toBeGreaterThanOrEqual(300);
  expect(value).toEqual([[null, "OK"], [null, "1"]]);
});

// Redis flags PFCOUNT (it may rewrite the HLL's cached cardinality) and PUBLISH/SPUBLISH `may_replicate`,
// and WRITE mode pauses those too (unit/pause).
it.each([
  ["pfcount", "h"],
  ["publish", "ch", "m"],
  ["spublish", "ch", "m"],
])("WRITE mode holds %s (may_replicate) until CLIENT UNPAUSE", async (...cmd) => {
  const admin = server.client();
  const c = server.client();
  await admin.call("client", "pause", "10000", "write");
  let done = false;
  const reply = c.call(cmd[0]!, ...cmd.slice(1)).then((v) => ((done = true), v));
  // Either the command answers (not held) or the server counts the client as blocked (held).
  while (!done && infoField((await admin.call("info", "clients")) as string, "blocked_clients") !== "1") await sleep(5);
  expect(done).toBe(false);
  expect(await admin.call("client", "unpause")).toBe("OK");
  expect(await reply).toBe(0);
});

it("WRITE mode holds an EXEC that queued a write, not one that only reads", async () => {
  const admin = server.client();
  const [writer, reader] = [server.client(), server.client()];
  for (const [c, cmd] of [[writer, ["set", "k", "v"]], [reader, ["get", "k"]]] as const) {
    expect(await c.call("multi")).toBe("OK");
    expect(await c.call(cmd[0], ...cmd.slice(1))).toBe("QUEUED");
  }
  await admin.call("client", "pause", "10000", "write");
  let done = false;
  const held = writer.call("exec").then((v) => ((done = true), v));
  expect(await reader.call("exec")).toEqual([null]);
  while (!done && infoField((await admin.call("info", "clients")) as string, "blocked_clients") !== "1") await sleep(5);
  expect(done).toBe(false);
  expect(await admin.call("client", "unpause")).toBe("OK");
  expect(await held).toEqual(["OK"]);
});

it("ALL mode holds reads too", async () => {
  const admin = server.client();
  const c = server.client();
  await admin.call("client", "pause", "300", "all");
  const { ms, value } = await timed(c.get("nothing"));
  expect(value).toBeNull();
  expect(ms).toBeGreaterThanOrEqual(200);
});

it("rejects bad arguments with Redis's errors", async () => {
  expect(await errorOf(server.r.call("client", "pause", "abc"))).toBe("ERR timeout is not an integer or out of range");
  expect(await errorOf(server.r.call("client", "pause", "-1"))).toBe("ERR timeout is negative");
  expect(await errorOf(server.r.call("client", "pause", "100", "reads"))).toBe("ERR CLIENT PAUSE mode must be WRITE or ALL");
  expect(await errorOf(server.r.call("client", "pause", "100", "write", "x"))).toBe("ERR unknown subcommand or wrong number of arguments for 'pause'. Try CLIENT HELP.");
  expect(await errorOf(server.r.call("client", "no-evict", "maybe"))).toBe("ERR syntax error");
});

it("shows NO-EVICT in CLIENT LIST's flags", async () => {
  const c = server.client();
  expect(await c.call("client", "no-evict", "on")).toBe("OK");
  expect(await c.call("client", "info")).toMatch(/ flags=e /);
  await c.call("client", "no-evict", "off");
  expect(await c.call("client", "info")).toMatch(/ flags=N /);
});

it.skipIf(against === "redis")("NO-TOUCH leaves the idle time of keys it reads, TOUCH still touches", async () => {
  const c = server.client();
  await c.set("idle", "v");
  await c.set("touched", "v");
  expect(await c.call("client", "no-touch", "on")).toBe("OK");
  expect(await c.call("client", "info")).toMatch(/ flags=T /);
  await sleep(2100);
  await c.get("idle");
  await c.call("touch", "touched");
  expect(await c.call("object", "idletime", "idle")).toBeGreaterThanOrEqual(2);
  // Below 2 rather than 0: on a loaded machine a second boundary can pass between the touch and the read.
  expect(await c.call("object", "idletime", "touched")).toBeLessThan(2);
  await c.call("client", "no-touch", "off");
  await c.get("idle");
  expect(await c.call("object", "idletime", "idle")).toBeLessThan(2);
});
