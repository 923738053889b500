// Builds this plugin, loads it into Ferrite and calls its command. Paths assume the plugin lives at
// plugins/<name>/ in the Ferrite repository; adjust the two imports below if it lives elsewhere.
import Redis from "ioredis";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildPluginToFile } from "../../../sdk/build/build-plugin.js";
import { startTarget, type Target } from "../../../test/helpers/target.js";

const { name } = JSON.parse(readFileSync(join(import.meta.dirname, "../plugin.json"), "utf8"));
let target: Target;
let redis: Redis;
beforeAll(async () => {
  const wasm = join(mkdtempSync(join(tmpdir(), "plugin-")), "plugin.wasm");
  await buildPluginToFile(join(import.meta.dirname, ".."), wasm);
  // plugin-debug-write-intent: a command that changes a value it opened without write intent fails loudly
  // here, instead of losing the change to persistence and WATCH in production.
  target = await startTarget(["--plugin-debug-write-intent", "yes", "--loadmodule", wasm], "ferrite");
  redis = new Redis({ port: target.port, maxRetriesPerRequest: 0 });
}, 60_000);
afterAll(async () => {
  redis?.disconnect();
  await target?.stop();
});

it("greets", async () => {
  expect(await redis.call(`${name}.greet`)).toBe("hello");
  expect(await redis.call(`${name}.greet`, "world")).toBe("world");
});
