// zset-max-listpack-entries|value (and their ziplist aliases) decide OBJECT ENCODING as in Redis.
// Runs against redis-server too (TEST_AGAINST=redis).
import { afterEach, expect, it } from "vitest";
import { useServer } from "../../helpers/server.js";

const server = useServer([], { flush: true });
const encoding = (key: string) => server.r.object("ENCODING", key);

afterEach(async () => {
  await server.r.config("SET", "zset-max-listpack-entries", "128", "zset-max-listpack-value", "64");
});

it("converts a sorted set past zset-max-ziplist-entries", async () => {
  await server.r.config("SET", "zset-max-ziplist-entries", "2");
  expect(await server.r.config("GET", "zset-max-listpack-entries")).toEqual(["zset-max-listpack-entries", "2"]);
  await server.r.zadd("z", 1, "a", 2, "b");
  expect(await encoding("z")).toBe("listpack");
  await server.r.zadd("z", 3, "c");
  expect(await encoding("z")).toBe("skiplist");
  await server.r.zadd("born", 1, "a", 2, "b", 3, "c");
  expect(await encoding("born")).toBe("skiplist");
});

it("converts a sorted set holding a member longer than zset-max-listpack-value", async () => {
  await server.r.config("SET", "zset-max-listpack-value", "4");
  await server.r.zadd("z", 1, "1234");
  expect(await encoding("z")).toBe("listpack");
  await server.r.zadd("z", 2, "12345");
  expect(await encoding("z")).toBe("skiplist");
});

it("keeps sorted sets packed up to a raised limit, and converts with zset-max-listpack-entries 0", async () => {
  await server.r.config("SET", "zset-max-listpack-entries", "300");
  await server.r.zadd("big", ...Array.from({ length: 300 }, (_, i) => [i, `m${i}`]).flat());
  expect(await encoding("big")).toBe("listpack");
  await server.r.config("SET", "zset-max-listpack-entries", "0");
  await server.r.zadd("none", 1, "a");
  expect(await encoding("none")).toBe("skiplist");
});

it("keeps long members whole under a zset-max-listpack-value above 255", async () => {
  await server.r.config("SET", "zset-max-listpack-value", "1000");
  const long = "y".repeat(300);
  await server.r.zadd("long", 1, long, 2, "b");
  expect(await server.r.zrange("long", 0, -1)).toEqual([long, "b"]);
  expect(await server.r.zscore("long", long)).toBe("1");
});
