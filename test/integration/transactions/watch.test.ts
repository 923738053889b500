// WATCH races between two clients: a watched key written by another client (by a write command of
// every type, through every plugin), expiring, flushed or swapped away fails the watcher's EXEC with a
// null; another key, or the same name in another database, does not. UNWATCH, EXEC, DISCARD and RESET
// drop the watches. Runs against redis-server too (TEST_AGAINST=redis): each case is Redis's behaviour.
import { describe, expect, it } from "vitest";
import type { Redis } from "ioredis";
import { eventually, useServer, sleep } from "../../helpers/server.js";
import { against } from "../../helpers/target.js";
import { RawConnection } from "../../helpers/raw-resp.js";
import { writeCases } from "./write-cases.js";

const server = useServer([], { flush: true });

/** MULTI, PING, EXEC on `c`: null when the transaction was refused, else ["PONG"]. */
async function transaction(c: Redis): Promise<unknown> {
  await c.call("multi");
  await c.call("ping");
  return c.call("exec");
}

/** What k holds, TTL included (DUMP leaves it out). */
async function state(c: Redis): Promise<unknown[]> {
  const ttl = await c.pttl("k");
  return [await c.dumpBuffer("k"), ttl > 0 ? "volatile" : ttl];
}

async function watching(key: string, db = 0): Promise<Redis> {
  const c = server.client({ db });
  expect(await c.watch(key)).toBe("OK");
  return c;
}

describe("a write by another client to the watched key fails EXEC", () => {
  for (const { name, setup, write, redisKeepsWatch } of writeCases) {
    it(redisKeepsWatch && against === "redis" ? `${name} (not in Redis 7)` : name, async () => {
      const other = server.client();
      for (const command of setup) await other.call(command[0], ...command.slice(1));
      const watcher = await watching("k");
      const before = await state(other);
      const reply = typeof write === "function" ? await write(other) : await other.call(write[0], ...write.slice(1));
      // Each case really changes k (a no-op write need not fail EXEC: Redis does not signal it).
      expect(await state(other), `${JSON.stringify(reply)} left k unchanged`).not.toEqual(before);
      expect(await transaction(watcher)).toEqual(redisKeepsWatch && against === "redis" ? ["PONG"] : null);
    });
  }
});

describe("what does not fail EXEC", () => {
  it("a write to another key", async () => {
    const watcher = await watching("k");
    await server.r.set("k2", "v");
    await server.r.lpush("l", "x");
    expect(await transaction(watcher)).toEqual(["PONG"]);
  });

  it("a write to the same name in another database", async () => {
    const watcher = await watching("k", 0);
    await server.client({ db: 1 }).set("k", "v");
    expect(await transaction(watcher)).toEqual(["PONG"]);
  });

  it("the transaction's own writes, queued after WATCH", async () => {
    const watcher = await watching("k");
    await watcher.call("multi");
    await watcher.call("set", "k", "mine");
    expect(await watcher.call("exec")).toEqual(["OK"]);
  });

  it("FLUSHDB when the watched key does not exist, or in another database", async () => {
    const watcher = await watching("k");
    await server.r.flushdb();
    await server.client({ db: 1 }).set("k", "v");
    await server.client({ db: 1 }).flushdb();
    expect(await transaction(watcher)).toEqual(["PONG"]);
  });

  it("SWAPDB when the watched key is in neither database", async () => {
    await server.client({ db: 1 }).set("k2", "v");
    const watcher = await watching("k");
    await server.r.swapdb(0, 1);
    expect(await transaction(watcher)).toEqual(["PONG"]);
  });
});

describe("more that fails EXEC", () => {
  it("a write in the watched key's database, whichever database the watcher selected since", async () => {
    const watcher = await watching("k", 1);
    await watcher.select(0);
    await server.client({ db: 1 }).set("k", "v");
    expect(await transaction(watcher)).toBeNull();
  });

  it("the watcher's own write between WATCH and MULTI", async () => {
    const watcher = await watching("k");
    await watcher.set("k", "v");
    expect(await transaction(watcher)).toBeNull();
  });

  it("every client watching the key", async () => {
    const [a, b] = [await watching("k"), await watching("k")];
    await server.r.set("k", "v");
    expect(await transaction(a)).toBeNull();
    expect(await transaction(b)).toBeNull();
  });

  it("a write to any one of several watched keys, and watching more keys afterwards does not help", async () => {
    const watcher = server.client();
    await watcher.watch("a", "b", "c");
    await server.r.set("b", "v");
    await watcher.watch("d");
    expect(await transaction(watcher)).toBeNull();
  });

  it("FLUSHDB and FLUSHALL when the watched key exists", async () => {
    await server.r.set("k", "v");
    const w1 = await watching("k");
    await server.r.flushdb();
    expect(await transaction(w1)).toBeNull();
    await server.client({ db: 3 }).set("k", "v");
    const w2 = await watching("k", 3);
    await server.r.flushall();
    expect(await transaction(w2)).toBeNull();
  });

  it("SWAPDB when the watched key is in either database", async () => {
    await server.r.set("k", "v");
    const w1 = await watching("k");
    await server.r.swapdb(0, 1); // k leaves database 0
    expect(await transaction(w1)).toBeNull();
    const w2 = await watching("k");
    await server.r.swapdb(0, 1); // k comes back into database 0
    expect(await transaction(w2)).toBeNull();
  });
});

describe("expiry", () => {
  /**
   * A watcher of k, which lives 100 ms from now and was alive when watched (a key already expired when
   * watched is another case: its deletion is no change). Retried if a slow machine watched too late.
   */
  async function watchingShortLived(): Promise<Redis> {
    const watcher = server.client();
    for (;;) {
      await server.r.set("k", "v", "PX", 100);
      await watcher.watch("k");
      if ((await watcher.pttl("k")) > 0) return watcher;
      await watcher.unwatch();
    }
  }

  it("a watched key that expires fails EXEC, though nothing deleted it yet", async () => {
    const watcher = await watchingShortLived();
    await sleep(150);
    expect(await transaction(watcher)).toBeNull();
  });

  it("a watched key deleted by another client's access after it expired fails EXEC", async () => {
    const watcher = await watchingShortLived();
    await sleep(150);
    expect(await server.r.get("k")).toBeNull();
    expect(await transaction(watcher)).toBeNull();
  });

  it("a watched key deleted by active expiry fails EXEC", async () => {
    const expired = async () => Number(/expired_keys:(\d+)/.exec(await server.r.info("stats"))![1]);
    const watcher = await watchingShortLived();
    const start = await expired();
    while ((await expired()) === start) await sleep(20);
    expect(await transaction(watcher)).toBeNull();
  });

  it("a TTL far away does not", async () => {
    await server.r.set("k", "v", "EX", 100);
    const watcher = await watching("k");
    expect(await transaction(watcher)).toEqual(["PONG"]);
  });
});

describe("watches end with UNWATCH, EXEC, DISCARD, RESET", () => {
  it("UNWATCH", async () => {
    const watcher = await watching("k");
    expect(await watcher.unwatch()).toBe("OK");
    await server.r.set("k", "v");
    expect(await transaction(watcher)).toEqual(["PONG"]);
  });

  it("EXEC, whether it ran or failed", async () => {
    const watcher = await watching("k");
    expect(await transaction(watcher)).toEqual(["PONG"]);
    await server.r.set("k", "v");
    expect(await transaction(watcher)).toEqual(["PONG"]);
    await watcher.watch("k");
    await server.r.set("k", "w");
    expect(await transaction(watcher)).toBeNull();
    await server.r.set("k", "x");
    expect(await transaction(watcher)).toEqual(["PONG"]);
  });

  it("DISCARD", async () => {
    const watcher = await watching("k");
    await watcher.call("multi");
    await watcher.call("discard");
    await server.r.set("k", "v");
    expect(await transaction(watcher)).toEqual(["PONG"]);
  });

  it("RESET, and UNWATCH clears a dirty watch", async () => {
    const c = await RawConnection.open(server.port);
    await c.send(["WATCH", "k"]);
    await server.r.set("k", "v");
    const flags = async () => /flags=(\S+)/.exec(await c.send(["CLIENT", "INFO"]))![1];
    expect(await flags()).toBe("d");
    await c.send(["UNWATCH"]);
    expect(await flags()).toBe("N");
    await c.send(["WATCH", "k"]);
    await c.send(["RESET"]);
    await server.r.set("k", "w");
    expect(await c.pipeline(["MULTI"], ["PING"], ["EXEC"])).toEqual(["+OK\r\n", "+QUEUED\r\n", "*1\r\n+PONG\r\n"]);
    c.close();
  });

  it("a failed EXEC answers a null array in RESP2 and a null in RESP3", async () => {
    for (const [proto, nil] of [["2", "*-1\r\n"], ["3", "_\r\n"]]) {
      const c = await RawConnection.open(server.port);
      await c.send(["HELLO", proto]);
      await c.send(["WATCH", "k"]);
      await server.r.set("k", proto);
      expect(await c.pipeline(["MULTI"], ["PING"], ["EXEC"])).toEqual(["+OK\r\n", "+QUEUED\r\n", nil]);
      c.close();
    }
  });
});

describe.skipIf(against === "redis")("INFO's watch counters (Redis 7.2 fields)", () => {
  const counters = async () => {
    const info = await server.r.info("clients");
    return [Number(/watching_clients:(\d+)/.exec(info)![1]), Number(/total_watched_keys:(\d+)/.exec(info)![1])];
  };

  it("count watching clients and distinct keys, and drop a closed client's watches", async () => {
    const a = await watching("k");
    const b = server.client();
    await b.watch("k", "k2");
    expect(await counters()).toEqual([2, 2]);
    b.disconnect();
    // The server forgets b's watches when it handles the close, in its own time: a fixed sleep failed
    // whenever a loaded machine ran the server later than that.
    expect(await eventually(counters, [1, 1])).toEqual([1, 1]);
    await a.unwatch();
    expect(await counters()).toEqual([0, 0]);
  });
});
