// The counter type end to end: built with the SDK (`make fixtures`), loaded into Ferrite with --loadmodule,
// driven by ioredis.
import { Redis } from "ioredis";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ROOT, against, startTarget, type Target } from "../../../../test/helpers/target.js";

// A Ferrite plugin: there is nothing to compare against on redis-server.
describe.skipIf(against === "redis")("counter example type", () => {
  let target: Target;
  let redis: Redis;
  beforeAll(async () => {
    target = await startTarget(["--loadmodule", join(ROOT, "build/fixtures/counter.wasm")]);
    redis = new Redis({ port: target.port, maxRetriesPerRequest: 0 });
  });
  afterAll(async () => {
    redis?.disconnect();
    await target?.stop();
  });
  // Each test starts from counters it made itself: leftovers would shift every expected value.
  beforeEach(async () => {
    await redis.call("FLUSHALL");
  });

  it("counts, reads and resets", async () => {
    expect(await redis.call("COUNTER.GET", "c")).toBeNull();
    expect(await redis.call("COUNTER.INCRBY", "c", "5")).toBe(5);
    expect(await redis.call("COUNTER.INCRBY", "c", "-7")).toBe(-2);
    expect(await redis.call("COUNTER.GET", "c")).toBe(-2);
    expect(await redis.call("COUNTER.RESET", "c")).toBe(-2);
    expect(await redis.call("COUNTER.GET", "c")).toBe(0);
  });

  it("is a type of its own to the host", async () => {
    await redis.call("COUNTER.INCRBY", "c", "1");
    expect(await redis.type("c")).toBe("counter");
    expect(await redis.call("OBJECT", "ENCODING", "c")).toBe("i64");
    await redis.set("s", "x");
    await expect(redis.call("COUNTER.GET", "s")).rejects.toThrow(/^WRONGTYPE/);
    await expect(redis.get("c")).rejects.toThrow(/^WRONGTYPE/);
  });

  it("survives COPY and DUMP/RESTORE through its callbacks", async () => {
    await redis.call("COUNTER.INCRBY", "c", "41");
    expect(await redis.call("COPY", "c", "d")).toBe(1);
    await redis.call("COUNTER.INCRBY", "d", "1");
    expect(await redis.call("COUNTER.GET", "c")).toBe(41);
    expect(await redis.call("COUNTER.GET", "d")).toBe(42);
    const dump = await redis.dumpBuffer("d");
    await redis.restore("e", 0, dump);
    expect(await redis.call("COUNTER.GET", "e")).toBe(42);
  });

  it("checks its arguments", async () => {
    await expect(redis.call("COUNTER.INCRBY", "c", "x")).rejects.toThrow("ERR value is not an integer or out of range");
    await redis.call("COUNTER.INCRBY", "c", "9223372036854775807");
    await expect(redis.call("COUNTER.INCRBY", "c", "1")).rejects.toThrow("ERR increment or decrement would overflow");
  });
});
