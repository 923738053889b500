// Protocol integrity (issue 11): a plugin command must write exactly one complete reply. One that
// writes two, an array shorter than announced, none, or leaves an aggregate open gets its whole reply
// replaced by one error and a log line, wherever it runs (a client's command, MULTI/EXEC, a blocked
// command served later, call_command), and the connection's stream stays in step. Raw sockets, so any
// stray byte would show. Fixtures: test/fixtures/plugins/unruly (the faults), waiter (call_command).
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { ROOT } from "../../helpers/target.js";
import { useServer } from "../../helpers/server.js";
import { useRawConnections } from "../../helpers/raw-resp.js";
import { untilBlocked } from "../../helpers/blocking.js";

const server = useServer(["--loadmodule", join(ROOT, "build/fixtures/unruly.wasm"), "--loadmodule", join(ROOT, "build/fixtures/waiter.wasm")], { kind: "ferrite" });
const raw = useRawConnections(() => server.port);

const faulty = (command: string, fault: string) => `-ERR plugin 'unruly' ${fault} to '${command}'\r\n`;

describe("a plugin reply that breaks the count", () => {
  it.each([
    ["unruly.two", "sent 2 replies"],
    ["unruly.short", "sent an incomplete reply"],
    ["unruly.nested", "sent an incomplete reply"],
    ["unruly.none", "sent no reply"],
  ])("%s: one error, then the next commands' own replies", async (command, fault) => {
    const c = await raw();
    expect(await c.pipeline([command], ["PING"], ["PING"])).toEqual([faulty(command, fault), "+PONG\r\n", "+PONG\r\n"]);
    await server.target.waitForLog(new RegExp(`plugin 'unruly' ${fault} to '${command}'`));
  });

  it("counts a map's elements in pairs, in RESP2 and RESP3", async () => {
    const c = await raw();
    expect(await c.pipeline(["unruly.pairs"], ["PING"])).toEqual([faulty("unruly.pairs", "sent an incomplete reply"), "+PONG\r\n"]);
    await c.send(["HELLO", "3"]);
    expect(await c.pipeline(["unruly.pairs"], ["PING"])).toEqual([faulty("unruly.pairs", "sent an incomplete reply"), "+PONG\r\n"]);
  });

  it("lets a well-formed reply with nested and empty aggregates through", async () => {
    const c = await raw();
    expect(await c.pipeline(["unruly.fine"], ["PING"])).toEqual(["*3\r\n*4\r\n:1\r\n*0\r\n:2\r\n*1\r\n:3\r\n$-1\r\n*-1\r\n", "+PONG\r\n"]);
    await c.send(["HELLO", "3"]);
    expect(await c.pipeline(["unruly.fine"], ["PING"])).toEqual(["*3\r\n%2\r\n:1\r\n*0\r\n:2\r\n~1\r\n:3\r\n_\r\n_\r\n", "+PONG\r\n"]);
  });

  it("replaces only the faulty command's reply inside MULTI/EXEC", async () => {
    const c = await raw();
    await c.send(["MULTI"]);
    await c.send(["unruly.two"]);
    await c.send(["PING"]);
    expect(await c.pipeline(["EXEC"], ["PING"])).toEqual([`*2\r\n${faulty("unruly.two", "sent 2 replies")}+PONG\r\n`, "+PONG\r\n"]);
  });

  it("checks a blocked command's reply when it is served", async () => {
    const blocked = await raw();
    const writer = await raw();
    const served = blocked.send(["unruly.wait", "ready"]);
    await untilBlocked(server, 1);
    expect(await writer.send(["unruly.set", "ready", "1"])).toBe("+OK\r\n");
    expect(await served).toBe(faulty("unruly.wait", "sent 2 replies"));
    expect(await blocked.send(["PING"])).toBe("+PONG\r\n");
  });

  it("hands the caller of call_command one error instead of the faulty reply", async () => {
    const c = await raw();
    const error = "-ERR plugin 'unruly' sent 2 replies to 'unruly.two'\r\n";
    expect(await c.pipeline(["waiter.call", "unruly.two"], ["PING"])).toEqual([`$${error.length}\r\n${error}\r\n`, "+PONG\r\n"]);
  });
});
