// Shared by the eviction tests: a limit a little above what the empty server uses, and pipelined writes
// of 1 KiB values to go past it, on Ferrite and redis-server alike.
import type { Redis } from "ioredis";

export const VALUE = "v".repeat(1024);
/** Room above the empty server's usage: a few MB, as the brief asks, about 2000 of those values. */
export const ROOM = 2 * 1024 * 1024;

export function infoField(info: string, name: string): number {
  const m = new RegExp(`^${name}:(\\d+)`, "m").exec(info);
  if (!m) throw new Error(`INFO has no ${name}`);
  return Number(m[1]);
}

export async function usedMemory(r: Redis): Promise<number> {
  return infoField(await r.info("memory"), "used_memory");
}

export async function evictedKeys(r: Redis): Promise<number> {
  return infoField(await r.info("stats"), "evicted_keys");
}

/** An empty server with `policy` and maxmemory = current usage + ROOM. */
export async function limitAboveEmpty(r: Redis, policy: string): Promise<number> {
  await r.config("SET", "maxmemory", "0");
  await r.flushall();
  await r.config("RESETSTAT");
  await r.config("SET", "maxmemory-policy", policy);
  const limit = (await usedMemory(r)) + ROOM;
  await r.config("SET", "maxmemory", String(limit));
  return limit;
}

/** SET prefix:0..count-1 (with a TTL in seconds when `ttl` gives one), 100 per pipeline. */
export async function fill(r: Redis, prefix: string, count: number, ttl?: (i: number) => number): Promise<void> {
  for (let from = 0; from < count; from += 100) {
    const p = r.pipeline();
    for (let i = from; i < Math.min(count, from + 100); i++) {
      if (ttl) p.set(`${prefix}:${i}`, VALUE, "EX", ttl(i));
      else p.set(`${prefix}:${i}`, VALUE);
    }
    const results = await p.exec();
    const failed = results?.find(([err]) => err);
    if (failed) throw failed[0];
  }
}

/** How many VALUE keys fit in ROOM, measured with 200 keys written and deleted again. */
export async function capacity(r: Redis): Promise<number> {
  const before = await usedMemory(r);
  await fill(r, "probe", 200);
  const perKey = ((await usedMemory(r)) - before) / 200;
  await r.del(...Array.from({ length: 200 }, (_, i) => `probe:${i}`));
  return Math.floor(ROOM / perKey);
}

/** evicted_keys once evictions are over (Redis goes on evicting between commands while over the limit). */
export async function settledEvictions(r: Redis): Promise<number> {
  let last = await evictedKeys(r);
  for (;;) {
    await new Promise((done) => setTimeout(done, 100));
    const now = await evictedKeys(r);
    if (now === last) return now;
    last = now;
  }
}

/**
 * How many of prefix:from..count-1 are missing, checking that no more are missing than keys were evicted
 * (Redis evicts before any command while over the limit — INFO's own reply can push it over — so the
 * count is read after the keys are counted).
 */
export async function missingEvicted(r: Redis, prefix: string, count: number, from = 0): Promise<number> {
  const missing = count - from - (await surviving(r, prefix, count, from));
  const evicted = await evictedKeys(r);
  if (missing > evicted) throw new Error(`${missing} of ${prefix}:${from}..${count - 1} missing, only ${evicted} keys evicted`);
  return missing;
}

/** How many of prefix:0..count-1 still exist. */
export async function surviving(r: Redis, prefix: string, count: number, from = 0): Promise<number> {
  const keys = Array.from({ length: count - from }, (_, i) => `${prefix}:${from + i}`);
  let n = 0;
  for (let i = 0; i < keys.length; i += 500) n += await r.exists(...keys.slice(i, i + 500));
  return n;
}

/** Read each key `times` times (LRU: a fresh access; LFU: a higher counter). */
export async function readKeys(r: Redis, prefix: string, count: number, times = 1): Promise<void> {
  const p = r.pipeline();
  for (let t = 0; t < times; t++) for (let i = 0; i < count; i++) p.get(`${prefix}:${i}`);
  await p.exec();
}
