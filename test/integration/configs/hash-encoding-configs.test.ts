// hash-max-listpack-entries|value (and their ziplist aliases) decide OBJECT ENCODING as in Redis:
// checked on every write, an update included, and never converting back. Runs against redis-server
// too (TEST_AGAINST=redis).
import { afterEach, expect, it } from "vitest";
import { useServer } from "../../helpers/server.js";

const server = useServer([], { flush: true });
const encoding = (key: string) => server.r.object("ENCODING", key);

afterEach(async () => {
  await server.r.config("SET", "hash-max-listpack-entries", "512", "hash-max-listpack-value", "64");
});

it("converts a hash past hash-max-listpack-entries", async () => {
  await server.r.config("SET", "hash-max-listpack-entries", "2");
  await server.r.hset("h", "a", "1", "b", "2");
  expect(await encoding("h")).toBe("listpack");
  await server.r.hset("h", "c", "3");
  expect(await encoding("h")).toBe("hashtable");
});

it("converts a hash holding a field or value longer than hash-max-ziplist-value", async () => {
  await server.r.config("SET", "hash-max-ziplist-value", "4");
  expect(await server.r.config("GET", "hash-max-listpack-value")).toEqual(["hash-max-listpack-value", "4"]);
  await server.r.hset("v", "a", "1234");
  expect(await encoding("v")).toBe("listpack");
  await server.r.hset("v", "b", "12345");
  expect(await encoding("v")).toBe("hashtable");
  await server.r.hset("f", "12345", "1");
  expect(await encoding("f")).toBe("hashtable");
});

it("leaves a packed hash as it is when the limit drops, until its next write", async () => {
  await server.r.hset("h", "a", "1", "b", "2", "c", "3");
  await server.r.config("SET", "hash-max-ziplist-entries", "1");
  expect(await encoding("h")).toBe("listpack");
  expect(await server.r.hrandfield("h", -5)).toHaveLength(5);
  await server.r.hset("h", "a", "9");
  expect(await encoding("h")).toBe("hashtable");
  await server.r.config("SET", "hash-max-ziplist-entries", "512");
  await server.r.hdel("h", "a");
  expect(await encoding("h")).toBe("hashtable");
});

it("keeps hashes packed up to a raised limit", async () => {
  await server.r.config("SET", "hash-max-listpack-entries", "1000");
  const pairs = Array.from({ length: 1000 }, (_, i) => [`f${i}`, "v"]).flat();
  await server.r.hset("big", ...pairs);
  expect(await encoding("big")).toBe("listpack");
  expect(new Set(await server.r.hrandfield("big", 1000)).size).toBe(1000);
});

it("keeps long values whole under a hash-max-listpack-value above 255", async () => {
  // Ferrite's packed items have a one-byte length, so it packs at most 255-byte items whatever the
  // setting (docs/adr/0021): here Redis keeps a listpack, Ferrite a table; the values are what matter.
  await server.r.config("SET", "hash-max-listpack-value", "1000");
  const long = "x".repeat(300);
  await server.r.hset("long", "f", long, long, "v");
  expect(await server.r.hget("long", "f")).toBe(long);
  expect(await server.r.hget("long", long)).toBe("v");
  expect(await server.r.hgetall("long")).toEqual({ f: long, [long]: "v" });
});
