// Pub/sub over RESP3: confirmations and messages are push frames (`>`) that arrive between ordinary
// replies, no command is refused while subscribed, and a client publishing to itself reads its reply
// before its own message (Redis 7.2). Runs against redis-server too, except that last ordering: 7.0
// sent the message first.
import { afterEach, expect, it } from "vitest";
import { useServer } from "../../helpers/server.js";
import { against } from "../../helpers/target.js";
import { RawConnection } from "../../helpers/raw-resp.js";
import { confirmation, message, pmessage, receive, sendExpecting } from "./wire.js";

const server = useServer();
const open: RawConnection[] = [];

async function resp3(): Promise<RawConnection> {
  const c = await RawConnection.open(server.port);
  open.push(c);
  await c.send(["HELLO", "3"]);
  return c;
}

afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

it("confirms with push frames and a RESP3 null for an unsubscribe from nothing", async () => {
  const c = await resp3();
  expect(await c.send(["UNSUBSCRIBE"])).toBe(confirmation("unsubscribe", null, 0, 3));
  expect(await c.send(["SUBSCRIBE", "a"])).toBe(confirmation("subscribe", "a", 1, 3));
  expect(await c.send(["PSUBSCRIBE", "a*"])).toBe(confirmation("psubscribe", "a*", 2, 3));
  expect(await c.send(["SSUBSCRIBE", "s"])).toBe(confirmation("ssubscribe", "s", 1, 3));
});

it("runs any command while subscribed, with ordinary replies", async () => {
  const c = await resp3();
  await c.send(["SUBSCRIBE", "a"]);
  expect(await c.send(["SET", "k", "v"])).toBe("+OK\r\n");
  expect(await c.send(["GET", "k"])).toBe("$1\r\nv\r\n");
  expect(await c.send(["PING"])).toBe("+PONG\r\n");
  expect(await c.send(["DEL", "k"])).toBe(":1\r\n");
});

it("interleaves pushed messages with a GET reply", async () => {
  const sub = await resp3();
  await sub.send(["SUBSCRIBE", "live"]);
  await server.r.set("key", "value");
  const before = message("live", "one", 3);
  const got = receive(sub, before.length);
  await server.r.publish("live", "one");
  expect(await got).toBe(before);
  // The GET's reply and the next message, whatever their order on the wire, each arrive whole.
  const pushed = message("live", "two", 3);
  const reply = "$5\r\nvalue\r\n";
  const both = sendExpecting(sub, ["GET", "key"], pushed + reply);
  await server.r.publish("live", "two");
  expect([pushed + reply, reply + pushed]).toContain(await both);
  await server.r.del("key");
});

it("pushes pmessage and smessage frames", async () => {
  const sub = await resp3();
  await sub.send(["PSUBSCRIBE", "p.*"]);
  await sub.send(["SSUBSCRIBE", "sh"]);
  const expected = pmessage("p.*", "p.x", "1", 3) + message("sh", "2", 3, "smessage");
  const got = receive(sub, expected.length);
  await server.r.publish("p.x", "1");
  await server.r.spublish("sh", "2");
  expect(await got).toBe(expected);
});

it.skipIf(against === "redis")("sends a client's own message after its PUBLISH reply", async () => {
  const c = await resp3();
  await c.send(["SUBSCRIBE", "self"]);
  const expected = ":1\r\n" + message("self", "me", 3);
  expect(await sendExpecting(c, ["PUBLISH", "self", "me"], expected)).toBe(expected);
  const pipelined = ":1\r\n" + message("self", "a", 3) + "$1\r\nb\r\n";
  expect(await c.sendRaw("*3\r\n$7\r\nPUBLISH\r\n$4\r\nself\r\n$1\r\na\r\n*2\r\n$4\r\nECHO\r\n$1\r\nb\r\n", (t) => t.length >= pipelined.length)).toBe(pipelined);
});

it("falls back to RESP2 framing after HELLO 2, and to subscribed mode", async () => {
  const c = await resp3();
  await c.send(["SUBSCRIBE", "back"]);
  await c.send(["HELLO", "2"]);
  expect(await c.send(["PING"])).toBe("*2\r\n$4\r\npong\r\n$0\r\n\r\n");
  const expected = message("back", "m");
  const got = receive(c, expected.length);
  await server.r.publish("back", "m");
  expect(await got).toBe(expected);
});
