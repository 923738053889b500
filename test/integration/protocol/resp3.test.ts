// RESP2 and RESP3 per connection: HELLO's reply and errors, the reply types that change with the
// protocol (null, map, verbatim string), and all three clients speaking RESP3. Runs against
// redis-server too; the server version is the one field that differs on purpose (7.2.4 vs 7.0.15).
import { describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { createClient } from "redis";
import { useServer } from "../../helpers/server.js";
import { RawConnection } from "../../helpers/raw-resp.js";
import { redisCli } from "./cli.js";

const server = useServer();

async function raw(): Promise<RawConnection> {
  return RawConnection.open(server.port);
}

describe("HELLO", () => {
  it("describes the server as a RESP2 array without arguments", async () => {
    const reply = (await server.r.call("hello")) as unknown[];
    expect(reply.filter((_, i) => i % 2 === 0)).toEqual(["server", "version", "proto", "id", "mode", "role", "modules"]);
    expect(reply[1]).toBe("redis");
    expect(reply[5]).toBe(2);
    expect(reply[7]).toBe(Number(await server.r.call("client", "id")));
    expect(reply.slice(8, 12)).toEqual(["mode", "standalone", "role", "master"]);
  });

  it("switches a connection to RESP3 (a map) and back to RESP2", async () => {
    const c = await raw();
    expect(await c.send(["hello", "3"])).toMatch(/^%7\r\n\$6\r\nserver\r\n\$5\r\nredis\r\n/);
    expect(await c.send(["get", "resp3:missing"])).toBe("_\r\n");
    expect(await c.send(["hello", "2"])).toMatch(/^\*14\r\n/);
    expect(await c.send(["get", "resp3:missing"])).toBe("$-1\r\n");
    c.close();
  });

  it("refuses protocol versions other than 2 and 3 and keeps the current one", async () => {
    const c = await raw();
    await c.send(["hello", "3"]);
    expect(await c.send(["hello", "4"])).toBe("-NOPROTO unsupported protocol version\r\n");
    expect(await c.send(["hello", "1"])).toBe("-NOPROTO unsupported protocol version\r\n");
    expect(await c.send(["hello", "x"])).toBe("-ERR Protocol version is not an integer or out of range\r\n");
    expect(await c.send(["get", "resp3:missing"])).toBe("_\r\n");
    c.close();
  });

  it("reads the version as a 64-bit integer: beyond 2^53 is NOPROTO, beyond the range or malformed is not an integer", async () => {
    const c = await raw();
    const NOPROTO = "-NOPROTO unsupported protocol version\r\n";
    const NOT_INTEGER = "-ERR Protocol version is not an integer or out of range\r\n";
    for (const v of ["9223372036854775807", "-9223372036854775808", "4294967298", "0", "-1"]) expect(await c.send(["hello", v]), v).toBe(NOPROTO);
    for (const v of ["9223372036854775808", "-9223372036854775809", "2.5", "", " 3", "03", "+3", "-0"]) expect(await c.send(["hello", v]), v).toBe(NOT_INTEGER);
    c.close();
  });

  it("words option errors as Redis does", async () => {
    await expect(server.r.call("hello", "3", "foo")).rejects.toThrow("ERR Syntax error in HELLO option 'foo'");
    await expect(server.r.call("hello", "3", "AUTH", "default")).rejects.toThrow("ERR Syntax error in HELLO option 'AUTH'");
    await expect(server.r.call("hello", "3", "setname")).rejects.toThrow("ERR Syntax error in HELLO option 'setname'");
    await expect(server.r.call("hello", "2", "setname", "a b")).rejects.toThrow(
      "ERR Client names cannot contain spaces, newlines or special characters.",
    );
  });

  it("names the connection with SETNAME", async () => {
    const c = new Redis({ port: server.port });
    await c.call("hello", "2", "setname", "hello-named");
    expect(await c.call("client", "getname")).toBe("hello-named");
    c.disconnect();
  });
});

describe("RESP3 reply types", () => {
  it("sends maps, verbatim strings and nulls where RESP2 sends arrays and bulks", async () => {
    const c = await raw();
    await c.send(["hello", "3"]);
    expect(await c.send(["config", "get", "hz"])).toBe("%1\r\n$2\r\nhz\r\n$2\r\n10\r\n");
    expect(await c.send(["info", "server"])).toMatch(/^=\d+\r\ntxt:# Server\r\n/);
    expect(await c.send(["ping"])).toBe("+PONG\r\n");
    expect(await c.send(["ping", "hi"])).toBe("$2\r\nhi\r\n");
    expect(await c.send(["dbsize"])).toMatch(/^:\d+\r\n$/);
    c.close();
  });

  it("gives node-redis (RESP: 3) maps as objects", async () => {
    const client = createClient({ socket: { port: server.port }, RESP: 3 });
    await client.connect();
    try {
      expect(await client.configGet("hz")).toEqual({ hz: "10" });
      const hello = await client.hello();
      expect(hello).toMatchObject({ server: "redis", proto: 3, mode: "standalone", role: "master" });
      expect(await client.get("resp3:missing")).toBeNull();
      await client.set("resp3:a", "ohmytext");
      await client.set("resp3:b", "mynewtext");
      expect(await client.lcsIdx("resp3:a", "resp3:b")).toEqual({
        matches: [[[4, 7], [5, 8]], [[2, 3], [0, 1]]],
        len: 6,
      });
      expect(await client.ping()).toBe("PONG");
      expect(await client.echo("e")).toBe("e");
      expect(typeof (await client.info("server"))).toBe("string");
    } finally {
      client.destroy();
    }
  });

  it("prints RESP3 replies through redis-cli -3", () => {
    expect(redisCli(server.port, "-3", "--no-raw", "CONFIG", "GET", "hz").stdout).toBe('1# "hz" => "10"\n');
    expect(redisCli(server.port, "-3", "--no-raw", "GET", "resp3:missing").stdout).toBe("(nil)\n");
    expect(redisCli(server.port, "-3", "--no-raw", "PING").stdout).toBe("PONG\n");
    expect(redisCli(server.port, "-3", "HELLO", "3").stdout).toMatch(/^server redis\nversion [\d.]+\nproto 3\n/);
  });
});
