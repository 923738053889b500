// set-max-intset-entries and set-max-listpack-entries|value decide OBJECT ENCODING as in Redis 7.2.
// Runs against redis-server too (TEST_AGAINST=redis), except the listpack encoding, new in 7.2.
import { afterEach, expect, it } from "vitest";
import { useServer } from "../../helpers/server.js";
import { against } from "../../helpers/target.js";

const server = useServer([], { flush: true });
const encoding = (key: string) => server.r.object("ENCODING", key);
const redis70 = against === "redis";

afterEach(async () => {
  await server.r.config("SET", "set-max-intset-entries", "512");
  if (!redis70) await server.r.config("SET", "set-max-listpack-entries", "128", "set-max-listpack-value", "64");
});

it("converts an intset past set-max-intset-entries", async () => {
  await server.r.config("SET", "set-max-intset-entries", "2");
  await server.r.sadd("s", 1, 2);
  expect(await encoding("s")).toBe("intset");
  await server.r.sadd("s", 3);
  expect(await encoding("s")).toBe("hashtable");
});

it.skipIf(redis70)("converts a listpack past set-max-listpack-entries, or with a member longer than set-max-listpack-value", async () => {
  await server.r.config("SET", "set-max-listpack-entries", "2", "set-max-listpack-value", "4");
  await server.r.sadd("s", "a", "b");
  expect(await encoding("s")).toBe("listpack");
  await server.r.sadd("s", "c");
  expect(await encoding("s")).toBe("hashtable");
  await server.r.sadd("v", "abcd");
  expect(await encoding("v")).toBe("listpack");
  await server.r.sadd("v", "abcde");
  expect(await encoding("v")).toBe("hashtable");
  await server.r.sadd("i", 1, 2, 3);
  expect(await encoding("i")).toBe("intset");
  await server.r.sadd("i", "x");
  expect(await encoding("i")).toBe("hashtable");
});

it.skipIf(redis70)("keeps long members whole under a set-max-listpack-value above 255", async () => {
  await server.r.config("SET", "set-max-listpack-value", "1000");
  const long = "z".repeat(300);
  await server.r.sadd("long", "a", long);
  expect((await server.r.smembers("long")).sort()).toEqual([long, "a"].sort());
  expect(await server.r.sismember("long", long)).toBe(1);
});
