// --requirepass: NOAUTH before authentication, AUTH in both forms, HELLO AUTH, RESET dropping the
// authentication, the tighter request limits before AUTH, and the three clients logging in.
// Runs against redis-server too (TEST_AGAINST=redis).
import { expect, it } from "vitest";
import { Redis } from "ioredis";
import { createClient } from "redis";
import { useServer } from "../../helpers/server.js";
import { RawConnection, exchange } from "../../helpers/raw-resp.js";
import { redisCli } from "../protocol/cli.js";

const PASSWORD = "s3cret";
const NOAUTH = "-NOAUTH Authentication required.\r\n";
const WRONGPASS = "-WRONGPASS invalid username-password pair or user is disabled.\r\n";
const server = useServer(["--requirepass", PASSWORD]);
let c: RawConnection;

async function fresh(): Promise<RawConnection> {
  c?.close();
  c = await RawConnection.open(server.port);
  return c;
}

it("answers NOAUTH to commands before authentication", async () => {
  await fresh();
  expect(await c.send(["ping"])).toBe(NOAUTH);
  expect(await c.send(["get", "k"])).toBe(NOAUTH);
  expect(await c.send(["select", "1"])).toBe(NOAUTH);
  expect(await c.send(["client", "id"])).toBe(NOAUTH);
});

it("reports unknown commands and wrong arity even before authentication", async () => {
  await fresh();
  expect(await c.send(["nosuch"])).toBe("-ERR unknown command 'nosuch', with args beginning with: \r\n");
  expect(await c.send(["echo"])).toBe("-ERR wrong number of arguments for 'echo' command\r\n");
  // PING's one-message limit is its handler's, which does not run before AUTH.
  expect(await c.send(["ping", "a", "b"])).toBe(NOAUTH);
});

it("refuses a wrong password or user with WRONGPASS", async () => {
  await fresh();
  expect(await c.send(["auth", "wrong"])).toBe(WRONGPASS);
  expect(await c.send(["auth", "nobody", PASSWORD])).toBe(WRONGPASS);
  expect(await c.send(["auth", "a", "b", "c"])).toBe("-ERR syntax error\r\n");
  expect(await c.send(["ping"])).toBe(NOAUTH);
});

it("authenticates with AUTH <password> and AUTH default <password>", async () => {
  await fresh();
  expect(await c.send(["auth", PASSWORD])).toBe("+OK\r\n");
  expect(await c.send(["ping"])).toBe("+PONG\r\n");
  await fresh();
  expect(await c.send(["auth", "default", PASSWORD])).toBe("+OK\r\n");
  expect(await c.send(["ping"])).toBe("+PONG\r\n");
});

it("keeps a connection authenticated after a later wrong AUTH, as Redis does", async () => {
  await fresh();
  await c.send(["auth", PASSWORD]);
  expect(await c.send(["auth", "wrong"])).toBe(WRONGPASS);
  expect(await c.send(["ping"])).toBe("+PONG\r\n");
});

it("refuses HELLO without AUTH before authentication", async () => {
  await fresh();
  expect(await c.send(["hello", "3"])).toMatch(/^-NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO .*AUTH <user> <pass> option can be used/);
  expect(await c.send(["hello", "3", "auth", "default", "wrong"])).toBe(WRONGPASS);
  expect(await c.send(["ping"])).toBe(NOAUTH);
});

it("authenticates, switches protocol and names the connection in one HELLO", async () => {
  await fresh();
  const hello = await c.send(["hello", "3", "auth", "default", PASSWORD, "setname", "authed"]);
  expect(hello).toMatch(/^%7\r\n/);
  expect(hello).toContain("$5\r\nproto\r\n:3\r\n");
  expect(await c.send(["client", "getname"])).toBe("$6\r\nauthed\r\n");
});

it("drops the authentication on RESET", async () => {
  await fresh();
  await c.send(["auth", PASSWORD]);
  expect(await c.send(["reset"])).toBe("+RESET\r\n");
  expect(await c.send(["ping"])).toBe(NOAUTH);
});

it("refuses big requests from unauthenticated clients, and closes", async () => {
  expect(await exchange(server.port, "*11\r\n")).toEqual({ text: "-ERR Protocol error: unauthenticated multibulk length\r\n", closed: true });
  expect(await exchange(server.port, "*1\r\n$20000\r\n")).toEqual({ text: "-ERR Protocol error: unauthenticated bulk length\r\n", closed: true });
});

it("lets ioredis and node-redis log in with the password", async () => {
  const io = new Redis({ port: server.port, password: PASSWORD });
  expect(await io.set("auth:k", "v")).toBe("OK");
  io.disconnect();
  const nr = createClient({ socket: { port: server.port }, password: PASSWORD, RESP: 3 });
  await nr.connect();
  try {
    expect(await nr.get("auth:k")).toBe("v");
  } finally {
    nr.destroy();
  }
  const noPassword = new Redis({ port: server.port, enableReadyCheck: false });
  await expect(noPassword.get("auth:k")).rejects.toThrow("NOAUTH Authentication required.");
  noPassword.disconnect();
});

it("lets redis-cli log in with -a, and prints NOAUTH without it", () => {
  expect(redisCli(server.port, "-a", PASSWORD, "--no-auth-warning", "GET", "auth:k").stdout).toBe("v\n");
  expect(redisCli(server.port, "--user", "default", "--pass", PASSWORD, "--no-auth-warning", "PING").stdout).toBe("PONG\n");
  expect(redisCli(server.port, "--no-raw", "GET", "auth:k").stdout).toBe("(error) NOAUTH Authentication required.\n");
  expect(redisCli(server.port, "-a", "wrong", "--no-auth-warning", "PING").stderr).toContain("WRONGPASS");
});
