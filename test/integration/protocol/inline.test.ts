// Inline commands (what telnet and `nc` send): space-separated words, Redis's quoting and escapes, bare
// LF line ends, and inline and multibulk requests mixed on one connection. Runs against redis-server too.
import { expect, it } from "vitest";
import { useServer } from "../../helpers/server.js";
import { exchange, multibulk } from "../../helpers/raw-resp.js";

const server = useServer();

/** Sends `request` and resolves with the first `count` reply lines. */
async function replyLines(request: string | Buffer, count: number): Promise<string[]> {
  const { text } = await exchange(server.port, request, (t) => t.split("\r\n").length > count);
  return text.split("\r\n").slice(0, count);
}

it("runs a plain inline command", async () => {
  expect(await replyLines("SET inline:a b\r\nGET inline:a\r\n", 3)).toEqual(["+OK", "$1", "b"]);
});

it("accepts LF alone as the line end, and any case of command name", async () => {
  expect(await replyLines("ping\nPiNg\n", 2)).toEqual(["+PONG", "+PONG"]);
});

it("splits on runs of spaces and tabs", async () => {
  expect(await replyLines("  ECHO \t  spaced   \r\n", 2)).toEqual(["$6", "spaced"]);
});

it("keeps spaces inside double and single quotes", async () => {
  expect(await replyLines(`SET "inline:a b" 'c d'\r\nGET "inline:a b"\r\n`, 3)).toEqual(["+OK", "$3", "c d"]);
});

it("decodes escapes in double quotes, hex included", async () => {
  const { text } = await exchange(server.port, 'ECHO "\\x41\\x00\\n\\t\\"q\\\\"\r\n', (t) => t.endsWith("\r\n") && t.length > 5);
  expect(text).toBe('$7\r\nA\x00\n\t"q\\\r\n');
});

it("takes single quotes literally except for an escaped quote", async () => {
  expect(await replyLines("ECHO 'it\\'s \\n'\r\n", 2)).toEqual(["$7", "it's \\n"]);
});

it("gives an empty quoted argument as an empty string", async () => {
  expect(await replyLines(`SET inline:empty ""\r\nSTRLEN inline:empty\r\n`, 2)).toEqual(["+OK", ":0"]);
});

it("mixes inline and multibulk requests on one connection, answering in order", async () => {
  const request = Buffer.concat([Buffer.from("ECHO one\r\n"), multibulk("ECHO", "two"), Buffer.from("ECHO three\n")]);
  expect(await replyLines(request, 6)).toEqual(["$3", "one", "$3", "two", "$5", "three"]);
});
