// Expiry as Redis does it, both ways: lazily, when an expired key is touched, and actively, when the
// periodic cycle samples keys with a TTL and reclaims them without anyone asking.
import { afterAll, beforeAll, expect, it } from "vitest";
import { Redis } from "ioredis";
import { startTarget, type Target } from "../helpers/target.js";

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

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function expiredKeys(): Promise<number> {
  const info = (await r.call("info", "stats")) as string;
  return Number(/expired_keys:(\d+)/.exec(info)![1]);
}

it("deletes an expired key when it is next read", async () => {
  await r.set("lazy", "v", "PX", 50);
  await sleep(120);
  expect(await r.get("lazy")).toBeNull();
  expect(await r.exists("lazy")).toBe(0);
});

it("reclaims expired keys nobody reads, in the background", async () => {
  await r.flushall();
  await r.config("SET", "hz", "50");
  const before = await expiredKeys();
  const pipeline = r.pipeline();
  for (let i = 0; i < 500; i++) pipeline.set(`volatile:${i}`, "v", "PX", 100);
  for (let i = 0; i < 50; i++) pipeline.set(`stable:${i}`, "v");
  await pipeline.exec();
  expect(await r.dbsize()).toBe(550);
  const deadline = Date.now() + 5000;
  while ((await r.dbsize()) > 50 && Date.now() < deadline) await sleep(100);
  expect(await r.dbsize()).toBe(50);
  expect((await expiredKeys()) - before).toBe(500);
  await r.config("SET", "hz", "10");
});
