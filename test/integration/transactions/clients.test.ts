// Transactions as client libraries drive them: ioredis multi()/exec() (pipelined MULTI … EXEC) and
// watch(), node-redis multi().exec() in RESP2 and RESP3 and its WatchError. Runs against redis-server
// too (TEST_AGAINST=redis).
import { afterEach, describe, expect, it } from "vitest";
import { createClient, WatchError } from "redis";
import { useServer } from "../../helpers/server.js";

const server = useServer([], { flush: true });

describe("ioredis", () => {
  it("runs multi()/exec() and returns [error, reply] pairs", async () => {
    await server.r.set("io:s", "abc");
    const result = await server.r.multi().set("io:a", "1").incr("io:a").incr("io:s").hset("io:h", "f", "v").hgetall("io:h").exec();
    expect(result!.map(([, reply]) => reply)).toEqual(["OK", 2, undefined, 1, { f: "v" }]);
    expect(result![2][0]!.message).toBe("ERR value is not an integer or out of range");
  });

  it("rejects exec() with EXECABORT when a command was refused while queuing", async () => {
    const c = server.client();
    await expect(c.multi().set("io:x", "1").call("nosuchcommand").exec()).rejects.toThrow(
      "EXECABORT Transaction discarded because of previous errors.",
    );
    expect(await c.exists("io:x")).toBe(0);
  });

  it("exec() resolves null when a watched key changed", async () => {
    const watcher = server.client();
    await watcher.watch("io:w");
    await server.r.set("io:w", "theirs");
    expect(await watcher.multi().set("io:w", "mine").exec()).toBeNull();
    expect(await server.r.get("io:w")).toBe("theirs");
  });

  it("implements a check-and-set retry loop with concurrent incrementers", async () => {
    await server.r.set("io:counter", "0");
    const incrementer = async () => {
      const c = server.client();
      for (let n = 0; n < 5; n++) {
        for (let done = false; !done;) {
          await c.watch("io:counter");
          const value = Number(await c.get("io:counter"));
          done = (await c.multi().set("io:counter", String(value + 1)).exec()) !== null;
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, incrementer));
    expect(await server.r.get("io:counter")).toBe("40");
  });
});

describe("node-redis", () => {
  const clients: ReturnType<typeof createClient>[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
  });
  async function connect(resp: 2 | 3) {
    const c = createClient({ socket: { port: server.port }, RESP: resp });
    clients.push(c);
    await c.connect();
    return c;
  }

  for (const resp of [2, 3] as const) {
    it(`runs multi().exec() in RESP${resp}`, async () => {
      const c = await connect(resp);
      const replies = await c.multi().set("nr:a", "1").incrBy("nr:a", 4).get("nr:a").hSet("nr:h", "f", "v").hGetAll("nr:h").exec();
      expect(replies).toEqual(["OK", 5, "5", 1, { f: "v" }]);
    });
  }

  it("throws WatchError from exec() when a watched key changed", async () => {
    const c = await connect(2);
    await c.watch("nr:w");
    await server.r.set("nr:w", "theirs");
    await expect(c.multi().set("nr:w", "mine").exec()).rejects.toBeInstanceOf(WatchError);
    expect(await server.r.get("nr:w")).toBe("theirs");
  });

  it("reports a command's error inside EXEC without undoing the others", async () => {
    const c = await connect(3);
    await c.set("nr:s", "abc");
    const failure = (await c.multi().set("nr:ok", "1").incr("nr:s").exec().catch((e) => e)) as { replies: unknown[]; errorIndexes: number[] };
    expect(failure.errorIndexes).toEqual([1]);
    expect(failure.replies[0]).toBe("OK");
    expect((failure.replies[1] as Error).message).toBe("ERR value is not an integer or out of range");
    expect(await c.get("nr:ok")).toBe("1");
  });
});
