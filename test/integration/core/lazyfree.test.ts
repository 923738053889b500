// INFO's lazyfree counters as Redis's lazyfree.c keeps them: UNLINK counts a value whose free effort is
// over 64 (a hash-table set's members, a skip list's, a quicklist's nodes, a stream's nodes and groups),
// not a compact one; DEL, overwrites and expiries only under their lazyfree-lazy-* configs; FLUSHALL/
// FLUSHDB ASYNC count every key; CONFIG RESETSTAT clears the count. Ferrite frees at once, so nothing
// is ever pending (ADR 0050). Also runs against redis-server (TEST_AGAINST=redis), which frees in a
// thread: each read waits until nothing is pending, as Redis's own unit/lazyfree does.
import { afterEach, beforeEach, expect, it } from "vitest";
import { sleep, useServer } from "../../helpers/server.js";

const server = useServer();

async function field(name: string): Promise<number> {
  const info = (await server.r.info("memory")) as string;
  return Number(new RegExp(`\\r\\n${name}:(\\d+)\\r\\n`).exec(info)![1]);
}

/** lazyfreed_objects once the background frees are done. */
async function lazyfreed(): Promise<number> {
  for (let i = 0; i < 100 && (await field("lazyfree_pending_objects")) !== 0; i++) await sleep(20);
  expect(await field("lazyfree_pending_objects")).toBe(0);
  return field("lazyfreed_objects");
}

const LAZY_CONFIGS = ["lazyfree-lazy-user-del", "lazyfree-lazy-server-del", "lazyfree-lazy-expire", "lazyfree-lazy-user-flush"];

beforeEach(async () => {
  await server.r.flushall("SYNC");
  await server.r.config("RESETSTAT");
});

afterEach(async () => {
  for (const name of LAZY_CONFIGS) await server.r.config("SET", name, "no");
});

const members = (n: number, prefix = "m") => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

it("counts an UNLINKed value only when its free effort is over 64", async () => {
  await server.r.sadd("big", ...members(200)); // a hash table of 200 members
  await server.r.sadd("small", ...members(64)); // a listpack (Redis 7.2, up to 128 members): one block
  await server.r.sadd("ints", ...Array.from({ length: 500 }, (_, i) => String(i))); // an intset
  await server.r.set("s", "v");
  expect(await server.r.unlink("small", "ints", "s")).toBe(3);
  expect(await lazyfreed()).toBe(0);
  expect(await server.r.unlink("big")).toBe(1);
  expect(await lazyfreed()).toBe(1);
});

it("counts a big hash, sorted set and list, each by Redis's measure of its free effort", async () => {
  await server.r.hset("h", Object.fromEntries(members(600).map((m) => [m, "v"])));
  await server.r.zadd("z", ...members(200).flatMap((m, i) => [i, m]));
  // A quicklist of more than 64 nodes: list-max-listpack-size -2 keeps 8 KiB per node.
  await server.r.rpush("l", ...Array.from({ length: 70 }, () => "x".repeat(5000)));
  // And a list past one listpack but of few nodes: effort 2.
  await server.r.rpush("l2", ...Array.from({ length: 2 }, () => "x".repeat(5000)));
  expect(await server.r.unlink("h", "z", "l", "l2")).toBe(4);
  expect(await lazyfreed()).toBe(3);
});

it("counts a stream with all kinds of metadata, not one with a deleted group (Redis's unit/lazyfree)", async () => {
  await server.r.config("SET", "stream-node-max-entries", "5");
  try {
    for (let j = 0; j < 1000; j++) await server.r.xadd("stream", "*", j % 10 === 0 ? "bar" : "foo", String(j));
    await server.r.xgroup("CREATE", "stream", "mygroup", "0");
    const records = (await server.r.xreadgroup("GROUP", "mygroup", "Alice", "COUNT", "2", "STREAMS", "stream", ">")) as [string, [string, string[]][]][];
    await server.r.xdel("stream", records[0][1][1][0]);
    await server.r.xack("stream", "mygroup", records[0][1][0][0]);
    await server.r.unlink("stream");
    expect(await lazyfreed()).toBe(1);
  } finally {
    await server.r.config("SET", "stream-node-max-entries", "100");
  }
  await server.r.config("RESETSTAT");
  await server.r.xadd("s", "*", "a", "b");
  await server.r.xgroup("CREATE", "s", "bla", "$");
  await server.r.xgroup("DESTROY", "s", "bla");
  await server.r.unlink("s");
  expect(await lazyfreed()).toBe(0);
});

it("counts DEL, an overwrite and an expiry only under their lazyfree-lazy-* configs", async () => {
  await server.r.sadd("a", ...members(200));
  await server.r.del("a");
  expect(await lazyfreed()).toBe(0);
  await server.r.config("SET", "lazyfree-lazy-user-del", "yes");
  await server.r.sadd("a", ...members(200));
  await server.r.del("a");
  expect(await lazyfreed()).toBe(1);

  await server.r.sadd("b", ...members(200));
  await server.r.set("b", "plain"); // an overwrite: no
  expect(await lazyfreed()).toBe(1);
  await server.r.config("SET", "lazyfree-lazy-server-del", "yes");
  await server.r.sadd("c", ...members(200));
  await server.r.set("c", "plain");
  expect(await lazyfreed()).toBe(2);

  await server.r.config("SET", "lazyfree-lazy-expire", "yes");
  await server.r.sadd("d", ...members(200));
  await server.r.pexpire("d", 1);
  await sleep(10);
  expect(await server.r.exists("d")).toBe(0); // expired on access
  expect(await lazyfreed()).toBe(3);
});

it("counts every key of FLUSHALL/FLUSHDB ASYNC (or neither mode with lazyfree-lazy-user-flush), none of SYNC", async () => {
  await server.r.mset("a", "1", "b", "2", "c", "3");
  await server.r.flushall("SYNC");
  expect(await lazyfreed()).toBe(0);
  await server.r.mset("a", "1", "b", "2", "c", "3");
  await server.r.flushall("ASYNC");
  expect(await lazyfreed()).toBe(3);
  await server.r.mset("a", "1", "b", "2");
  await server.r.flushdb();
  expect(await lazyfreed()).toBe(3);
  await server.r.config("SET", "lazyfree-lazy-user-flush", "yes");
  await server.r.mset("a", "1", "b", "2");
  await server.r.flushdb();
  expect(await lazyfreed()).toBe(5);
  await server.r.config("RESETSTAT");
  expect(await lazyfreed()).toBe(0);
});
