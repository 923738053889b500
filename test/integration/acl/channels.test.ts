// Channel permissions (`&pattern`, allchannels, resetchannels) for PUBLISH, SPUBLISH, SUBSCRIBE,
// SSUBSCRIBE and PSUBSCRIBE (whose patterns must appear literally among the user's), with ACL LOG entries.
// The check lives in the ACL module, keyed on those commands' names and argument positions; the tests
// run wherever the server has the pub/sub commands: against redis-server (TEST_AGAINST=redis) today, and
// against Ferrite once its pub/sub commands exist.
import { beforeAll, describe, expect, it } from "vitest";
import { useServer } from "../../helpers/server.js";
import { RawConnection } from "../../helpers/raw-resp.js";
import { NOPERM_CHANNEL } from "./nopermtext.js";

const server = useServer([], { client: { enableReadyCheck: false } });
let hasPubSub = false;

beforeAll(async () => {
  const info = (await server.r.call("command", "info", "publish", "psubscribe")) as unknown[];
  hasPubSub = info.every((i) => i !== null);
  await server.r.call("acl", "setuser", "news", "on", ">pw", "+@all", "~*", "resetchannels", "&news.*", "&exact");
});

describe("channel permissions", () => {
  it("allows publishing to matching channels only, and logs the refusal", async (t) => {
    if (!hasPubSub) t.skip();
    await server.r.call("acl", "log", "reset");
    const r = server.client({ username: "news", password: "pw" });
    expect(await r.publish("news.sport", "x")).toBe(0);
    await expect(r.publish("weather", "x")).rejects.toThrow(NOPERM_CHANNEL);
    await expect(r.call("spublish", "weather", "x")).rejects.toThrow(NOPERM_CHANNEL);
    const [entry] = (await server.r.call("acl", "log", "1")) as string[][];
    expect(entry.slice(0, 10)).toEqual(["count", 2, "reason", "channel", "context", "toplevel", "object", "weather", "username", "news"]);
  });

  it("checks every channel of SUBSCRIBE and PSUBSCRIBE's patterns literally", async (t) => {
    if (!hasPubSub) t.skip();
    const c = await RawConnection.open(server.port);
    expect(await c.send(["auth", "news", "pw"])).toBe("+OK\r\n");
    expect(await c.send(["subscribe", "news.a", "weather"])).toBe(`-${NOPERM_CHANNEL}\r\n`);
    expect(await c.send(["psubscribe", "news.a*"])).toBe(`-${NOPERM_CHANNEL}\r\n`);
    expect(await c.send(["psubscribe", "news.*"])).toBe("*3\r\n$10\r\npsubscribe\r\n$6\r\nnews.*\r\n:1\r\n");
    c.close();
    const dry = (...args: string[]) => server.r.call("acl", "dryrun", "news", ...args);
    expect(await dry("subscribe", "exact")).toBe("OK");
    if (server.target.kind === "ferrite") expect(await dry("publish", "weather", "x")).toBe("No permissions to access the 'weather' channel");
  });
});
