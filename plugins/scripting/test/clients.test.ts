// Scripts as the clients people use send them: ioredis defineCommand and node-redis defineScript
// (EVALSHA first, EVAL after NOSCRIPT), node-redis in RESP3, and redis-py's register_script (Debian's
// /usr/bin/python3 with python3-redis), all unmodified.
import { execFileSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { createClient, defineScript, type CommandParser, type RedisArgument } from "redis";
import { useServer } from "../../../test/helpers/server.js";

const server = useServer([], { kind: "ferrite", flush: true });

const ADD = "return redis.call('INCRBY', KEYS[1], ARGV[1])";

describe("ioredis", () => {
  it("runs a defineCommand script, and again after SCRIPT FLUSH (EVALSHA falls back to EVAL)", async () => {
    const c = server.client();
    c.defineCommand("addTo", { numberOfKeys: 1, lua: ADD });
    const add = (c as unknown as { addTo(key: string, n: number): Promise<number> }).addTo.bind(c);
    expect(await add("io:n", 5)).toBe(5);
    await c.script("FLUSH");
    expect(await add("io:n", 2)).toBe(7);
  });
});

describe("node-redis", () => {
  const clients: { destroy(): void }[] = [];
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
  });
  const addTo = defineScript({
    SCRIPT: ADD,
    NUMBER_OF_KEYS: 1,
    parseCommand(parser: CommandParser, key: RedisArgument, n: number) {
      parser.pushKey(key);
      parser.push(String(n));
    },
    // the reply as it comes: only its type is declared
    transformReply: undefined as unknown as () => number,
  });

  for (const resp of [2, 3] as const) {
    it(`runs a defineScript script in RESP${resp}, and again after SCRIPT FLUSH`, async () => {
      const c = createClient({ socket: { port: server.port }, RESP: resp, scripts: { addTo } });
      clients.push(c);
      await c.connect();
      expect(await c.addTo("nr:n", 3)).toBe(3);
      await c.scriptFlush();
      expect(await c.addTo("nr:n", 4)).toBe(7);
      expect(await c.eval("return {ok='fine'}")).toBe("fine");
      await c.set("nr:s", "x");
      await expect(c.eval("return redis.call('INCR', KEYS[1])", { keys: ["nr:s"] })).rejects.toThrow(
        /^ERR value is not an integer or out of range script: [0-9a-f]{40}, on @user_script:1\.$/,
      );
    });
  }
});

describe("redis-py", () => {
  it("runs a register_script script, and again after SCRIPT FLUSH", () => {
    const program = [
      "import redis, sys",
      "r = redis.Redis(port=int(sys.argv[1]))",
      `add = r.register_script("${ADD}")`,
      "a = add(keys=['py:n'], args=[5])",
      "r.script_flush()",
      "b = add(keys=['py:n'], args=[6])",
      "print(a, b, r.eval('return redis.sha1hex(ARGV[1])', 0, 'x').decode())",
    ].join("\n");
    const out = execFileSync("/usr/bin/python3", ["-c", program, String(server.port)], { encoding: "utf8" });
    expect(out.trim()).toBe("5 11 11f6ad8ec52a2984abaafd7c3b516503785c2072");
  });
});
