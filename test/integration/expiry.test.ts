// Expiry as Redis does it, both ways: lazily, when an expired key is touched, and actively, when the
// periodic cycle samples keys with a TTL and reclaims them without anyone asking.
import { expect, it } from "vitest";
import { sleep, useServer } from "../helpers/server.js";

const server = useServer();

async function expiredKeys(): Promise<number> {
  const info = (await server.r.call("info", "stats")) as string;
  return Number(/expired_keys:(\d+)/.exec(info)![1]);
}

it("deletes an expired key when it is next read", async () => {
  await server.r.set("lazy", "v", "PX", 50);
  await sleep(120);
  expect(await server.r.get("lazy")).toBeNull();
  expect(await server.r.exists("lazy")).toBe(0);
});

it("reclaims expired keys nobody reads, in the background", async () => {
  await server.r.flushall();
  await server.r.config("SET", "hz", "50");
  const before = await expiredKeys();
  const pipeline = server.r.pipeline();
  for (let i = 0; i < 500; i++) pipeline.set(`volatile:${i}`, "v", "PX", 100);
  for (let i = 0; i < 50; i++) pipeline.set(`stable:${i}`, "v");
  await pipeline.exec();
  const deadline = Date.now() + 5000;
  while ((await server.r.dbsize()) > 50 && Date.now() < deadline) await sleep(100);
  expect(await server.r.dbsize()).toBe(50);
  expect((await expiredKeys()) - before).toBe(500);
  await server.r.config("SET", "hz", "10");
});
