// Two Ferrite servers in one Node process share nothing (issue 12, ADR 0022): each has its own keyspace,
// configs, pub/sub and keyspace events, statistics and plugin instances, because every piece of a
// server's state is an object its Server made and passed on, never a module variable. Both are real
// servers on real sockets, driven by node-redis.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createClient, type RedisClientType } from "redis";
import { freePort } from "../../sdk/testing/index.js";
import { loadConfig } from "../../runtime/src/config/command-line.js";
import { Server } from "../../runtime/src/server/server.js";
import { builtinPlugins } from "../../runtime/src/server/builtin-plugins.js";

interface Running {
  server: Server;
  client: RedisClientType;
  dir: string;
}

let a: Running;
let b: Running;

async function start(): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), "ferrite-two-"));
  const port = await freePort();
  const config = loadConfig(["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "no", "--loglevel", "warning"]);
  const server = new Server(config);
  for (const path of builtinPlugins()) server.plugins.load(path, []);
  await server.listen();
  const client: RedisClientType = createClient({ socket: { port, host: "127.0.0.1" } });
  await client.connect();
  return { server, client, dir };
}

async function stop(r: Running | undefined): Promise<void> {
  if (!r) return;
  await r.client.quit().catch(() => undefined);
  await r.server.close();
  rmSync(r.dir, { recursive: true, force: true });
}

/** One field of INFO `section`. */
async function info(r: Running, section: string, field: string): Promise<string | undefined> {
  const text = await r.client.info(section);
  return text.split("\r\n").find((l) => l.startsWith(`${field}:`))?.slice(field.length + 1);
}

beforeAll(async () => {
  a = await start();
  b = await start();
});

afterAll(async () => {
  await stop(a);
  await stop(b);
});

it("keeps a keyspace per server", async () => {
  await a.client.set("k", "from a");
  await b.client.set("k", "from b");
  await a.client.set("only-a", "1");
  expect(await a.client.get("k")).toBe("from a");
  expect(await b.client.get("k")).toBe("from b");
  expect(await b.client.exists("only-a")).toBe(0);
  expect(await a.client.dbSize()).toBe(2);
  expect(await b.client.dbSize()).toBe(1);
});

it("keeps configs per server", async () => {
  await a.client.configSet("maxmemory-policy", "allkeys-lru");
  expect(await a.client.configGet("maxmemory-policy")).toEqual({ "maxmemory-policy": "allkeys-lru" });
  expect(await b.client.configGet("maxmemory-policy")).toEqual({ "maxmemory-policy": "noeviction" });
});

it("keeps pub/sub and keyspace events per server", async () => {
  await a.client.configSet("notify-keyspace-events", "KEA");
  const subA = a.client.duplicate();
  const subB = b.client.duplicate();
  await Promise.all([subA.connect(), subB.connect()]);
  try {
    const seenA: string[] = [];
    const seenB: string[] = [];
    await subA.pSubscribe("__keyspace@0__:*", (message, channel) => void seenA.push(`${channel} ${message}`));
    await subB.pSubscribe("__keyspace@0__:*", (message, channel) => void seenB.push(`${channel} ${message}`));
    await subB.subscribe("news", (message) => void seenB.push(`news ${message}`));
    // B's subscriber is B's alone: A has no subscriber to `news`.
    expect(await a.client.publish("news", "hello")).toBe(0);
    expect(await b.client.publish("news", "hello")).toBe(1);
    await a.client.set("watched", "1"); // an event on A (its config asks for them)
    await b.client.set("watched", "1"); // none on B (its notify-keyspace-events is still empty)
    // A round trip on each subscriber's connection: what was delivered before it has arrived.
    await Promise.all([subA.ping(), subB.ping()]);
    expect(seenA).toEqual(["__keyspace@0__:watched set"]);
    expect(seenB).toEqual(["news hello"]);
    expect(await a.client.pubSubNumPat()).toBe(1);
    expect(await a.client.pubSubChannels()).toEqual([]);
    expect(await b.client.pubSubChannels()).toEqual(["news"]);
  } finally {
    await Promise.all([subA.quit(), subB.quit()]);
  }
});

it("keeps statistics per server", async () => {
  await a.client.configResetStat();
  await b.client.configResetStat();
  for (let i = 0; i < 3; i++) await expect(a.client.sendCommand(["NO-SUCH-COMMAND"])).rejects.toThrow("ERR unknown command");
  await a.client.get("k");
  await a.client.get("missing");
  expect(await info(a, "stats", "total_error_replies")).toBe("3");
  expect(await info(b, "stats", "total_error_replies")).toBe("0");
  expect(await info(a, "errorstats", "errorstat_ERR")).toBe("count=3");
  expect(await info(b, "errorstats", "errorstat_ERR")).toBeUndefined();
  expect(await info(a, "stats", "keyspace_hits")).toBe("1");
  expect(await info(a, "stats", "keyspace_misses")).toBe("1");
  expect(await info(b, "stats", "keyspace_hits")).toBe("0");
  expect(await info(b, "stats", "keyspace_misses")).toBe("0");
});

it("keeps plugins per server: unloading one on A leaves B's", async () => {
  await b.client.hSet("h", "f", "v");
  expect(await a.client.sendCommand(["MODULE", "UNLOAD", "hash"])).toBe("OK");
  await expect(a.client.sendCommand(["HSET", "h", "f", "v"])).rejects.toThrow("ERR unknown command 'HSET'");
  expect(await b.client.hGet("h", "f")).toBe("v");
  const names = (list: unknown) => (list as unknown[][]).map((m) => String(m[1]));
  expect(names(await a.client.sendCommand(["MODULE", "LIST"]))).not.toContain("hash");
  expect(names(await b.client.sendCommand(["MODULE", "LIST"]))).toContain("hash");
});
