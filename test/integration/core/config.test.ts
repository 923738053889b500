// CONFIG against a real server: glob GET (a map in RESP3), all-or-nothing SET with Redis's error
// texts, RESETSTAT. Also runs against redis-server (TEST_AGAINST=redis).
import { expect, it } from "vitest";
import { useServer } from "../../helpers/server.js";
import { RawConnection } from "../../helpers/raw-resp.js";

const server = useServer();

/** CONFIG GET's pairs as an object: Redis answers several names in its own dictionary order. */
async function configMap(...names: string[]): Promise<Record<string, string>> {
  const flat = (await server.r.call("config", "get", ...names)) as string[];
  return Object.fromEntries(flat.flatMap((v, i) => (i % 2 ? [] : [[v, flat[i + 1]]])));
}

it("gets configs by name and glob, once each, exact names as spelled", async () => {
  expect(await configMap("hz", "port")).toEqual({ hz: "10", port: String(server.port) });
  expect(await server.r.call("config", "get", "HZ", "h?", "hz")).toEqual(["HZ", "10"]);
  expect(await server.r.call("config", "get", "nosuch")).toEqual([]);
  const maxs = (await server.r.call("config", "get", "MAX*")) as string[];
  expect(maxs).toEqual(expect.arrayContaining(["maxclients"]));
});

it("answers CONFIG GET with a map in RESP3", async () => {
  const c = await RawConnection.open(server.port);
  await c.send(["hello", "3"]);
  expect(await c.send(["config", "get", "hz"])).toBe("%1\r\n$2\r\nhz\r\n$2\r\n10\r\n");
  c.close();
});

it("sets several configs at once, or none of them", async () => {
  expect(await server.r.call("config", "set", "hz", "20", "loglevel", "warning")).toBe("OK");
  expect(await configMap("hz", "loglevel")).toEqual({ hz: "20", loglevel: "warning" });
  await expect(server.r.call("config", "set", "hz", "30", "loglevel", "nope")).rejects.toThrow(
    "ERR CONFIG SET failed (possibly related to argument 'loglevel') - argument(s) must be one of the following: ",
  );
  expect(await server.r.call("config", "get", "hz")).toEqual(["hz", "20"]);
  expect(await server.r.call("config", "set", "hz", "10", "loglevel", "notice")).toBe("OK");
});

it("words CONFIG SET errors as Redis does", async () => {
  await expect(server.r.call("config", "set", "hz", "5", "nosuch", "1")).rejects.toThrow(
    "ERR Unknown option or number of arguments for CONFIG SET - 'nosuch'",
  );
  await expect(server.r.call("config", "set", "hz", "abc")).rejects.toThrow(
    "ERR CONFIG SET failed (possibly related to argument 'hz') - argument couldn't be parsed into an integer",
  );
  await expect(server.r.call("config", "set", "hz", "5", "HZ", "6")).rejects.toThrow(
    "ERR CONFIG SET failed (possibly related to argument 'HZ') - duplicate parameter",
  );
  await expect(server.r.call("config", "set", "daemonize", "yes")).rejects.toThrow(
    "ERR CONFIG SET failed (possibly related to argument 'daemonize') - can't set immutable config",
  );
  await expect(server.r.call("config", "set", "appendonly", "maybe")).rejects.toThrow(
    "ERR CONFIG SET failed (possibly related to argument 'appendonly') - argument must be 'yes' or 'no'",
  );
  await expect(server.r.call("config", "set", "hz", "1", "2")).rejects.toThrow("ERR syntax error");
  await expect(server.r.call("config", "set", "hz")).rejects.toThrow("ERR wrong number of arguments for 'config|set' command");
});

it("resets INFO statistics", async () => {
  await server.r.ping();
  await server.r.call("config", "get", "hz");
  expect(await server.r.call("config", "resetstat")).toBe("OK");
  const info = (await server.r.call("info", "stats")) as string;
  // Only the INFO call itself was processed since the reset.
  expect(info).toMatch(/total_commands_processed:[01]\r\n/);
  expect(await server.r.call("info", "commandstats")).not.toContain("cmdstat_ping");
});

it("prints help", async () => {
  const help = (await server.r.call("config", "help")) as string[];
  expect(help[0]).toBe("CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
  expect(help).toContain("RESETSTAT");
});

it("has the Redis configs tools set without the features behind them: repl-backlog-size, maxmemory-clients, replicaof, key-load-delay", async () => {
  const r = server.r;
  const before = await configMap("repl-backlog-size", "maxmemory-clients", "maxmemory");
  expect(before).toEqual({ "repl-backlog-size": "1048576", "maxmemory-clients": "0", maxmemory: "0" });
  try {
    expect(await r.config("SET", "repl-backlog-size", "2mb", "maxmemory-clients", "10%")).toBe("OK");
    expect(await configMap("repl-backlog-size", "maxmemory-clients")).toEqual({ "repl-backlog-size": "2097152", "maxmemory-clients": "10%" });
    // A bad percentage fails the whole SET, and what came before it in the same SET is put back.
    expect(await r.config("SET", "maxmemory", "10000001", "maxmemory-clients", "200%").catch((e: Error) => e.message)).toBe(
      "ERR CONFIG SET failed (possibly related to argument 'maxmemory-clients') - percentage argument must be less or equal to 100");
    expect(await r.config("SET", "maxmemory-clients", "lots").catch((e: Error) => e.message)).toBe(
      "ERR CONFIG SET failed (possibly related to argument 'maxmemory-clients') - argument must be a memory or percent value");
    expect(await configMap("maxmemory", "maxmemory-clients")).toEqual({ maxmemory: "0", "maxmemory-clients": "10%" });
  } finally {
    await r.config("SET", "repl-backlog-size", before["repl-backlog-size"]!, "maxmemory-clients", "0");
  }
  const ofs = await configMap("*of");
  expect(ofs).toEqual({ replicaof: "", slaveof: "" });
  // A hidden config answers when named, not to a pattern.
  expect(await configMap("key-load-delay")).toEqual({ "key-load-delay": "0" });
  expect(Object.keys(await configMap("*"))).not.toContain("key-load-delay");
});
