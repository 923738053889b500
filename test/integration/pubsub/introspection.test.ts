// What the server tells about pub/sub: PUBSUB's subcommands, CLIENT LIST's sub/psub/ssub fields and
// P flag, CLIENT LIST/KILL TYPE pubsub, INFO's counters. Runs against redis-server too.
import { afterEach, describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../helpers/server.js";
import { RawConnection, rawReply } from "../../helpers/raw-resp.js";
import { confirmation, sendExpecting } from "./wire.js";

const server = useServer();
const open: RawConnection[] = [];

async function subscriber(command: string, ...names: string[]): Promise<RawConnection> {
  const c = await RawConnection.open(server.port);
  open.push(c);
  const kind = command.toLowerCase();
  await sendExpecting(c, [command, ...names], names.map((n, i) => confirmation(kind, n, i + 1)).join(""));
  return c;
}

afterEach(async () => {
  for (const c of open.splice(0)) c.close();
  // Disconnects are seen asynchronously: wait until the server has forgotten every subscriber.
  for (let i = 0; i < 100; i++) {
    // NUMPAT through call(): ioredis types its integer reply as an array.
    const [channels, shard, patterns] = await Promise.all([server.r.pubsub("CHANNELS"), server.r.call("PUBSUB", "SHARDCHANNELS"), server.r.call("PUBSUB", "NUMPAT")]);
    if ((channels as string[]).length + (shard as string[]).length + (patterns as number) === 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
});

describe("PUBSUB", () => {
  it("lists active channels, all or those matching a pattern", async () => {
    await subscriber("SUBSCRIBE", "news.tech", "news.art", "sport");
    await subscriber("SUBSCRIBE", "sport");
    await subscriber("PSUBSCRIBE", "news.*");
    expect(((await server.r.pubsub("CHANNELS")) as string[]).sort()).toEqual(["news.art", "news.tech", "sport"]);
    expect(((await server.r.pubsub("CHANNELS", "news.*")) as string[]).sort()).toEqual(["news.art", "news.tech"]);
    expect(await server.r.pubsub("CHANNELS", "nothing*")).toEqual([]);
  });

  it("counts channel subscribers without pattern ones, and patterns", async () => {
    await subscriber("SUBSCRIBE", "a", "b");
    await subscriber("SUBSCRIBE", "a");
    await subscriber("PSUBSCRIBE", "a*", "b*");
    await subscriber("PSUBSCRIBE", "a*");
    expect(await server.r.pubsub("NUMSUB", "a", "b", "c")).toEqual(["a", 2, "b", 1, "c", 0]);
    expect(await server.r.pubsub("NUMSUB")).toEqual([]);
    // Distinct patterns, not subscriptions.
    expect(await server.r.pubsub("NUMPAT")).toBe(2);
  });

  it("keeps shard channels apart", async () => {
    await subscriber("SSUBSCRIBE", "s1", "s2");
    await subscriber("SUBSCRIBE", "s3");
    expect(((await server.r.call("PUBSUB", "SHARDCHANNELS")) as string[]).sort()).toEqual(["s1", "s2"]);
    expect(await server.r.call("PUBSUB", "SHARDCHANNELS", "*1")).toEqual(["s1"]);
    expect(await server.r.call("PUBSUB", "SHARDNUMSUB", "s1", "s3")).toEqual(["s1", 1, "s3", 0]);
    expect(await server.r.pubsub("CHANNELS")).toEqual(["s3"]);
  });

  it("answers NUMSUB as a flat array in RESP3 too", async () => {
    await subscriber("SUBSCRIBE", "r3");
    expect(await rawReply(server.port, 3, "PUBSUB", "NUMSUB", "r3")).toBe("*2\r\n$2\r\nr3\r\n:1\r\n");
  });

  it("rejects wrong arguments with Redis's errors", async () => {
    expect(await errorOf(server.r.call("PUBSUB", "CHANNELS", "a", "b"))).toBe("ERR unknown subcommand or wrong number of arguments for 'CHANNELS'. Try PUBSUB HELP.");
    expect(await errorOf(server.r.call("PUBSUB", "SHARDCHANNELS", "a", "b"))).toBe("ERR unknown subcommand or wrong number of arguments for 'SHARDCHANNELS'. Try PUBSUB HELP.");
    expect(await errorOf(server.r.call("PUBSUB", "NUMPAT", "x"))).toBe("ERR wrong number of arguments for 'pubsub|numpat' command");
    expect(await errorOf(server.r.call("PUBSUB", "NOPE"))).toBe("ERR unknown subcommand 'NOPE'. Try PUBSUB HELP.");
    expect(await errorOf(server.r.call("PUBSUB"))).toBe("ERR wrong number of arguments for 'pubsub' command");
    expect(await errorOf(server.r.call("SUBSCRIBE"))).toBe("ERR wrong number of arguments for 'subscribe' command");
    expect(await errorOf(server.r.call("PUBLISH", "a"))).toBe("ERR wrong number of arguments for 'publish' command");
    expect(await errorOf(server.r.call("SPUBLISH", "a", "b", "c"))).toBe("ERR wrong number of arguments for 'spublish' command");
  });

  it("prints its help", async () => {
    const help = (await server.r.call("PUBSUB", "HELP")) as string[];
    expect(help[0]).toBe("PUBSUB <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
    expect(help).toContain("SHARDNUMSUB [<shardchannel> ...]");
    expect(help.at(-1)).toBe("    Prints this help.");
  });
});

describe("CLIENT and INFO", () => {
  it("shows sub, psub, ssub and the P flag in CLIENT LIST", async () => {
    const c = await RawConnection.open(server.port);
    open.push(c);
    // Named first: CLIENT SETNAME is refused in subscribed mode.
    await c.send(["CLIENT", "SETNAME", "watcher"]);
    await sendExpecting(c, ["SUBSCRIBE", "x", "y"], confirmation("subscribe", "x", 1) + confirmation("subscribe", "y", 2));
    await c.send(["PSUBSCRIBE", "z*"]);
    await c.send(["SSUBSCRIBE", "w"]);
    const line = ((await server.r.client("LIST")) as string).split("\n").find((l) => l.includes("name=watcher"))!;
    expect(line).toMatch(/ flags=P db=0 sub=2 psub=1 ssub=1 /);
    const me = (await server.r.client("INFO")) as string;
    expect(me).toMatch(/ flags=N db=0 sub=0 psub=0 ssub=0 /);
  });

  it("selects and kills pub/sub clients by TYPE", async () => {
    const c = await subscriber("PSUBSCRIBE", "kill*");
    // Lower-case types (Redis takes any case) through call(): ioredis types only some, in upper case.
    const pubsubClients = (await server.r.call("CLIENT", "LIST", "TYPE", "pubsub")) as string;
    expect(pubsubClients.trim().split("\n")).toHaveLength(1);
    expect(pubsubClients).toMatch(/psub=1/);
    expect((await server.r.call("CLIENT", "LIST", "TYPE", "normal")) as string).not.toMatch(/flags=P/);
    expect(await server.r.client("KILL", "TYPE", "pubsub")).toBe(1);
    // Its subscriptions go with it at once, as Redis frees a killed client.
    expect(await server.r.pubsub("NUMPAT")).toBe(0);
    expect(await c.closed()).toBe(true);
  });

  it("counts channels, patterns and shard channels in INFO stats", async () => {
    await subscriber("SUBSCRIBE", "i1", "i2");
    await subscriber("SUBSCRIBE", "i1");
    await subscriber("PSUBSCRIBE", "i*");
    await subscriber("SSUBSCRIBE", "is");
    const stats = (await server.r.info("stats")) as string;
    expect(stats).toMatch(/\r\npubsub_channels:2\r\n/);
    expect(stats).toMatch(/\r\npubsub_patterns:1\r\n/);
    expect(stats).toMatch(/\r\npubsubshard_channels:1\r\n/);
  });
});
