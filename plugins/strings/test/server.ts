// One server and one ioredis client per test file; the database is flushed before each test.
import Redis from "ioredis";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startTarget, type Target } from "../../../test/helpers/target.js";

export function useServer(): { redis: () => Redis } {
  let target: Target;
  let client: Redis;
  beforeAll(async () => {
    target = await startTarget();
    client = new Redis({ port: target.port, host: "127.0.0.1", lazyConnect: true, maxRetriesPerRequest: 0 });
    await client.connect();
  });
  afterAll(async () => {
    client?.disconnect();
    await target?.stop();
  });
  beforeEach(async () => {
    await client.call("FLUSHALL");
  });
  return { redis: () => client };
}

/** The error text a command fails with (byte-exact), or a failure if it succeeded. */
export async function errorOf(p: Promise<unknown>): Promise<string> {
  try {
    const value = await p;
    throw new Error(`expected an error, got ${JSON.stringify(value)}`);
  } catch (e) {
    return (e as Error).message;
  }
}

export const WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";
