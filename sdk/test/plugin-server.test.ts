// The SDK's test harness as a plugin's tests use it: build, start with write-intent checking on, clients
// in both protocols, and a stop that leaves nothing behind.
import { join } from "node:path";
import { connect } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startPluginServer, type PluginServer } from "../testing/index.js";

let server: PluginServer;
beforeAll(async () => {
  server = await startPluginServer(join(import.meta.dirname, "../examples/counter"));
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

it("starts the plugin with plugin-debug-write-intent on, for RESP2 and RESP3 clients", async () => {
  expect(await server.r.call("config", "get", "plugin-debug-write-intent")).toEqual(["plugin-debug-write-intent", "yes"]);
  expect(await server.r.call("counter.incrby", "c", "5")).toBe(5);
  const resp3 = await server.resp3();
  // RESP3 sends CONFIG GET's answer as a map, which node-redis gives as an object.
  expect(await resp3.sendCommand(["CONFIG", "GET", "plugin-debug-write-intent"])).toEqual({ "plugin-debug-write-intent": "yes" });
  expect(await resp3.sendCommand(["COUNTER.GET", "c"])).toBe(5);
  expect(await resp3.sendCommand(["COUNTER.GET", "missing"])).toBe(null);
});

it("stops the server and its clients", async () => {
  const { port } = server;
  await server.stop();
  const refused = await new Promise<boolean>((done) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => { socket.destroy(); done(false); });
    socket.once("error", () => done(true));
  });
  expect(refused).toBe(true);
});
