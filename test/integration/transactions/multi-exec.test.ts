// MULTI/EXEC/DISCARD on the wire: queuing, one reply array at EXEC, errors inside EXEC per command
// without rollback, EXECABORT after any refusal while queuing, RESP3, whole transactions pipelined in
// one write, blocking commands inside MULTI, and Redis's error texts. Runs against redis-server too
// (TEST_AGAINST=redis): every byte compared here is Redis's.
import { describe, expect, it } from "vitest";
import { useServer } from "../../helpers/server.js";
import { useRawConnections } from "../../helpers/raw-resp.js";

const server = useServer([], { flush: true });
const raw = useRawConnections(() => server.port);

const EXECABORT = "-EXECABORT Transaction discarded because of previous errors.\r\n";
const QUEUED = "+QUEUED\r\n";

describe("MULTI … EXEC", () => {
  it("queues commands and answers them in one array at EXEC, all sent in one write", async () => {
    const c = await raw();
    const replies = await c.pipeline(["MULTI"], ["SET", "tx:a", "1"], ["INCR", "tx:a"], ["GET", "tx:a"], ["EXEC"], ["GET", "tx:a"]);
    expect(replies).toEqual(["+OK\r\n", QUEUED, QUEUED, QUEUED, "*3\r\n+OK\r\n:2\r\n$1\r\n2\r\n", "$1\r\n2\r\n"]);
  });

  it("runs nothing before EXEC", async () => {
    const c = await raw();
    await c.pipeline(["MULTI"], ["SET", "tx:later", "v"]);
    expect(await server.r.get("tx:later")).toBeNull();
    expect(await c.send(["EXEC"])).toBe("*1\r\n+OK\r\n");
    expect(await server.r.get("tx:later")).toBe("v");
  });

  it("answers an empty array for an empty transaction", async () => {
    const c = await raw();
    expect(await c.pipeline(["MULTI"], ["EXEC"])).toEqual(["+OK\r\n", "*0\r\n"]);
  });

  it("reports errors inside EXEC per command and rolls nothing back", async () => {
    await server.r.set("tx:s", "abc");
    const c = await raw();
    const replies = await c.pipeline(["MULTI"], ["INCR", "tx:s"], ["SET", "tx:other", "x"], ["LPUSH", "tx:s", "e"], ["APPEND", "tx:s", "d"], ["EXEC"]);
    expect(replies.slice(1, 5)).toEqual([QUEUED, QUEUED, QUEUED, QUEUED]);
    expect(replies[5]).toBe(
      "*4\r\n-ERR value is not an integer or out of range\r\n+OK\r\n" +
        "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n:4\r\n",
    );
    expect(await server.r.get("tx:other")).toBe("x");
    expect(await server.r.get("tx:s")).toBe("abcd");
  });

  it("keeps each queued command's own arguments while later ones reuse the input buffer", async () => {
    const c = await raw();
    await c.send(["MULTI"]);
    const values = Array.from({ length: 40 }, (_, i) => `${i}:`.padEnd(1000 + i * 97, String.fromCharCode(97 + (i % 26))));
    for (let i = 0; i < values.length; i++) expect(await c.send(["SET", `tx:copy:${i}`, values[i]])).toBe(QUEUED);
    // And a batch larger than the parser's first buffer, arriving in one write.
    const big = values.map((v, i) => ["SET", `tx:big:${i}`, v.repeat(3)]);
    expect(await c.pipeline(...big)).toEqual(big.map(() => QUEUED));
    expect(await c.send(["EXEC"])).toBe(`*${values.length * 2}\r\n` + "+OK\r\n".repeat(values.length * 2));
    expect(await server.r.mget(values.map((_, i) => `tx:copy:${i}`))).toEqual(values);
    expect(await server.r.mget(values.map((_, i) => `tx:big:${i}`))).toEqual(values.map((v) => v.repeat(3)));
  });

  it("runs queued commands in the database SELECT chose inside the transaction, and stays there", async () => {
    const c = await raw();
    const replies = await c.pipeline(["MULTI"], ["SELECT", "1"], ["SET", "tx:db", "one"], ["EXEC"], ["GET", "tx:db"]);
    expect(replies.slice(3)).toEqual(["*2\r\n+OK\r\n+OK\r\n", "$3\r\none\r\n"]);
    expect(await server.r.get("tx:db")).toBeNull();
  });

  it("answers EXEC's array in RESP3 with RESP3 replies inside", async () => {
    await server.r.hset("tx:h", "f", "v");
    const c = await raw();
    await c.send(["HELLO", "3"]);
    const replies = await c.pipeline(["MULTI"], ["SET", "tx:r3", "1"], ["GET", "tx:missing"], ["HGETALL", "tx:h"], ["INCRBYFLOAT", "tx:r3", "0.5"], ["EXEC"]);
    expect(replies[5]).toBe("*4\r\n+OK\r\n_\r\n%1\r\n$1\r\nf\r\n$1\r\nv\r\n$3\r\n1.5\r\n");
  });
});

describe("EXECABORT: a command refused while queuing fails the whole transaction", () => {
  const refusals: [string, string[], string][] = [
    ["an unknown command", ["NOSUCHCMD", "a", "b"], "-ERR unknown command 'NOSUCHCMD', with args beginning with: 'a' 'b' \r\n"],
    ["a wrong number of arguments", ["GET"], "-ERR wrong number of arguments for 'get' command\r\n"],
    ["an unknown subcommand", ["CLIENT", "NOSUCH"], "-ERR unknown subcommand 'NOSUCH'. Try CLIENT HELP.\r\n"],
    ["a no-multi command", ["SHUTDOWN"], "-ERR Command not allowed inside a transaction\r\n"],
  ];
  for (const [what, command, error] of refusals) {
    it(`after ${what}`, async () => {
      const c = await raw();
      const replies = await c.pipeline(["MULTI"], ["SET", "tx:abort", "1"], command, ["SET", "tx:abort2", "2"], ["EXEC"], ["EXEC"]);
      expect(replies).toEqual(["+OK\r\n", QUEUED, error, QUEUED, EXECABORT, "-ERR EXEC without MULTI\r\n"]);
      expect(await server.r.exists("tx:abort", "tx:abort2")).toBe(0);
    });
  }

  it("when EXEC itself is malformed, naming the reason, in or out of MULTI", async () => {
    const c = await raw();
    const replies = await c.pipeline(["MULTI"], ["SET", "tx:e", "1"], ["EXEC", "x"], ["EXEC"], ["EXEC", "y"]);
    const abort = "-EXECABORT Transaction discarded because of: wrong number of arguments for 'exec' command\r\n";
    expect(replies).toEqual(["+OK\r\n", QUEUED, abort, "-ERR EXEC without MULTI\r\n", abort]);
    expect(await server.r.exists("tx:e")).toBe(0);
  });

  it("but not after a nested MULTI or a WATCH inside MULTI, which only answer errors", async () => {
    const c = await raw();
    const replies = await c.pipeline(["MULTI"], ["MULTI"], ["WATCH", "tx:w"], ["SET", "tx:n", "1"], ["EXEC"]);
    expect(replies).toEqual([
      "+OK\r\n", "-ERR MULTI calls can not be nested\r\n", "-ERR WATCH inside MULTI is not allowed\r\n", QUEUED, "*1\r\n+OK\r\n",
    ]);
  });

  it("and a malformed DISCARD only answers its error, staying in MULTI", async () => {
    const c = await raw();
    const replies = await c.pipeline(["MULTI"], ["DISCARD", "x"], ["MULTI"], ["EXEC"]);
    expect(replies).toEqual([
      "+OK\r\n", "-ERR wrong number of arguments for 'discard' command\r\n", "-ERR MULTI calls can not be nested\r\n", EXECABORT,
    ]);
  });
});

describe("DISCARD, RESET, QUIT and errors outside MULTI", () => {
  it("DISCARD drops the queued commands", async () => {
    const c = await raw();
    const replies = await c.pipeline(["MULTI"], ["SET", "tx:d", "1"], ["DISCARD"], ["EXEC"], ["GET", "tx:d"]);
    expect(replies).toEqual(["+OK\r\n", QUEUED, "+OK\r\n", "-ERR EXEC without MULTI\r\n", "$-1\r\n"]);
  });

  it("words EXEC and DISCARD without MULTI, and MULTI's arity, as Redis", async () => {
    const c = await raw();
    expect(await c.pipeline(["EXEC"], ["DISCARD"], ["MULTI", "x"])).toEqual([
      "-ERR EXEC without MULTI\r\n", "-ERR DISCARD without MULTI\r\n", "-ERR wrong number of arguments for 'multi' command\r\n",
    ]);
  });

  it("RESET ends the transaction", async () => {
    const c = await raw();
    const replies = await c.pipeline(["MULTI"], ["SET", "tx:reset", "1"], ["RESET"], ["EXEC"]);
    expect(replies).toEqual(["+OK\r\n", QUEUED, "+RESET\r\n", "-ERR EXEC without MULTI\r\n"]);
    expect(await server.r.exists("tx:reset")).toBe(0);
  });

  it("QUIT inside MULTI answers OK and closes, running nothing", async () => {
    const c = await raw();
    expect(await c.pipeline(["MULTI"], ["SET", "tx:quit", "1"], ["QUIT"])).toEqual(["+OK\r\n", QUEUED, "+OK\r\n"]);
    expect(await c.closed()).toBe(true);
    expect(await server.r.exists("tx:quit")).toBe(0);
  });
});

describe("blocking commands inside MULTI answer at once, as if timed out", () => {
  it("with the null each family answers on timeout, and the connection goes on", async () => {
    const c = await raw();
    const replies = await c.pipeline(
      ["MULTI"],
      ["BLPOP", "tx:l", "0"],
      ["BRPOP", "tx:l", "0"],
      ["BLMOVE", "tx:l", "tx:l2", "LEFT", "RIGHT", "0"],
      ["BRPOPLPUSH", "tx:l", "tx:l2", "0"],
      ["BLMPOP", "0", "1", "tx:l", "LEFT"],
      ["BZPOPMIN", "tx:z", "0"],
      ["BZPOPMAX", "tx:z", "0"],
      ["BZMPOP", "0", "1", "tx:z", "MIN"],
      ["XREAD", "BLOCK", "0", "STREAMS", "tx:s", "$"],
      ["EXEC"],
      ["PING"],
    );
    expect(replies.slice(10)).toEqual(["*9\r\n*-1\r\n*-1\r\n$-1\r\n$-1\r\n*-1\r\n*-1\r\n*-1\r\n*-1\r\n*-1\r\n", "+PONG\r\n"]);
  });

  it("but serve what is there", async () => {
    await server.r.rpush("tx:l", "a", "b");
    await server.r.zadd("tx:z", 1, "m");
    const c = await raw();
    const replies = await c.pipeline(["MULTI"], ["BLPOP", "tx:l", "0"], ["BLMOVE", "tx:l", "tx:l2", "LEFT", "RIGHT", "0"], ["BZPOPMIN", "tx:z", "0"], ["EXEC"]);
    expect(replies[4]).toBe("*3\r\n*2\r\n$4\r\ntx:l\r\n$1\r\na\r\n$1\r\nb\r\n*3\r\n$4\r\ntx:z\r\n$1\r\nm\r\n$1\r\n1\r\n");
  });

  it("a blocking command outside MULTI still blocks afterwards", async () => {
    const c = await raw();
    await c.pipeline(["MULTI"], ["BLPOP", "tx:after", "0"], ["EXEC"]);
    const blocked = c.send(["BLPOP", "tx:after", "0"]);
    await new Promise((r) => setTimeout(r, 100));
    await server.r.rpush("tx:after", "x");
    expect(await blocked).toBe("*2\r\n$8\r\ntx:after\r\n$1\r\nx\r\n");
  });
});

describe("CLIENT LIST and INFO commandstats", () => {
  const field = (line: string, name: string) => new RegExp(`(?:^| )${name}=(\\S*)`).exec(line)![1];

  it("flags a client in MULTI with x and counts its queued commands in multi=", async () => {
    const c = await raw();
    const [info] = await c.pipeline(["CLIENT", "INFO"]);
    expect([field(info, "flags"), field(info, "multi")]).toEqual(["N", "-1"]);
    await c.pipeline(["MULTI"], ["SET", "tx:c", "1"], ["GET", "tx:c"]);
    const id = (await c.pipeline(["CLIENT", "ID"]))[0];
    expect(id).toBe(QUEUED); // CLIENT ID is queued too
    const list = (await server.r.call("client", "list")) as string;
    const line = list.split("\n").find((l) => field(l, "cmd") === "client|id")!;
    expect([field(line, "flags"), field(line, "multi")]).toEqual(["x", "3"]);
    const [exec] = await c.pipeline(["EXEC"]);
    expect(exec).toMatch(/^\*3\r\n\+OK\r\n\$1\r\n1\r\n:\d+\r\n$/);
    const [after] = await c.pipeline(["CLIENT", "INFO"]);
    expect([field(after, "flags"), field(after, "multi")]).toEqual(["N", "-1"]);
  });

  it("counts queued commands when EXEC runs them, and refused ones as rejected", async () => {
    await server.r.config("RESETSTAT");
    const c = await raw();
    await c.pipeline(["MULTI"], ["SET", "tx:st", "1"], ["SET", "tx:st", "2"]);
    expect(await server.r.info("commandstats")).not.toContain("cmdstat_set:");
    await c.pipeline(["EXEC"]);
    const stats = await server.r.info("commandstats");
    expect(stats).toMatch(/cmdstat_set:calls=2,/);
    expect(stats).toMatch(/cmdstat_multi:calls=1,/);
    expect(stats).toMatch(/cmdstat_exec:calls=1,/);
    await c.pipeline(["MULTI"], ["GET"], ["EXEC"]);
    expect(await server.r.info("commandstats")).toMatch(/cmdstat_get:calls=0,.*rejected_calls=1,failed_calls=0/);
  });
});
