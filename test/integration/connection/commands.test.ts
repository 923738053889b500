// Connection commands without a password configured: PING, ECHO, TIME, AUTH, QUIT and RESET, through
// raw sockets, ioredis, node-redis and redis-cli. Runs against redis-server too.
import { expect, it } from "vitest";
import { Redis } from "ioredis";
import { createClient } from "redis";
import { useServer } from "../../helpers/server.js";
import { RawConnection, exchange } from "../../helpers/raw-resp.js";
import { redisCli } from "../protocol/cli.js";

const server = useServer();

it("answers PING with PONG, or with its argument as a bulk string", async () => {
  const c = await RawConnection.open(server.port);
  expect(await c.send(["ping"])).toBe("+PONG\r\n");
  expect(await c.send(["PING", "hello world"])).toBe("$11\r\nhello world\r\n");
  expect(await c.send(["ping", ""])).toBe("$0\r\n\r\n");
  expect(await c.send(["ping", "a", "b"])).toBe("-ERR wrong number of arguments for 'ping' command\r\n");
  c.close();
  expect(await server.r.ping()).toBe("PONG");
  expect(redisCli(server.port, "PING").stdout).toBe("PONG\n");
  expect(redisCli(server.port, "--no-raw", "PING", "hi").stdout).toBe('"hi"\n');
});

it("echoes ECHO's argument", async () => {
  expect(await server.r.echo("héllo")).toBe("héllo");
  await expect(server.r.call("echo")).rejects.toThrow("ERR wrong number of arguments for 'echo' command");
  await expect(server.r.call("echo", "a", "b")).rejects.toThrow("ERR wrong number of arguments for 'echo' command");
  expect(redisCli(server.port, "ECHO", "from cli").stdout).toBe("from cli\n");
});

it("tells the time as unix seconds and microseconds", async () => {
  const before = Date.now();
  const [seconds, micros] = (await server.r.call("time")) as [string, string];
  expect(seconds).toMatch(/^\d+$/);
  expect(micros).toMatch(/^\d+$/);
  expect(Number(micros)).toBeLessThan(1_000_000);
  const ms = Number(seconds) * 1000 + Number(micros) / 1000;
  expect(Math.abs(ms - before)).toBeLessThan(2000);
  await expect(server.r.call("time", "x")).rejects.toThrow("ERR wrong number of arguments for 'time' command");
});

it("refuses AUTH with a password when none is configured, but takes the default user", async () => {
  await expect(server.r.call("auth", "x")).rejects.toThrow(
    "ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?",
  );
  expect(await server.r.call("auth", "default", "anything")).toBe("OK");
});

it("closes the connection after QUIT's +OK, ignoring what was pipelined after it", async () => {
  expect(await exchange(server.port, "PING\r\nQUIT\r\nPING\r\n")).toEqual({ text: "+PONG\r\n+OK\r\n", closed: true });
  const c = new Redis({ port: server.port });
  expect(await c.quit()).toBe("OK");
  const client = createClient({ socket: { port: server.port } });
  await client.connect();
  await client.close();
  expect(client.isOpen).toBe(false);
});

it("puts a connection back to its first state with RESET", async () => {
  const c = await RawConnection.open(server.port);
  await c.send(["hello", "3", "setname", "before-reset"]);
  await c.send(["select", "5"]);
  await c.send(["set", "reset:k", "v"]);
  expect(await c.send(["reset"])).toBe("+RESET\r\n");
  expect(await c.send(["client", "getname"])).toBe("$-1\r\n");
  expect(await c.send(["get", "reset:k"])).toBe("$-1\r\n");
  expect(await c.send(["select", "5"])).toBe("+OK\r\n");
  expect(await c.send(["get", "reset:k"])).toBe("$1\r\nv\r\n");
  expect(await c.send(["reset", "x"])).toBe("-ERR wrong number of arguments for 'reset' command\r\n");
  c.close();
  expect(await server.r.call("reset")).toBe("RESET");
});
