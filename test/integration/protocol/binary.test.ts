// Binary-safe bulk strings: every byte value in keys and values (CR, LF and NUL included), the exact
// bytes on the wire, and a value of tens of megabytes round-tripping. Runs against redis-server too.
import { expect, it } from "vitest";
import { useServer } from "../../helpers/server.js";
import { exchange, multibulk } from "../../helpers/raw-resp.js";

const server = useServer();

const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

it("stores a key and a value made of all 256 byte values", async () => {
  const value = Buffer.from(ALL_BYTES).reverse();
  expect(await server.r.set(ALL_BYTES, value)).toBe("OK");
  expect(await server.r.getBuffer(ALL_BYTES)).toEqual(value);
  expect(await server.r.strlen(ALL_BYTES)).toBe(256);
  expect(await server.r.keysBuffer("*")).toContainEqual(ALL_BYTES);
  await server.r.del(ALL_BYTES);
});

it("keeps 256 one-byte keys apart, each with its own binary value", async () => {
  await server.r.select(1);
  const keys = [...ALL_BYTES].map((b) => Buffer.from([b]));
  const values = [...ALL_BYTES].map((b) => Buffer.from([b, 0, 13, 10, 255 - b]));
  await server.r.mset(keys.flatMap((k, i) => [k, values[i]]));
  expect(await server.r.dbsize()).toBe(256);
  expect(await server.r.mgetBuffer(keys)).toEqual(values);
  await server.r.flushdb();
  await server.r.select(0);
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
  expect(await server.r.set("bin:big", big)).toBe("OK");
  expect(await server.r.strlen("bin:big")).toBe(big.length);
  const back = await server.r.getBuffer("bin:big");
  expect(back!.length).toBe(big.length);
  expect(back!.equals(big)).toBe(true);
  expect(await server.r.getrangeBuffer("bin:big", -4, -1)).toEqual(Buffer.from([0xef, 0xbe, 0xad, 0xde]));
  await server.r.del("bin:big");
});
