// Malformed requests over a raw socket: Redis's exact `-ERR Protocol error: ...` line and then a closed
// connection; the query-buffer limit (closed without a reply); unknown-command and arity errors, which
// leave the connection open. Runs against redis-server too (TEST_AGAINST=redis).
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { useServer } from "../../helpers/server.js";
import { exchange, multibulk } from "../../helpers/raw-resp.js";

const server = useServer();

const PROTOCOL_ERRORS: [string, string, string][] = [
  ["a non-numeric multibulk length", "*x\r\n", "invalid multibulk length"],
  ["a multibulk length past INT_MAX", "*9999999999\r\n", "invalid multibulk length"],
  ["an argument without its '$'", "*3\r\nfoo\r\n", "expected '$', got 'f'"],
  ["an integer where a bulk belongs", "*2\r\n$4\r\nPING\r\n:1\r\n", "expected '$', got ':'"],
  ["a non-numeric bulk length", "*1\r\n$x\r\n", "invalid bulk length"],
  ["a negative bulk length", "*1\r\n$-1\r\n", "invalid bulk length"],
  ["a double-quoted inline argument left open", 'GET "abc\r\n', "unbalanced quotes in request"],
  ["a single-quoted inline argument left open", "GET 'abc\r\n", "unbalanced quotes in request"],
  ["a closing quote glued to more text", 'GET "a"b\r\n', "unbalanced quotes in request"],
];

describe("protocol errors", () => {
  it.each(PROTOCOL_ERRORS)("answers %s with Redis's error, then closes", async (_, request, reason) => {
    const { text, closed } = await exchange(server.port, request);
    expect(text).toBe(`-ERR Protocol error: ${reason}\r\n`);
    expect(closed).toBe(true);
  });

  it("answers the commands before the malformed one, and none after it", async () => {
    const { text, closed } = await exchange(server.port, "PING\r\n*1\r\n$x\r\nPING\r\n");
    expect(text).toBe("+PONG\r\n-ERR Protocol error: invalid bulk length\r\n");
    expect(closed).toBe(true);
  });

  it("refuses an unterminated inline line or length line longer than 64 KiB", async () => {
    const inline = await exchange(server.port, "GET " + "a".repeat(70_000));
    expect(inline).toEqual({ text: "-ERR Protocol error: too big inline request\r\n", closed: true });
    const count = await exchange(server.port, "*1\r\n$" + "1".repeat(70_000));
    expect(count).toEqual({ text: "-ERR Protocol error: too big bulk count string\r\n", closed: true });
  });

  // Redis's unit/protocol "Protocol desync regression test": a client that goes on sending after its
  // protocol error must find the connection closed whole (its writes fail), not only half-closed.
  it.each([["an inline request", "\x00"], ["a multibulk count", "*\x00"], ["a bulk length", "$\x00"]])(
    "closes the connection whole after a desync in %s: the client's next writes fail", async (_, start) => {
      const socket = connect({ port: server.port, host: "127.0.0.1", allowHalfOpen: true });
      let reply = "";
      socket.setEncoding("latin1").on("data", (d: string) => { reply += d; });
      const failed = new Promise<string>((ok) => socket.once("error", (e: NodeJS.ErrnoException) => ok(e.code ?? "")));
      socket.write(start);
      // A generous bound, as Redis's test's 30 s: the write fails within a few round trips once closed.
      const deadline = Date.now() + 20_000;
      let code = "";
      while (!code && Date.now() < deadline) {
        socket.write("payload".repeat(1024));
        code = await Promise.race([failed, new Promise<string>((r) => setTimeout(() => r(""), 5))]);
      }
      socket.destroy();
      expect(reply).toMatch(/^-ERR Protocol error: too big (inline request|mbulk count string)\r\n$/);
      expect(["EPIPE", "ECONNRESET"]).toContain(code);
    }, 30_000);

  it("skips empty requests: a blank line, *0 and a negative count", async () => {
    const { text, closed } = await exchange(server.port, "\r\n*0\r\n*-5\r\nPING\r\n", (t) => t.endsWith("\r\n"));
    expect(text).toBe("+PONG\r\n");
    expect(closed).toBe(false);
  });

  it("waits for the rest of a request that arrived in part", async () => {
    const { text, closed } = await exchange(server.port, "*1\r\n$4\r\nPI", undefined, 300);
    expect(text).toBe("");
    expect(closed).toBe(false);
  });
});

describe("command errors keep the connection open", () => {
  const answers = (request: string | Buffer, count: number) =>
    exchange(server.port, request, (t) => t.split("\r\n").length > count);

  it("words an unknown command as Redis does, quoting its first arguments", async () => {
    const { text, closed } = await answers("FOO bar baz\r\nPING\r\n", 2);
    expect(text).toBe("-ERR unknown command 'FOO', with args beginning with: 'bar' 'baz' \r\n+PONG\r\n");
    expect(closed).toBe(false);
    expect((await answers("nosuch\r\n", 1)).text).toBe("-ERR unknown command 'nosuch', with args beginning with: \r\n");
  });

  it("stops quoting an unknown command's arguments near 128 characters", async () => {
    const { text } = await answers(multibulk("FOO", "x".repeat(100), "y".repeat(100), "z"), 1);
    expect(text).toBe(`-ERR unknown command 'FOO', with args beginning with: '${"x".repeat(100)}' '${"y".repeat(25)}' \r\n`);
  });

  it("words wrong arity with the command's lower-case name", async () => {
    const { text } = await answers("GET\r\nSET a\r\nECHO a b\r\nPING a b\r\nselect\r\n", 5);
    expect(text.split("\r\n").slice(0, 5)).toEqual(["get", "set", "echo", "ping", "select"].map(
      (name) => `-ERR wrong number of arguments for '${name}' command`,
    ));
  });
});

describe("client-query-buffer-limit", () => {
  const limited = useServer(["--client-query-buffer-limit", "1mb"]);

  it("closes, without a reply, a client whose unparsed input outgrows the limit", async () => {
    const partial = Buffer.concat([Buffer.from("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$3000000\r\n"), Buffer.alloc(2 * 1024 * 1024, 0x61)]);
    expect(await exchange(limited.port, partial, undefined, 5000)).toEqual({ text: "", closed: true });
  });

  it("still serves requests under the limit", async () => {
    const value = Buffer.alloc(512 * 1024, 0x62);
    const { text } = await exchange(limited.port, Buffer.concat([multibulk("SET", "k", value), multibulk("STRLEN", "k")]),
      (t) => t.endsWith(":524288\r\n"), 5000);
    expect(text).toBe("+OK\r\n:524288\r\n");
  });
});
