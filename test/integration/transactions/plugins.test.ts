// Transactions know nothing of plugins, so they work for a plugin loaded at run time with MODULE LOAD:
// its commands queue and run in EXEC with the host's arity checks and error texts, WATCH sees its
// in-place writes (the counter fixture changes its value in place after opening the key for writing),
// and a command queued before its plugin was unloaded answers what its name means at EXEC.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useServer } from "../../helpers/server.js";
import { ROOT } from "../../helpers/target.js";
import { RawConnection } from "../../helpers/raw-resp.js";

const COUNTER = join(ROOT, "build/fixtures/counter.wasm");
const server = useServer([], { kind: "ferrite", flush: true });

describe("a plugin loaded with MODULE LOAD", () => {
  it("queues its commands and runs them in EXEC, in RESP2 and RESP3", async () => {
    expect(await server.r.call("module", "load", COUNTER)).toBe("OK");
    const c = await RawConnection.open(server.port);
    const replies = await c.pipeline(
      ["MULTI"], ["COUNTER.INCRBY", "c", "5"], ["COUNTER.INCRBY", "c", "x"], ["COUNTER.GET", "c"], ["GET", "c"], ["EXEC"],
    );
    expect(replies[5]).toBe(
      "*4\r\n:5\r\n-ERR value is not an integer or out of range\r\n:5\r\n" +
        "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n",
    );
    await c.send(["HELLO", "3"]);
    expect((await c.pipeline(["MULTI"], ["COUNTER.RESET", "c"], ["COUNTER.GET", "nope"], ["EXEC"]))[3]).toBe("*2\r\n:5\r\n_\r\n");
    c.close();
  });

  it("fails the transaction when one of its commands has the wrong arity", async () => {
    const c = await RawConnection.open(server.port);
    const replies = await c.pipeline(["MULTI"], ["COUNTER.INCRBY", "c"], ["EXEC"]);
    expect(replies).toEqual([
      "+OK\r\n",
      "-ERR wrong number of arguments for 'counter.incrby' command\r\n",
      "-EXECABORT Transaction discarded because of previous errors.\r\n",
    ]);
    c.close();
  });

  it("its in-place write to a watched key fails EXEC", async () => {
    await server.r.call("counter.incrby", "c", "1");
    const watcher = server.client();
    await watcher.watch("c");
    expect(await server.r.call("counter.incrby", "c", "1")).toBe(2);
    await watcher.call("multi");
    await watcher.call("counter.incrby", "c", "10");
    expect(await watcher.call("exec")).toBeNull();
    expect(await server.r.call("counter.get", "c")).toBe(2);
  });

  it("a queued command whose plugin was unloaded before EXEC answers as an unknown command", async () => {
    const c = await RawConnection.open(server.port);
    await c.pipeline(["MULTI"], ["COUNTER.GET", "c"], ["SET", "s", "v"]);
    expect(await server.r.call("module", "unload", "counter")).toBe("OK");
    expect(await c.send(["EXEC"])).toBe("*2\r\n-ERR unknown command 'COUNTER.GET', with args beginning with: 'c' \r\n+OK\r\n");
    // Loaded by another client while this one is inside MULTI: its commands queue from then on.
    await c.send(["MULTI"]);
    expect(await server.r.call("module", "load", COUNTER)).toBe("OK");
    expect(await c.pipeline(["COUNTER.INCRBY", "c", "3"], ["EXEC"])).toEqual(["+QUEUED\r\n", "*1\r\n:3\r\n"]);
    c.close();
  });
});
