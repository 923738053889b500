// The sandbox's promises, each against a deliberately hostile plugin (test/fixtures/plugins/hostile):
// a runaway loop, a memory hog, a trap and an abort each fail one command with a clear error, and the
// server, other clients and the plugin itself keep working.
import { beforeAll, describe, expect, it } from "vitest";
import type { Redis } from "ioredis";
import { join } from "node:path";
import { ROOT } from "../helpers/target.js";
import { useServer } from "../helpers/server.js";
import { watPlugin } from "../helpers/wat-plugin.js";
import { exchange } from "../helpers/raw-resp.js";

const HOSTILE = join(ROOT, "build/fixtures/hostile.wasm");
const server = useServer(["--plugin-call-budget-ms", "200", "--plugin-max-memory", "64mb", "--loadmodule", HOSTILE], { kind: "ferrite" });
let a: Redis;
let b: Redis;

beforeAll(() => {
  a = server.client();
  b = server.client();
});

describe("a plugin that never returns", () => {
  it("fails its command once the CPU budget is spent, and others are served", async () => {
    const spinning = a.call("hostile.spin").catch((e: Error) => e);
    const ping = b.ping();
    const err = await spinning;
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toBe("ERR plugin 'hostile' exceeded its CPU budget of 200 ms");
    expect(await ping).toBe("PONG");
    expect(await a.call("hostile.ok")).toBe(499500);
  });

  it("follows CONFIG SET plugin-call-budget-ms", async () => {
    await b.config("SET", "plugin-call-budget-ms", "50");
    await expect(a.call("hostile.spin")).rejects.toThrow("ERR plugin 'hostile' exceeded its CPU budget of 50 ms");
    await b.config("SET", "plugin-call-budget-ms", "200");
  });
});

describe("a plugin that allocates past its memory cap", () => {
  it("gets an OOM error and the server and other plugins keep their data", async () => {
    await b.set("survivor", "still here");
    // Touching 64 MiB can take longer than the 200 ms CPU budget on a loaded machine, and the budget is
    // not what this test is about: the memory cap must be what stops the plugin.
    await b.config("SET", "plugin-call-budget-ms", "10000");
    await expect(a.call("hostile.alloc")).rejects.toThrow(/^OOM plugin 'hostile' ran out of memory/);
    await b.config("SET", "plugin-call-budget-ms", "200");
    expect(await b.get("survivor")).toBe("still here");
    expect(await a.call("hostile.ok")).toBe(499500);
  });
});

describe("a plugin that traps", () => {
  it("sends one error naming the plugin, never the partial reply", async () => {
    // Raw bytes, so a partial reply sent before the error would show.
    expect((await exchange(server.port, "HOSTILE.TRAP\r\n", (t) => t.endsWith("\r\n"))).text).toBe("-ERR plugin 'hostile' trapped: unreachable\r\n");
    expect(await a.call("hostile.ok")).toBe(499500);
  });

  it("reports an abort with its message", async () => {
    await expect(a.call("hostile.abort")).rejects.toThrow(/^ERR plugin 'hostile' aborted: hostile plugin gave up/);
  });
});

describe("a plugin whose ferrite_arena answers no usable room", () => {
  it("fails its commands with the reason, writing nothing into its memory, and the server goes on", async () => {
    const command = { id: 0, name: "nowhere.go", arity: 1, flags: [], acl_categories: [], first_key: 0, last_key: 0, step: 0 };
    for (const [name, arena] of [["nowhere", 0], ["beyond", 0x7ffffff0]] as const) {
      const path = watPlugin(server.target.dir, `${name}.wasm`, { name, commands: [{ ...command, name: `${name}.go` }] }, "", arena);
      expect(await a.call("module", "load", path)).toBe("OK");
      await expect(a.call(`${name}.go`)).rejects.toThrow(`ERR plugin '${name}': ferrite_arena(4096) answered ${arena}, not the address of 4096 bytes in its memory`);
      expect(await b.ping()).toBe("PONG");
      expect(await a.call("module", "unload", name)).toBe("OK");
    }
  });
});

describe("load-time refusals", () => {
  it("refuses an unknown ABI major with a clear log line", async () => {
    const path = watPlugin(server.target.dir, "future.wasm", { name: "future", abi: "2.0" });
    await expect(a.call("module", "load", path)).rejects.toThrow("ERR Error loading the extension. Please check the server logs.");
    await server.target.waitForLog(/plugin 'future' targets host API 2\.0, but this server implements major version 1/);
  });

  it("refuses a plugin importing anything outside the host API", async () => {
    const path = watPlugin(server.target.dir, "rogue.wasm", { name: "rogue" }, `(import "env" "fetch" (func (param i32)))`);
    await expect(a.call("module", "load", path)).rejects.toThrow("ERR Error loading the extension. Please check the server logs.");
    await server.target.waitForLog(/plugin 'rogue' refused: .*env\.fetch/);
  });

  it("refuses a plugin using an import newer than the ABI minor it declares", async () => {
    const path = watPlugin(server.target.dir, "early.wasm", { name: "early", abi: "1.0" },
      `(import "ferrite" "block_on_keys" (func (param i32 i32 i32 f64 i32 i32 i32) (result i32)))`);
    await expect(server.r.call("module", "load", path)).rejects.toThrow("ERR Error loading the extension.");
    await server.target.waitForLog(/plugin 'early' refused: .*block_on_keys/);
  });

  it("refuses a file that is not a plugin", async () => {
    await expect(a.call("module", "load", join(ROOT, "package.json"))).rejects.toThrow("ERR Error loading the extension.");
  });
});
