// Binary-safe bulk strings: every byte value in keys and values (CR, LF and NUL included), the exact
// bytes on the wire, and a value of tens of megabytes round-tripping. Runs against redis-server too.
import { afterAll, beforeAll, expect, it } from "vitest";
import { Redis } from "ioredis";
import { startTarget, type Target } from "../../helpers/target.js";
import { exchange, multibulk } from "./raw-exchange.js";

let server: Target;
let r: Redis;

beforeAll(async () => {
  server = await startTarget();
  r = new Redis({ port: server.port });
});

afterAll(async () => {
  r?.disconnect();
  await server?.stop();
});

const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

it("stores a key and a value made of all 256 byte values", async () => {
  const value = Buffer.from(ALL_BYTES).reverse();
  expect(await r.set(ALL_BYTES, value)).toBe("OK");
  expect(await r.getBuffer(ALL_BYTES)).toEqual(value);
  expect(await r.strlen(ALL_BYTES)).toBe(256);
  expect(await r.keysBuffer("*")).toContainEqual(ALL_BYTES);
  await r.del(ALL_BYTES);
});

it("keeps 256 one-byte keys apart, each with its own binary value", async () => {
  await r.select(1);
  const keys = [...ALL_BYTES].map((b) => Buffer.from([b]));
  const values = [...ALL_BYTES].map((b) => Buffer.from([b, 0, 13, 10, 255 - b]));
  await r.mset(keys.flatMap((k, i) => [k, values[i]]));
  expect(await r.dbsize()).toBe(256);
  expect(await r.mgetBuffer(keys)).toEqual(values);
  await r.flushdb();
  await r.select(0);
});

it("sends the exact bytes back in a raw bulk reply", async () => {
  const request = Buffer.concat([multibulk("SET", "bin:raw", ALL_BYTES), multibulk("GET", "bin:raw")]);
  const expected = Buffer.concat([Buffer.from("+OK\r\n$256\r\n"), ALL_BYTES, Buffer.from("\r\n")]).toString("latin1");
  const { text } = await exchange(server.port, request, (t) => t.length >= expected.length);
  expect(text).toBe(expected);
});

it("round-trips a 48 MB value", { timeout: 60_000 }, async () => {
  const big = Buffer.alloc(48 * 1024 * 1024);
  for (let i = 0; i < big.length; i += 4096) ALL_BYTES.copy(big, i, 0, Math.min(256, big.length - i));
  big.writeUInt32LE(0xdeadbeef, big.length - 4);
  expect(await r.set("bin:big", big)).toBe("OK");
  expect(await r.strlen("bin:big")).toBe(big.length);
  const back = await r.getBuffer("bin:big");
  expect(back!.length).toBe(big.length);
  expect(back!.equals(big)).toBe(true);
  expect(await r.getrangeBuffer("bin:big", -4, -1)).toEqual(Buffer.from([0xef, 0xbe, 0xad, 0xde]));
  await r.del("bin:big");
});
