// Pub/sub over RESP2, byte for byte: confirmations and their counts, message/pmessage/smessage frames,
// subscribed mode (what it refuses and how PING answers), unsubscribing everything, and subscriptions
// dropped by RESET and by disconnecting. Runs against redis-server too (TEST_AGAINST=redis).
import { describe, expect, it } from "vitest";
import { useServer, sleep } from "../../helpers/server.js";
import { useRawConnections } from "../../helpers/raw-resp.js";
import { confirmation, message, pmessage, receive, sendExpecting, subscribedModeError } from "./wire.js";

const server = useServer();
const connection = useRawConnections(() => server.port);

describe("subscribing", () => {
  it("confirms each channel with the client's subscription count, duplicates included", async () => {
    const c = await connection();
    const expected = confirmation("subscribe", "a", 1) + confirmation("subscribe", "b", 2) + confirmation("subscribe", "a", 2);
    expect(await sendExpecting(c, ["SUBSCRIBE", "a", "b", "a"], expected)).toBe(expected);
    // Patterns share the count with channels; shard channels have their own.
    expect(await c.send(["PSUBSCRIBE", "p*"])).toBe(confirmation("psubscribe", "p*", 3));
    expect(await c.send(["SSUBSCRIBE", "s"])).toBe(confirmation("ssubscribe", "s", 1));
  });

  it("answers an unsubscribe from nothing with a null name and a zero count", async () => {
    const c = await connection();
    expect(await c.send(["UNSUBSCRIBE"])).toBe(confirmation("unsubscribe", null, 0));
    expect(await c.send(["PUNSUBSCRIBE"])).toBe(confirmation("punsubscribe", null, 0));
    expect(await c.send(["SUNSUBSCRIBE"])).toBe(confirmation("sunsubscribe", null, 0));
    expect(await c.send(["UNSUBSCRIBE", "never"])).toBe(confirmation("unsubscribe", "never", 0));
    // Not subscribed to anything: still a normal connection.
    expect(await c.send(["ECHO", "x"])).toBe("$1\r\nx\r\n");
  });

  it("unsubscribes from every channel without arguments, counting down", async () => {
    const c = await connection();
    await sendExpecting(c, ["SUBSCRIBE", "a", "b"], confirmation("subscribe", "a", 1) + confirmation("subscribe", "b", 2));
    await c.send(["PSUBSCRIBE", "p*"]);
    const bytes = confirmation("unsubscribe", "a", 2).length + confirmation("unsubscribe", "b", 1).length;
    const reply = await sendExpecting(c, ["UNSUBSCRIBE"], "x".repeat(bytes));
    // Redis walks a hash table: the order of channels is not defined, the counts are.
    expect([confirmation("unsubscribe", "a", 2) + confirmation("unsubscribe", "b", 1), confirmation("unsubscribe", "b", 2) + confirmation("unsubscribe", "a", 1)]).toContain(reply);
    expect(await c.send(["PUNSUBSCRIBE"])).toBe(confirmation("punsubscribe", "p*", 0));
    expect(await c.send(["GET", "k"])).toBe("$-1\r\n");
  });
});

describe("subscribed mode", () => {
  it("refuses other commands with Redis's error, full subcommand names included", async () => {
    const c = await connection();
    await c.send(["SUBSCRIBE", "a"]);
    expect(await c.send(["GET", "k"])).toBe(subscribedModeError("get"));
    expect(await c.send(["CLIENT", "LIST"])).toBe(subscribedModeError("client|list"));
    expect(await c.send(["PUBLISH", "a", "m"])).toBe(subscribedModeError("publish"));
    expect(await c.send(["HELLO", "3"])).toBe(subscribedModeError("hello"));
    // Unknown commands and wrong arity are reported first, as Redis checks them before the mode.
    expect(await c.send(["nosuch"])).toBe("-ERR unknown command 'nosuch', with args beginning with: \r\n");
    expect(await c.send(["GET"])).toBe("-ERR wrong number of arguments for 'get' command\r\n");
  });

  it("answers PING with the array pong <message>", async () => {
    const c = await connection();
    await c.send(["SUBSCRIBE", "a"]);
    expect(await c.send(["PING"])).toBe("*2\r\n$4\r\npong\r\n$0\r\n\r\n");
    expect(await c.send(["PING", "hi"])).toBe("*2\r\n$4\r\npong\r\n$2\r\nhi\r\n");
  });

  it("lasts while a pattern or shard subscription remains", async () => {
    const c = await connection();
    await c.send(["SSUBSCRIBE", "s"]);
    expect(await c.send(["GET", "k"])).toBe(subscribedModeError("get"));
    expect(await c.send(["SUNSUBSCRIBE", "s"])).toBe(confirmation("sunsubscribe", "s", 0));
    expect(await c.send(["GET", "k"])).toBe("$-1\r\n");
  });

  it("ends with RESET, which drops every subscription", async () => {
    const c = await connection();
    await c.send(["SUBSCRIBE", "reset-ch"]);
    await c.send(["PSUBSCRIBE", "reset-*"]);
    expect(await c.send(["RESET"])).toBe("+RESET\r\n");
    expect(await c.send(["GET", "k"])).toBe("$-1\r\n");
    expect(await server.r.publish("reset-ch", "m")).toBe(0);
    expect(await server.r.pubsub("NUMSUB", "reset-ch")).toEqual(["reset-ch", 0]);
  });

  it("ends with QUIT", async () => {
    const c = await connection();
    await c.send(["SUBSCRIBE", "a"]);
    expect(await c.send(["QUIT"])).toBe("+OK\r\n");
    expect(await c.closed()).toBe(true);
  });
});

describe("messages", () => {
  it("delivers message, pmessage and smessage frames and counts the receivers", async () => {
    const sub = await connection();
    await sub.send(["SUBSCRIBE", "news"]);
    await sub.send(["PSUBSCRIBE", "n*"]);
    await sub.send(["SSUBSCRIBE", "shard"]);
    const both = message("news", "hello") + pmessage("n*", "news", "hello");
    const got = receive(sub, both.length);
    // The channel and the pattern each count: one client, two deliveries.
    expect(await server.r.publish("news", "hello")).toBe(2);
    expect(await got).toBe(both);
    const shard = message("shard", "s-msg", 2, "smessage");
    const gotShard = receive(sub, shard.length);
    expect(await server.r.spublish("shard", "s-msg")).toBe(1);
    expect(await gotShard).toBe(shard);
    // PUBLISH and SPUBLISH are separate namespaces.
    expect(await server.r.publish("shard", "x")).toBe(0);
    expect(await server.r.spublish("news", "x")).toBe(0);
  });

  it("is binary safe in channel names and payloads", async () => {
    const sub = await connection();
    const channel = "ch\x00\xff\r\n";
    const payload = "\x00\x01\xfe\xff";
    await sub.send(["SUBSCRIBE", channel]);
    const expected = message(channel, payload);
    const got = receive(sub, expected.length);
    const pub = await connection();
    expect(await pub.send(["PUBLISH", channel, payload])).toBe(":1\r\n");
    expect(await got).toBe(expected);
  });

  it("matches patterns with Redis's glob", async () => {
    const sub = await connection();
    await sub.send(["PSUBSCRIBE", "h[ae]llo?"]);
    const expected = pmessage("h[ae]llo?", "hallo!", "1");
    const got = receive(sub, expected.length);
    expect(await server.r.publish("hbllo!", "0")).toBe(0);
    expect(await server.r.publish("hallo", "0")).toBe(0);
    expect(await server.r.publish("hallo!", "1")).toBe(1);
    expect(await got).toBe(expected);
  });

  it("reaches every subscriber of a channel", async () => {
    const subs = await Promise.all([connection(), connection(), connection()]);
    for (const s of subs) await s.send(["SUBSCRIBE", "fan"]);
    const expected = message("fan", "out");
    const got = subs.map((s) => receive(s, expected.length));
    expect(await server.r.publish("fan", "out")).toBe(3);
    expect(await Promise.all(got)).toEqual([expected, expected, expected]);
  });

  it("forgets a subscriber that disconnects", async () => {
    const sub = await connection();
    await sub.send(["SUBSCRIBE", "gone"]);
    await sub.send(["PSUBSCRIBE", "gone*"]);
    expect(await server.r.publish("gone", "x")).toBe(2);
    sub.close();
    for (let i = 0; i < 50 && (await server.r.publish("gone", "x")) > 0; i++) await sleep(20);
    expect(await server.r.publish("gone", "x")).toBe(0);
    expect(await server.r.pubsub("NUMPAT")).toBe(0);
  });
});
