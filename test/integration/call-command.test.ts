// call_command (host API 1.1), through the waiter fixture's WAITER.CALL, which replies the raw RESP2
// reply of the command it ran: a plugin runs another plugin's command, and every refusal is a reply.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { ROOT } from "../helpers/target.js";
import { useServer } from "../helpers/server.js";

const server = useServer(["--loadmodule", join(ROOT, "build/fixtures/waiter.wasm")], { kind: "ferrite", flush: true });

describe("call_command (host API 1.1)", () => {
  const call = (...args: string[]) => server.r.call("waiter.call", ...args);

  it("runs another plugin's command and hands back its RESP reply", async () => {
    await server.r.set("s", "value");
    expect(await call("GET", "s")).toBe("$5\r\nvalue\r\n");
    expect(await call("get", "missing")).toBe("$-1\r\n");
    expect(await call("SET", "t", "x")).toBe("+OK\r\n");
    expect(await server.r.get("t")).toBe("x");
  });

  it("runs core commands as the calling client, in its database, without changing it", async () => {
    await server.r.set("a", "1");
    expect(await call("PING")).toBe("+PONG\r\n");
    expect(await call("ECHO", "x y")).toBe("$3\r\nx y\r\n");
    expect(await call("TIME")).toMatch(/^\*2\r\n\$10\r\n\d{10}\r\n\$\d+\r\n\d+\r\n$/);
    expect(await call("DBSIZE")).toBe(":1\r\n");
    expect(await call("SELECT", "1")).toBe("+OK\r\n");
    expect(await call("SELECT", "99")).toBe("-ERR DB index is out of range\r\n");
    // As RM_Call's client, the SELECT held for its own call only.
    expect(await server.r.dbsize()).toBe(1);
    expect(await call("INFO", "keyspace")).toMatch(/^\$\d+\r\n# Keyspace\r\ndb0:keys=1,/);
    expect(await call("MULTI")).toBe("-ERR call_command cannot run 'multi': it acts on the client's connection\r\n");
    expect(await call("CLIENT", "SETNAME", "x")).toBe("-ERR call_command cannot run 'client|setname': it acts on the client's connection\r\n");
  });

  it("checks a core command against the calling user's ACL", async () => {
    await server.r.acl("SETUSER", "caller", "on", "nopass", "+waiter.call", "+echo");
    const c = server.client();
    await c.call("AUTH", "caller", "x");
    expect(await c.call("WAITER.CALL", "ECHO", "e")).toBe("$1\r\ne\r\n");
    expect(await c.call("WAITER.CALL", "DBSIZE")).toBe("-NOPERM User caller has no permissions to run the 'dbsize' command\r\n");
  });

  it("answers errors as replies: unknown command, arity, its own commands", async () => {
    expect(await call("NOPE", "a")).toBe("-ERR unknown command 'NOPE', with args beginning with: 'a' \r\n");
    expect(await call("GET")).toBe("-ERR wrong number of arguments for 'get' command\r\n");
    expect(await call("waiter.take", "k", "0")).toBe("-ERR plugin 'waiter' cannot call its own command 'waiter.take'\r\n");
  });
});
