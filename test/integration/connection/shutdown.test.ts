// SHUTDOWN: refused options leave the server up; a plain SHUTDOWN (from ioredis or redis-cli) ends the
// process with status 0 and drops its clients. Runs against redis-server too (TEST_AGAINST=redis).
import { afterEach, expect, it } from "vitest";
import { Redis } from "ioredis";
import { startTarget, type Target } from "../../helpers/target.js";
import { redisCli } from "../protocol/cli.js";

let server: Target | undefined;

afterEach(async () => {
  await server?.stop();
  server = undefined;
});

it("refuses unknown options and ABORT without a shutdown in progress", async () => {
  server = await startTarget();
  const r = new Redis({ port: server.port });
  await expect(r.call("shutdown", "later")).rejects.toThrow("ERR syntax error");
  await expect(r.call("shutdown", "abort")).rejects.toThrow("ERR No shutdown in progress.");
  expect(await r.ping()).toBe("PONG");
  r.disconnect();
});

it("exits with status 0 on SHUTDOWN, closing every connection", async () => {
  server = await startTarget();
  const bystander = new Redis({ port: server.port, retryStrategy: () => null });
  await bystander.ping();
  const closed = new Promise((resolve) => bystander.once("end", resolve));
  const r = new Redis({ port: server.port, retryStrategy: () => null });
  // The connection ends instead of answering, so the command fails client-side.
  await expect(r.call("shutdown", "nosave")).rejects.toThrow();
  expect(await server.exited).toBe(0);
  await closed;
  r.disconnect();
});

it("exits on SHUTDOWN from redis-cli", async () => {
  server = await startTarget();
  const run = redisCli(server.port, "SHUTDOWN");
  expect(run.stdout).toBe("");
  expect(await server.exited).toBe(0);
});
