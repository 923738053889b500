// What a user may run: NOPERM by command, category, subcommand and key pattern (read vs write, from the
// commands' key specs), selectors as alternatives, and AUTH / HELLO AUTH as a user with ioredis,
// node-redis and redis-cli. Runs against redis-server too (TEST_AGAINST=redis), whose 7.0 words NOPERM
// differently (nopermtext.ts).
import { beforeAll, expect, it } from "vitest";
import { Redis } from "ioredis";
import { createClient } from "redis";
import { useServer } from "../../helpers/server.js";
import { RawConnection } from "../../helpers/raw-resp.js";
import { redisCli } from "../protocol/cli.js";
import { NOPERM_KEY, nopermCommand } from "./nopermtext.js";

const server = useServer([], { flush: false });
const as = (user: string, password = "pw") => server.client({ username: user, password });

beforeAll(async () => {
  const acl = (...args: string[]) => server.r.call("acl", "setuser", ...args);
  await acl("cmds", "on", ">pw", "allkeys", "-@all", "+get", "+@hash", "-hdel", "+client|id", "+acl|whoami");
  await acl("keys", "on", ">pw", "+@all", "~app:*", "%R~ro:*", "%W~wo:*");
  await acl("multi", "on", ">pw", "-@all", "+get", "~a:*", "(+set ~b:*)");
  await acl("disabled", "off", ">pw", "+@all", "~*");
});

it("denies commands the user's rules leave out, by name, category and subcommand", async () => {
  const r = as("cmds");
  expect(await r.get("k")).toBeNull();
  expect(await r.hset("h", "f", "v")).toBe(1);
  await expect(r.set("k", "v")).rejects.toThrow(nopermCommand("cmds", "set"));
  await expect(r.hdel("h", "f")).rejects.toThrow(nopermCommand("cmds", "hdel"));
  expect(await r.call("client", "id")).toEqual(expect.any(Number));
  await expect(r.call("client", "info")).rejects.toThrow(nopermCommand("cmds", "client|info"));
  expect(await r.call("acl", "whoami")).toBe("cmds");
  await expect(r.call("acl", "list")).rejects.toThrow(nopermCommand("cmds", "acl|list"));
});

it("checks keys against read and write patterns as the key specs say", async () => {
  const r = as("keys");
  expect(await r.set("app:1", "v")).toBe("OK");
  expect(await r.get("app:1")).toBe("v");
  await expect(r.get("other")).rejects.toThrow(NOPERM_KEY);
  // %R~ allows reading (GET: RO access) but not writing (SET: RW update).
  await server.r.set("ro:1", "x");
  expect(await r.get("ro:1")).toBe("x");
  await expect(r.set("ro:1", "y")).rejects.toThrow(NOPERM_KEY);
  // %W~ allows a blind write (SET) but not a read (GET), nor GETSET which reads too.
  expect(await r.set("wo:1", "y")).toBe("OK");
  await expect(r.get("wo:1")).rejects.toThrow(NOPERM_KEY);
  await expect(r.call("getset", "wo:1", "z")).rejects.toThrow(NOPERM_KEY);
  await expect(r.set("wo:1", "z", "GET")).rejects.toThrow(NOPERM_KEY);
  // BITFIELD reads only with GET alone; SET makes it read and write.
  expect(await r.call("bitfield", "ro:1", "GET", "u8", "0")).toEqual([120]);
  await expect(r.call("bitfield", "ro:1", "SET", "u8", "0", "1")).rejects.toThrow(NOPERM_KEY);
  // Every key of a multi-key command is checked: one outside the patterns denies the command.
  await expect(r.mget("app:1", "other")).rejects.toThrow(NOPERM_KEY);
  // Key-less commands need no key permission.
  expect(await r.ping()).toBe("PONG");
});

it("lets any selector permit the command", async () => {
  const r = as("multi");
  expect(await r.get("a:1")).toBeNull();
  expect(await r.set("b:1", "v")).toBe("OK");
  await expect(r.get("b:1")).rejects.toThrow(NOPERM_KEY);
  await expect(r.set("a:1", "v")).rejects.toThrow(NOPERM_KEY);
  await expect(r.del("a:1")).rejects.toThrow(nopermCommand("multi", "del"));
});

it("answers ACL DRYRUN without running the command", async () => {
  const dry = (...args: string[]) => server.r.call("acl", "dryrun", ...args);
  expect(await dry("keys", "set", "app:2", "v")).toBe("OK");
  expect(await server.r.exists("app:2")).toBe(0);
  await expect(dry("nobody", "get", "x")).rejects.toThrow("ERR User 'nobody' not found");
  await expect(dry("keys", "nosuch")).rejects.toThrow("ERR Command 'nosuch' not found");
  await expect(dry("keys", "get")).rejects.toThrow("ERR wrong number of arguments for 'get' command");
  if (server.target.kind === "ferrite") {
    expect(await dry("cmds", "set", "k", "v")).toBe("User cmds has no permissions to run the 'set' command");
    expect(await dry("keys", "set", "ro:1", "v")).toBe("No permissions to access the 'ro:1' key");
  }
});

it("authenticates users with AUTH and HELLO, refusing unknown, wrong and disabled alike", async () => {
  const c = await RawConnection.open(server.port);
  const WRONGPASS = "-WRONGPASS invalid username-password pair or user is disabled.\r\n";
  expect(await c.send(["auth", "cmds", "bad"])).toBe(WRONGPASS);
  expect(await c.send(["auth", "nobody", "pw"])).toBe(WRONGPASS);
  expect(await c.send(["auth", "disabled", "pw"])).toBe(WRONGPASS);
  expect(await c.send(["hello", "3", "auth", "disabled", "pw"])).toBe(WRONGPASS);
  expect(await c.send(["acl", "whoami"])).toBe("$7\r\ndefault\r\n");
  expect(await c.send(["hello", "2", "auth", "keys", "pw"])).toContain("$5\r\nproto\r\n:2\r\n");
  expect(await c.send(["acl", "whoami"])).toBe("$4\r\nkeys\r\n");
  expect(await c.send(["client", "info"])).toContain(" user=keys ");
  expect(await c.send(["auth", "cmds", "pw"])).toBe("+OK\r\n");
  expect(await c.send(["set", "k", "v"])).toBe(`-${nopermCommand("cmds", "set")}\r\n`);
  expect(await c.send(["reset"])).toBe("+RESET\r\n");
  expect(await c.send(["acl", "whoami"])).toBe("$7\r\ndefault\r\n");
  c.close();
});

it("works for node-redis and redis-cli logged in as a user", async () => {
  const nr = createClient({ socket: { port: server.port, host: "127.0.0.1" }, username: "keys", password: "pw" });
  await nr.connect();
  try {
    expect(await nr.set("app:nr", "1")).toBe("OK");
    await expect(nr.get("elsewhere")).rejects.toThrow(NOPERM_KEY);
  } finally {
    await nr.quit();
  }
  const cli = redisCli(server.port, "--user", "cmds", "--pass", "pw", "--no-auth-warning", "set", "k", "v");
  expect(cli.stdout.trim()).toBe(nopermCommand("cmds", "set"));
  const ok = redisCli(server.port, "--user", "cmds", "--pass", "pw", "--no-auth-warning", "hset", "h2", "f", "v");
  expect(ok.stdout.trim()).toBe("1");
});

it("lets a user changed by ACL SETUSER see the change on its open connection", async () => {
  await server.r.call("acl", "setuser", "live", "on", ">pw", "~*", "-@all", "+get");
  const r = new Redis({ port: server.port, host: "127.0.0.1", username: "live", password: "pw", maxRetriesPerRequest: 0 });
  try {
    await expect(r.set("k", "v")).rejects.toThrow(nopermCommand("live", "set"));
    await server.r.call("acl", "setuser", "live", "+set");
    expect(await r.set("k", "v")).toBe("OK");
  } finally {
    r.disconnect();
  }
});

it("kills the connections of one user with CLIENT KILL USER", async () => {
  await server.r.call("acl", "setuser", "victim", "on", ">pw", "+@all", "~*");
  const c = await RawConnection.open(server.port);
  expect(await c.send(["auth", "victim", "pw"])).toBe("+OK\r\n");
  expect(await server.r.call("client", "kill", "user", "victim")).toBe(1);
  expect(await c.closed()).toBe(true);
  await expect(server.r.call("client", "kill", "user", "nobody")).rejects.toThrow("ERR No such user 'nobody'");
});

it("keeps Redis's deprecated first-argument rules (+select|0)", async () => {
  await server.r.call("acl", "setuser", "legacy", "on", ">pw", "~*", "-@all", "+get", "+select|0");
  expect(await server.r.call("acl", "list")).toContain("user legacy on #30c952fab122c3f9759f02a6d95c3758b246b4fee239957b2d4fee46e26170c4 ~* resetchannels -@all +get +select|0");
  const c = await RawConnection.open(server.port);
  expect(await c.send(["auth", "legacy", "pw"])).toBe("+OK\r\n");
  expect(await c.send(["select", "0"])).toBe("+OK\r\n");
  expect(await c.send(["select", "1"])).toBe(`-${nopermCommand("legacy", "select")}\r\n`);
  c.close();
  const fails = (op: string, text: string) => expect(server.r.call("acl", "setuser", "legacy", op)).rejects.toThrow(`ERR Error in ACL SETUSER modifier '${op}': ${text}`);
  await fails("-select|0", "Unknown command or category name in ACL");
  await fails("+select|", "Syntax error");
  await fails("+client|id|x", "Allowing first-arg of a subcommand is not supported");
  // A rule for the whole command replaces its first-argument rules.
  await server.r.call("acl", "setuser", "legacy", "-select");
  expect(await server.r.call("acl", "dryrun", "legacy", "select", "0")).not.toBe("OK");
});
