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

  it("answers errors as replies: unknown command, arity, core commands, its own commands", async () => {
    expect(await call("NOPE", "a")).toBe("-ERR unknown command 'NOPE', with args beginning with: 'a' \r\n");
    expect(await call("GET")).toBe("-ERR wrong number of arguments for 'get' command\r\n");
    expect(await call("PING")).toBe("-ERR call_command runs plugin commands only, not 'ping'\r\n");
    expect(await call("waiter.take", "k", "0")).toBe("-ERR plugin 'waiter' cannot call its own command 'waiter.take'\r\n");
  });
});
