// COMMAND against a real server: exact RESP2/RESP3 bytes of COMMAND INFO/DOCS (flags are status
// strings in sets, key specs are maps), GETKEYS from key specs, LIST filters. Also runs against
// redis-server (TEST_AGAINST=redis); Ferrite-only checks are the plugin fields.
import { afterAll, beforeAll, expect, it } from "vitest";
import { against } from "../../helpers/target.js";
import { useServer } from "../../helpers/server.js";
import { RawConnection } from "../../helpers/raw-resp.js";

const server = useServer();
let raw2: RawConnection;
let raw3: RawConnection;

beforeAll(async () => {
  raw2 = await RawConnection.open(server.port);
  raw3 = await RawConnection.open(server.port);
  await raw3.send(["hello", "3"]);
});

afterAll(() => {
  raw2?.close();
  raw3?.close();
});

const crlf = (lines: string[]) => lines.map((l) => `${l}\r\n`).join("");

/** A map header: RESP3's own type, or an array of twice as many elements in RESP2. */
const mapOf = (proto: 2 | 3, n: number) => (proto === 3 ? `%${n}` : `*${n * 2}`);

const GET_KEY_SPEC = (proto: 2 | 3, set: string) => [
  mapOf(proto, 3), "$5", "flags", `${set}2`, "+RO", "+access",
  "$12", "begin_search", mapOf(proto, 2), "$4", "type", "$5", "index", "$4", "spec", mapOf(proto, 1), "$5", "index", ":1",
  "$9", "find_keys", mapOf(proto, 2), "$4", "type", "$5", "range", "$4", "spec", mapOf(proto, 3),
  "$7", "lastkey", ":0", "$7", "keystep", ":1", "$5", "limit", ":0",
];

it("sends COMMAND INFO with Redis's exact types in RESP2 and RESP3", async () => {
  const echo = (set: string) => crlf(["*1", "*10", "$4", "echo", ":2", `${set}3`, "+loading", "+stale", "+fast", ":0", ":0", ":0",
    `${set}2`, "+@fast", "+@connection", `${set}0`, `${set}0`, `${set}0`]);
  expect(await raw2.send(["command", "info", "echo"])).toBe(echo("*"));
  expect(await raw3.send(["command", "info", "echo"])).toBe(echo("~"));
  const get = (proto: 2 | 3, set: string) => crlf(["*1", "*10", "$3", "get", ":2", `${set}2`, "+readonly", "+fast", ":1", ":1", ":1",
    `${set}3`, "+@read", "+@string", "+@fast", `${set}0`, `${set}1`, ...GET_KEY_SPEC(proto, set), `${set}0`]);
  expect(await raw2.send(["command", "info", "get"])).toBe(get(2, "*"));
  expect(await raw3.send(["command", "info", "get"])).toBe(get(3, "~"));
});

it("answers null for unknown names and nests subcommands", async () => {
  expect(await raw2.send(["command", "info", "nosuch"])).toBe("*1\r\n$-1\r\n");
  expect(await raw3.send(["command", "info", "nosuch"])).toBe("*1\r\n_\r\n");
  const [config] = (await server.r.call("command", "info", "config")) as unknown[][];
  expect(config[0]).toBe("config");
  const subs = (config[9] as unknown[][]).map((s) => s[0]);
  expect(subs).toEqual(expect.arrayContaining(["config|get", "config|set", "config|resetstat", "config|help"]));
  const [sub] = (await server.r.call("command", "info", "CONFIG|GET")) as unknown[][];
  expect(sub.slice(0, 2)).toEqual(["config|get", -3]);
});

it("returns every command for a bare COMMAND and COMMAND INFO, COUNT of them", async () => {
  const count = (await server.r.call("command", "count")) as number;
  expect(count).toBeGreaterThan(15);
  expect(((await server.r.call("command")) as unknown[]).length).toBe(count);
  expect(((await server.r.call("command", "info")) as unknown[]).length).toBe(count);
});

it("sends COMMAND DOCS as maps, with history as a set", async () => {
  const echo = crlf(["*2", "$4", "echo", "*10", "$7", "summary", "$21", "Echo the given string", "$5", "since", "$5", "1.0.0",
    "$5", "group", "$10", "connection", "$10", "complexity", "$4", "O(1)", "$9", "arguments", "*1", "*4",
    "$4", "name", "$7", "message", "$4", "type", "$6", "string"]);
  expect(await raw2.send(["command", "docs", "echo", "nosuch"])).toBe(echo);
  const kill = await raw3.send(["command", "docs", "client|kill"]);
  expect(kill).toMatch(/^%1\r\n\$11\r\nclient\|kill\r\n%6\r\n/);
  expect(kill).toContain("$7\r\nhistory\r\n~5\r\n*2\r\n$6\r\n2.8.12\r\n");
  const docs = (await server.r.call("command", "docs", "config")) as unknown[];
  const entry = docs[1] as unknown[];
  expect(entry[entry.indexOf("subcommands") + 1]).toEqual(expect.arrayContaining(["config|get"]));
});

it.skipIf(against === "redis")("names the plugin of plugin commands in COMMAND DOCS", async () => {
  const [, doc] = (await server.r.call("command", "docs", "get")) as [string, unknown[]];
  expect(doc[doc.indexOf("module") + 1]).toBe("strings");
  expect(doc[doc.indexOf("group") + 1]).toBe("string");
});

it("finds keys from key specs, with Redis's errors", async () => {
  expect(await server.r.call("command", "getkeys", "get", "a")).toEqual(["a"]);
  expect(await server.r.call("command", "getkeys", "mset", "a", "1", "b", "2")).toEqual(["a", "b"]);
  expect(await server.r.call("command", "getkeys", "bitop", "and", "d", "a", "b")).toEqual(["d", "a", "b"]);
  expect(await server.r.call("command", "getkeys", "copy", "a", "b", "db", "2")).toEqual(["a", "b"]);
  await expect(server.r.call("command", "getkeys", "nosuch", "a")).rejects.toThrow("ERR Invalid command specified");
  await expect(server.r.call("command", "getkeys", "config", "nosuch", "a")).rejects.toThrow("ERR Invalid command specified");
  await expect(server.r.call("command", "getkeys", "get", "a", "b")).rejects.toThrow("ERR Invalid number of arguments specified for command");
  await expect(server.r.call("command", "getkeys", "ping", "x")).rejects.toThrow("ERR The command has no key arguments");
  await expect(server.r.call("command", "getkeys", "config", "get", "x")).rejects.toThrow("ERR The command has no key arguments");
});

it("finds keys with their key spec flags (GETKEYSANDFLAGS), variable flags resolved", async () => {
  const keysAndFlags = (...args: string[]) => server.r.call("command", "getkeysandflags", ...args);
  expect(await keysAndFlags("set", "k", "v")).toEqual([["k", ["OW", "update"]]]);
  expect(await keysAndFlags("set", "k", "v", "get")).toEqual([["k", ["RW", "access", "update"]]]);
  expect(await keysAndFlags("lmove", "a", "b", "left", "left")).toEqual([["a", ["RW", "access", "delete"]], ["b", ["RW", "insert"]]]);
  expect(await keysAndFlags("zunionstore", "d", "2", "a", "b")).toEqual([
    ["d", ["OW", "update"]], ["a", ["RO", "access"]], ["b", ["RO", "access"]],
  ]);
  expect(await keysAndFlags("bitfield", "k", "get", "u8", "0")).toEqual([["k", ["RO", "access"]]]);
  await expect(keysAndFlags("zunion", "x")).rejects.toThrow("ERR Invalid number of arguments specified for command");
  await expect(keysAndFlags("ping", "x")).rejects.toThrow("ERR The command has no key arguments");
  await expect(server.r.call("command", "getkeysandflags", "get")).rejects.toThrow("ERR wrong number of arguments for 'command|getkeysandflags' command");
});

it("lists commands and subcommands, filtered by pattern, ACL category or module", async () => {
  const all = (await server.r.call("command", "list")) as string[];
  expect(all).toEqual(expect.arrayContaining(["client", "client|list", "get"]));
  const byPattern = (await server.r.call("command", "list", "filterby", "pattern", "CLIENT|i*")) as string[];
  expect(byPattern.sort()).toEqual(["client|id", "client|info"]);
  const connection = (await server.r.call("command", "list", "filterby", "aclcat", "CONNECTION")) as string[];
  expect(connection).toEqual(expect.arrayContaining(["ping", "client|list"]));
  expect(connection).not.toContain("client");
  expect(await server.r.call("command", "list", "filterby", "aclcat", "@connection")).toEqual([]);
  await expect(server.r.call("command", "list", "filterby", "foo", "x")).rejects.toThrow("ERR syntax error");
  await expect(server.r.call("command", "list", "x")).rejects.toThrow("ERR syntax error");
  if (against === "ferrite") {
    const strings = (await server.r.call("command", "list", "filterby", "module", "STRINGS")) as string[];
    expect(strings).toEqual(expect.arrayContaining(["get", "set", "mset"]));
    expect(strings).not.toContain("ping");
  }
});

it("prints help", async () => {
  const help = (await server.r.call("command", "help")) as string[];
  expect(help[0]).toBe("COMMAND <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
  expect(help).toContain("GETKEYS <full-command>");
  expect(help).toContain("GETKEYSANDFLAGS <full-command>");
});
