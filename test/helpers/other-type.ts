// A key holding a value of a type other than string, for WRONGTYPE checks: a list, on either server.
import type { Redis } from "ioredis";

/** Makes `key` hold a list (replacing nothing: the key must be absent). */
export async function otherTypeKey(redis: Redis, key: string): Promise<void> {
  await redis.rpush(key, "x");
}

/** The error a command fails with on a key of another type. */
export const WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";
