// Builds this plugin, starts Ferrite with it loaded (on a free port, with plugin-debug-write-intent on)
// and calls its command, through the SDK's test harness: `ferrite` must be installed where this folder
// can import it (npm install <path to Ferrite>), and built (`make build`). Run: npx ferrite-plugin test <this folder>.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startPluginServer, type PluginServer } from "ferrite/sdk/testing";

const { name } = JSON.parse(readFileSync(join(import.meta.dirname, "../plugin.json"), "utf8"));
let server: PluginServer;
beforeAll(async () => {
  server = await startPluginServer(join(import.meta.dirname, ".."));
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

it("greets", async () => {
  expect(await server.r.call(`${name}.greet`)).toBe("hello");
  expect(await server.r.call(`${name}.greet`, "world")).toBe("world");
});
