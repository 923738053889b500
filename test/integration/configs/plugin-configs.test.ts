// Host API 1.4: configs a plugin declares are server configs (CONFIG GET/SET, the command line, MODULE
// LOADEX … CONFIG), named `<plugin>.<name>` for a third-party plugin, and reach the plugin's config
// block, which the tunable fixture replies slot by slot (plugin.json order).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../helpers/server.js";
import { startFailure, useRestarts } from "../../helpers/restarts.js";
import { ROOT } from "../../helpers/target.js";

const TUNABLE = join(ROOT, "build/fixtures/tunable.wasm");
const NOTEBOOK = join(ROOT, "build/fixtures/notebook.wasm");

describe("a plugin loaded at startup", () => {
  const server = useServer(["--loadmodule", TUNABLE, "--tunable.max", "20", "--hash-max-ziplist-entries", "3"], { kind: "ferrite" });
  const slots = () => server.r.call("tunable.slots") as Promise<number[]>;

  it("takes its configs from the command line, by name or alias, before its code runs", async () => {
    expect(await server.r.call("config", "get", "hash-max-listpack-entries")).toEqual(["hash-max-listpack-entries", "3"]);
    expect(await slots()).toEqual([0, 20, 4096, 0, 0, 1, 7]);
  });

  it("answers CONFIG GET patterns with names and aliases, and hidden configs only by name", async () => {
    const reply = (await server.r.call("config", "get", "tunable.*")) as string[];
    expect(reply).toEqual([
      "tunable.verbose", "no", "tunable.limit", "20", "tunable.max", "20", "tunable.cache", "4096",
      "tunable.mode", "fast", "tunable.label", "none", "tunable.shards", "1",
    ]);
    expect(await server.r.call("config", "get", "tunable.secret-knob")).toEqual(["tunable.secret-knob", "7"]);
  });

  it("writes CONFIG SET's values into the plugin's config block, several at once", async () => {
    expect(await server.r.call("config", "set", "tunable.verbose", "yes", "tunable.mode", "paranoid", "tunable.cache", "1mb", "tunable.label", "x")).toBe("OK");
    expect(await slots()).toEqual([1, 20, 1048576, 2, 0, 1, 7]);
    expect(await server.r.call("config", "get", "tunable.cache")).toEqual(["tunable.cache", "1048576"]);
  });

  it("applies CONFIG SET all or nothing", async () => {
    const before = await slots();
    expect(await errorOf(server.r.call("config", "set", "tunable.limit", "50", "tunable.mode", "nope"))).toBe(
      "ERR CONFIG SET failed (possibly related to argument 'tunable.mode') - argument(s) must be one of the following: fast, safe, paranoid",
    );
    expect(await errorOf(server.r.call("config", "set", "tunable.limit", "1001"))).toBe(
      "ERR CONFIG SET failed (possibly related to argument 'tunable.limit') - argument must be between 1 and 1000 inclusive",
    );
    expect(await errorOf(server.r.call("config", "set", "tunable.limit", "5", "tunable.shards", "2"))).toBe(
      "ERR CONFIG SET failed (possibly related to argument 'tunable.shards') - can't set immutable config",
    );
    expect(await slots()).toEqual(before);
    expect(await server.r.call("config", "get", "tunable.limit")).toEqual(["tunable.limit", "20"]);
  });

  it("removes a plugin's configs with the plugin, and MODULE LOADEX sets them at load", async () => {
    expect(await server.r.call("module", "unload", "tunable")).toBe("OK");
    expect(await server.r.call("config", "get", "tunable.*")).toEqual([]);
    expect(await errorOf(server.r.call("config", "set", "tunable.limit", "5"))).toBe(
      "ERR Unknown option or number of arguments for CONFIG SET - 'tunable.limit'",
    );
    expect(await server.r.call("module", "loadex", TUNABLE, "config", "tunable.limit", "99", "config", "tunable.shards", "4")).toBe("OK");
    expect(await slots()).toEqual([0, 99, 4096, 0, 0, 4, 7]);
  });

  it("refuses a MODULE LOADEX config the plugin lacks or a value out of bounds, loading nothing", async () => {
    expect(await server.r.call("module", "unload", "tunable")).toBe("OK");
    expect(await errorOf(server.r.call("module", "loadex", TUNABLE, "config", "tunable.nope", "1"))).toMatch(
      /^ERR Error loading the extension\. Please check the server logs\. Reason: plugin 'tunable' has no config 'tunable\.nope'$/,
    );
    expect(await errorOf(server.r.call("module", "loadex", TUNABLE, "config", "tunable.limit", "0"))).toMatch(
      /Reason: plugin 'tunable': config 'tunable\.limit': argument must be between 1 and 1000 inclusive$/,
    );
    expect(await server.r.call("config", "get", "tunable.*")).toEqual([]);
    expect(await server.r.call("module", "load", TUNABLE)).toBe("OK");
    expect(await slots()).toEqual([0, 10, 4096, 0, 0, 1, 7]);
  });

  it("still loads plugins built for older host APIs, without configs", async () => {
    expect(await server.r.call("module", "load", NOTEBOOK)).toBe("OK"); // host API 1.2
    expect(await server.r.call("notebook.read")).toBe("");
    expect(await server.r.set("k", "v")).toBe("OK"); // strings, host API 1.3, loaded at startup
  });
});

describe("startup", () => {
  const restarts = useRestarts();

  it("refuses a directive no server config and no plugin loaded at startup names", async () => {
    expect(await startFailure(restarts, restarts.newDir(), ["--tunable.limit", "5"])).toContain(
      "*** FATAL CONFIG FILE ERROR (command line) ***\n>>> 'tunable.limit 5'\nBad directive or wrong number of arguments",
    );
  });

  it("refuses a plugin config's value out of its bounds", async () => {
    expect(await startFailure(restarts, restarts.newDir(), ["--loadmodule", TUNABLE, "--tunable.limit", "0"])).toContain(
      "plugin 'tunable': config 'tunable.limit': argument must be between 1 and 1000 inclusive",
    );
  });
});
