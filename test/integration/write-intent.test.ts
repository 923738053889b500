// plugin-debug-write-intent (issue 11): a plugin that changes a value it opened without write intent
// fails that command loudly — an error naming the plugin and command, and a log line — and the change is
// then signalled (WATCH sees it). Off by default. Fixture: test/fixtures/plugins/unruly (UNRULY.SNEAK
// adds 1 to a cell after a read-only open).
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { Redis } from "ioredis";
import { ROOT, startTarget } from "../helpers/target.js";
import { errorOf, useServer } from "../helpers/server.js";

const UNRULY = join(ROOT, "build/fixtures/unruly.wasm");
const SNEAKED = "ERR plugin 'unruly' changed key 'c' in 'unruly.sneak' without opening it for writing (plugin-debug-write-intent)";

describe("with plugin-debug-write-intent yes", () => {
  const server = useServer(["--loadmodule", UNRULY, "--plugin-debug-write-intent", "yes"], { kind: "ferrite", flush: true });

  it("fails a command that changed a value it opened read-only, with a log line", async () => {
    await server.r.call("unruly.set", "c", "1");
    expect(await errorOf(server.r.call("unruly.sneak", "c"))).toBe(SNEAKED);
    await server.target.waitForLog(/plugin 'unruly' changed key 'c' in 'unruly.sneak'/);
    expect(await server.r.ping()).toBe("PONG");
  });

  it("lets reads and writes opened as they should be through", async () => {
    await server.r.call("unruly.set", "c", "5");
    expect(await server.r.call("unruly.get", "c")).toBe(5);
    await server.r.call("unruly.set", "c", "6");
    expect(await server.r.call("unruly.get", "c")).toBe(6);
  });

  it("signals the change it found: a WATCH on the key fails the transaction", async () => {
    await server.r.call("unruly.set", "c", "1");
    const watcher = server.client();
    await watcher.watch("c");
    await errorOf(server.r.call("unruly.sneak", "c"));
    expect(await watcher.multi().ping().exec()).toBeNull();
  });

  it("is checked inside MULTI/EXEC too", async () => {
    await server.r.call("unruly.set", "c", "1");
    const replies = await server.r.multi().call("unruly.sneak", "c").ping().exec();
    expect(replies![0][0]!.message).toBe(SNEAKED);
    expect(replies![1]).toEqual([null, "PONG"]);
  });
});

describe("by default", () => {
  // startTarget, not useServer: useServer turns the mode on for every plugin test.
  it("is off, and CONFIG SET turns it on", async () => {
    const target = await startTarget(["--loadmodule", UNRULY], "ferrite");
    const r = new Redis({ port: target.port, maxRetriesPerRequest: 0 });
    try {
      expect(await r.config("GET", "plugin-debug-write-intent")).toEqual(["plugin-debug-write-intent", "no"]);
      await r.call("unruly.set", "c", "1");
      expect(await r.call("unruly.sneak", "c")).toBe(2);
      await r.config("SET", "plugin-debug-write-intent", "yes");
      expect(await errorOf(r.call("unruly.sneak", "c"))).toBe(SNEAKED);
    } finally {
      r.disconnect();
      await target.stop();
    }
  });
});
