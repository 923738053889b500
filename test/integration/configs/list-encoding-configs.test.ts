// list-max-listpack-size (alias list-max-ziplist-size) decides OBJECT ENCODING as in Redis 7.2
// (listTypeTryConvertListpack/Quicklist over quicklistNodeLimit), and how quicklist nodes fill.
// Ferrite only: redis-server 7.0 has no listpack-encoded lists. list-compress-depth is accepted and kept.
import { afterEach, expect, it } from "vitest";
import { useServer } from "../../helpers/server.js";

const server = useServer([], { kind: "ferrite", flush: true });
const encoding = (key: string) => server.r.object("ENCODING", key);

afterEach(async () => {
  await server.r.config("SET", "list-max-listpack-size", "-2", "list-compress-depth", "0");
});

it("converts past a count limit, and back once a single node holds half of it", async () => {
  await server.r.config("SET", "list-max-ziplist-size", "4");
  expect(await server.r.config("GET", "list-max-listpack-size")).toEqual(["list-max-listpack-size", "4"]);
  await server.r.rpush("l", "a", "b", "c", "d");
  expect(await encoding("l")).toBe("listpack");
  await server.r.rpush("l", "e");
  expect(await encoding("l")).toBe("quicklist");
  await server.r.lpop("l", 4);
  expect(await encoding("l")).toBe("listpack");
});

it("converts past a byte limit (-1: 4 KiB)", async () => {
  await server.r.config("SET", "list-max-listpack-size", "-1");
  await server.r.rpush("l", "x".repeat(2000));
  expect(await encoding("l")).toBe("listpack");
  await server.r.rpush("l", "x".repeat(2100));
  expect(await encoding("l")).toBe("quicklist");
});

it("keeps every element in order across nodes of one or two elements", async () => {
  for (const size of ["1", "2", "0"]) {
    await server.r.del("l");
    await server.r.config("SET", "list-max-listpack-size", size);
    const values = Array.from({ length: 20 }, (_, i) => `v${i}`);
    await server.r.rpush("l", ...values);
    await server.r.linsert("l", "BEFORE", "v10", "mid");
    await server.r.lset("l", 0, "first");
    values.splice(10, 0, "mid");
    values[0] = "first";
    expect(await server.r.lrange("l", 0, -1)).toEqual(values);
    expect(await encoding("l")).toBe("quicklist");
  }
});

it("accepts and keeps list-compress-depth", async () => {
  await server.r.config("SET", "list-compress-depth", "2");
  expect(await server.r.config("GET", "list-compress-depth")).toEqual(["list-compress-depth", "2"]);
  await server.r.rpush("l", ...Array.from({ length: 1000 }, (_, i) => `e${i}`));
  expect(await server.r.lindex("l", 500)).toBe("e500");
});
