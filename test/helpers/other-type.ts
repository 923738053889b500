// A key holding a value of a type other than string, for WRONGTYPE checks. On redis-server that is a
// list; Ferrite has no list plugin yet, so there it is the SDK's example counter type (built by
// `make fixtures`), loaded on demand into the server under test.
import { join } from "node:path";
import type { Redis } from "ioredis";
import { ROOT, against } from "./target.js";

const COUNTER_WASM = join(ROOT, "build/fixtures/counter.wasm");

/** What TYPE answers for a key made by otherTypeKey. */
export const OTHER_TYPE = against === "redis" ? "list" : "counter";

/** MODULE LIST in RESP2: one flat [field, value, ...] array per module. */
async function counterLoaded(redis: Redis): Promise<boolean> {
  const modules = (await redis.call("MODULE", "LIST")) as unknown[][];
  return modules.some((m) => m[m.indexOf("name") + 1] === "counter");
}

/** Makes `key` hold a value that is neither a string nor missing (replacing nothing: the key must be absent). */
export async function otherTypeKey(redis: Redis, key: string): Promise<void> {
  if (against === "redis") {
    await redis.rpush(key, "x");
    return;
  }
  if (!(await counterLoaded(redis))) await redis.call("MODULE", "LOAD", COUNTER_WASM);
  await redis.call("COUNTER.INCRBY", key, "1");
}

/** The error a command fails with on a key of another type. */
export const WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";
