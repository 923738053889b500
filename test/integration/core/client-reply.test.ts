// CLIENT REPLY ON|OFF|SKIP over a raw socket: which replies arrive, byte for byte, with pipelined
// commands after the switch. Pushes (subscribe confirmations, messages) still arrive while replies are
// off, as in Redis 7. Runs against redis-server too (TEST_AGAINST=redis).
import { expect, it } from "vitest";
import { useServer } from "../../helpers/server.js";
import { exchange, multibulk, RawConnection } from "../../helpers/raw-resp.js";

const server = useServer([], { flush: true });

/** The commands in one write; what arrives once `expected` did (or the 1 s the exchange waits). */
async function replies(expected: string, ...commands: string[][]): Promise<string> {
  const { text } = await exchange(server.port, Buffer.concat(commands.map((c) => multibulk(...c))), (t) => t.length >= expected.length);
  return text;
}

it("OFF silences every reply, errors included, until ON answers OK; the commands still run", async () => {
  const expected = "+OK\r\n$1\r\nv\r\n";
  expect(await replies(expected, ["CLIENT", "REPLY", "OFF"], ["PING", "a"], ["SET", "k", "v"], ["GET"], ["NOSUCH"],
    ["CLIENT", "REPLY", "ON"], ["GET", "k"])).toBe(expected);
});

it("SKIP drops the next command's reply only", async () => {
  const expected = "$1\r\nb\r\n$1\r\nc\r\n";
  expect(await replies(expected, ["CLIENT", "REPLY", "SKIP"], ["PING", "a"], ["PING", "b"], ["PING", "c"])).toBe(expected);
});

it("ON right after SKIP answers, and so does the next command", async () => {
  const expected = "+OK\r\n+PONG\r\n";
  expect(await replies(expected, ["CLIENT", "REPLY", "SKIP"], ["CLIENT", "REPLY", "ON"], ["PING"])).toBe(expected);
});

it("SKIP while OFF keeps replies off", async () => {
  const expected = "+OK\r\n$1\r\nc\r\n";
  expect(await replies(expected, ["CLIENT", "REPLY", "OFF"], ["CLIENT", "REPLY", "SKIP"], ["PING", "a"], ["PING", "b"],
    ["CLIENT", "REPLY", "ON"], ["PING", "c"])).toBe(expected);
});

it("RESET turns replies back on", async () => {
  const expected = "+RESET\r\n+PONG\r\n";
  expect(await replies(expected, ["CLIENT", "REPLY", "OFF"], ["PING", "a"], ["RESET"], ["PING"])).toBe(expected);
});

it("refuses a mode other than ON, OFF and SKIP with a syntax error", async () => {
  const expected = "-ERR syntax error\r\n";
  expect(await replies(expected, ["CLIENT", "REPLY", "MAYBE"])).toBe(expected);
});

it("still delivers subscribe confirmations and messages while replies are off (RESP2 and RESP3)", async () => {
  for (const protocol of ["2", "3"]) {
    const sub = await RawConnection.open(server.port);
    try {
      await sub.send(["HELLO", protocol]);
      const head = protocol === "3" ? ">3" : "*3";
      const confirmation = `${head}\r\n$9\r\nsubscribe\r\n$2\r\nch\r\n:1\r\n`;
      const answer = await sub.sendRaw(Buffer.concat([multibulk("CLIENT", "REPLY", "OFF"), multibulk("PING"), multibulk("SUBSCRIBE", "ch")]),
        (t) => t.length >= confirmation.length);
      expect(answer).toBe(confirmation);
      const message = `${head}\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n`;
      const published = server.r.publish("ch", "hi"); // awaited after: the message may come before its reply
      expect(await sub.sendRaw("", (t) => t.length >= message.length)).toBe(message);
      expect(await published).toBe(1);
    } finally {
      sub.close();
    }
  }
});
