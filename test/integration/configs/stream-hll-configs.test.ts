// stream-node-max-entries|bytes decide where a stream starts a new node (XINFO STREAM's radix-tree-keys
// counts them, against redis-server too with TEST_AGAINST=redis), and hll-sparse-max-bytes when a
// HyperLogLog goes dense (read from its string's header: byte 4 is 0 for dense, 1 for sparse).
import { afterEach, expect, it } from "vitest";
import { useServer } from "../../helpers/server.js";

const server = useServer([], { flush: true });

afterEach(async () => {
  await server.r.config("SET", "stream-node-max-entries", "100", "stream-node-max-bytes", "4096", "hll-sparse-max-bytes", "3000");
});

async function nodes(key: string): Promise<unknown> {
  const info = (await server.r.xinfo("STREAM", key)) as unknown[];
  return info[info.indexOf("radix-tree-keys") + 1];
}

it("starts a stream node every stream-node-max-entries entries", async () => {
  await server.r.config("SET", "stream-node-max-entries", "2");
  for (let i = 0; i < 5; i++) await server.r.xadd("s", "*", "f", "v");
  expect(await nodes("s")).toBe(3);
});

it("starts a stream node when one would reach stream-node-max-bytes", async () => {
  await server.r.config("SET", "stream-node-max-bytes", "1kb");
  for (let i = 0; i < 4; i++) await server.r.xadd("s", "*", "f", "x".repeat(400));
  expect(await nodes("s")).toBe(2); // two 400-byte entries per 1 KiB node, as in Redis
  await server.r.config("SET", "stream-node-max-bytes", "0", "stream-node-max-entries", "0");
  for (let i = 0; i < 300; i++) await server.r.xadd("t", "*", "f", "x".repeat(100));
  expect(await nodes("t")).toBe(1);
});

it("promotes a HyperLogLog past hll-sparse-max-bytes", async () => {
  const encoding = async (key: string) => (await server.r.getrangeBuffer(key, 4, 4))[0];
  await server.r.pfadd("small", "a", "b", "c");
  expect(await encoding("small")).toBe(1);
  await server.r.config("SET", "hll-sparse-max-bytes", "30");
  await server.r.pfadd("h", ..."abcdefghijklmno");
  expect(await encoding("h")).toBe(0);
  expect(await server.r.pfcount("h")).toBe(15);
});
