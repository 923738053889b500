// The numbered databases: SELECT over the default 16, DBSIZE, FLUSHDB and FLUSHALL (with ASYNC/SYNC),
// and SWAPDB, through ioredis, node-redis and redis-cli -n. Runs against redis-server too.
import { beforeEach, expect, it } from "vitest";
import { Redis } from "ioredis";
import { createClient } from "redis";
import { useServer } from "../../helpers/server.js";
import { redisCli } from "../protocol/cli.js";

const server = useServer();

beforeEach(async () => {
  await server.r.flushall();
  await server.r.select(0);
});

/** Key counts of databases 0..15 as seen from a separate connection. */
async function sizes(): Promise<number[]> {
  const other = new Redis({ port: server.port });
  const out = [];
  for (let db = 0; db < 16; db++) {
    await other.select(db);
    out.push(await other.dbsize());
  }
  other.disconnect();
  return out;
}

it("selects each of 16 databases and refuses the others", async () => {
  for (let db = 0; db < 16; db++) expect(await server.r.select(db)).toBe("OK");
  await expect(server.r.select(16)).rejects.toThrow("ERR DB index is out of range");
  await expect(server.r.select(-1)).rejects.toThrow("ERR DB index is out of range");
  await expect(server.r.call("select", "x")).rejects.toThrow("ERR value is not an integer or out of range");
  await expect(server.r.call("select", "01")).rejects.toThrow("ERR value is not an integer or out of range");
  // A refused SELECT leaves the current database as it was.
  expect(await server.r.set("db15", "x")).toBe("OK");
  expect((await sizes())[15]).toBe(1);
});

it("keeps each database's keys apart and counts them with DBSIZE", async () => {
  await server.r.set("k", "zero");
  await server.r.select(7);
  expect(await server.r.get("k")).toBeNull();
  await server.r.mset("k", "seven", "k2", "x");
  expect(await server.r.dbsize()).toBe(2);
  await server.r.select(0);
  expect(await server.r.get("k")).toBe("zero");
  expect(await server.r.dbsize()).toBe(1);
});

it("empties only the current database with FLUSHDB, in any mode", async () => {
  for (const db of [0, 1, 2]) {
    await server.r.select(db);
    await server.r.set("k", String(db));
  }
  await server.r.select(1);
  expect(await server.r.flushdb()).toBe("OK");
  await server.r.select(2);
  expect(await server.r.call("flushdb", "ASYNC")).toBe("OK");
  expect((await sizes()).slice(0, 3)).toEqual([1, 0, 0]);
  expect(await server.r.call("flushdb", "sync")).toBe("OK");
  await expect(server.r.call("flushdb", "lazy")).rejects.toThrow("ERR syntax error");
  await expect(server.r.call("flushdb", "sync", "async")).rejects.toThrow("ERR syntax error");
});

it("empties every database with FLUSHALL, SYNC and ASYNC alike", async () => {
  for (const mode of [[], ["SYNC"], ["async"]]) {
    for (const db of [0, 5, 15]) {
      await server.r.select(db);
      await server.r.set("k", "v");
    }
    expect(await server.r.call("flushall", ...mode)).toBe("OK");
    expect(await sizes()).toEqual(new Array(16).fill(0));
  }
  await expect(server.r.call("flushall", "now")).rejects.toThrow("ERR syntax error");
});

it("swaps two databases for every connection with SWAPDB", async () => {
  await server.r.set("in-zero", "0");
  await server.r.select(3);
  await server.r.mset("in-three", "3", "also-three", "3");
  const watcher = new Redis({ port: server.port, db: 3 });
  expect(await server.r.swapdb(0, 3)).toBe("OK");
  // Still in db 3, which now holds what db 0 held: for this connection and any other selecting it.
  expect(await server.r.get("in-zero")).toBe("0");
  expect(await watcher.get("in-three")).toBeNull();
  expect(await watcher.get("in-zero")).toBe("0");
  await server.r.select(0);
  expect(await server.r.mget("in-three", "also-three", "in-zero")).toEqual(["3", "3", null]);
  expect(await server.r.swapdb(5, 5)).toBe("OK");
  watcher.disconnect();
});

it("words SWAPDB's errors as Redis does", async () => {
  await expect(server.r.swapdb(0, 16)).rejects.toThrow("ERR DB index is out of range");
  await expect(server.r.swapdb(-1, 0)).rejects.toThrow("ERR DB index is out of range");
  await expect(server.r.call("swapdb", "x", "1")).rejects.toThrow("ERR invalid first DB index");
  await expect(server.r.call("swapdb", "1", "x")).rejects.toThrow("ERR invalid second DB index");
  await expect(server.r.call("swapdb", "1")).rejects.toThrow("ERR wrong number of arguments for 'swapdb' command");
});

it("selects databases from node-redis and redis-cli -n", async () => {
  const client = createClient({ socket: { port: server.port }, database: 4 });
  await client.connect();
  try {
    await client.set("from-node-redis", "4");
    expect(await client.dbSize()).toBe(1);
  } finally {
    client.destroy();
  }
  expect(redisCli(server.port, "-n", "4", "GET", "from-node-redis").stdout).toBe("4\n");
  expect(redisCli(server.port, "-n", "4", "DBSIZE").stdout).toBe("1\n");
  expect(redisCli(server.port, "--no-raw", "SELECT", "16").stdout).toBe("(error) ERR DB index is out of range\n");
});
