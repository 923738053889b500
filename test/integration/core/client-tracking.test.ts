// CLIENT TRACKING (server-assisted client-side caching): the invalidation messages byte for byte over raw
// sockets, in RESP3 on the connection itself and in RESP2 redirected to `__redis__:invalidate`, and
// node-redis's RESP3 client-side cache judging it. Runs against redis-server too (TEST_AGAINST=redis),
// except where Ferrite follows Redis 7.2 (scripts) or deliberately differs (SWAPDB): see ADR 0039.
import { afterEach, expect, it } from "vitest";
import { BasicClientSideCache, createClient } from "redis";
import { useServer } from "../../helpers/server.js";
import { multibulk, RawConnection, splitReplies } from "../../helpers/raw-resp.js";
import { against } from "../../helpers/target.js";

const server = useServer([], { flush: true });
const open: RawConnection[] = [];

afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

async function connection(...setup: string[][]): Promise<RawConnection> {
  const c = await RawConnection.open(server.port);
  open.push(c);
  if (setup.length) await c.pipeline(...setup);
  return c;
}

/** What arrives on `c` without a request, once as long as `expected` (or after 5 s). */
function next(c: RawConnection, expected: string): Promise<string> {
  return c.receive((t) => t.length >= expected.length);
}

const push = (key: string) => `>2\r\n$10\r\ninvalidate\r\n*1\r\n$${key.length}\r\n${key}\r\n`;
const message = (value: string) => `*3\r\n$7\r\nmessage\r\n$20\r\n__redis__:invalidate\r\n${value}`;
const keys = (...names: string[]) => `*${names.length}\r\n${names.map((k) => `$${k.length}\r\n${k}\r\n`).join("")}`;

it("RESP3: a key read on the connection is invalidated there, after the reply of the command that wrote it", async () => {
  const c = await connection(["HELLO", "3"], ["CLIENT", "TRACKING", "ON"]);
  await c.pipeline(["SET", "k", "1"], ["GET", "k"]);
  // The push trails the SET's reply; a second write sends nothing more (the key was forgotten).
  expect(await c.send(["SET", "k", "2"], (t) => t.length >= 5 + push("k").length)).toBe(`+OK\r\n${push("k")}`);
  expect(await c.send(["SET", "k", "3"])).toBe("+OK\r\n");
});

it("RESP2: invalidations go to the redirect client's __redis__:invalidate; a flush sends a null", async () => {
  const sub = await connection();
  const id = (await sub.send(["CLIENT", "ID"])).slice(1, -2);
  await sub.send(["SUBSCRIBE", "__redis__:invalidate"]);
  const c = await connection(["CLIENT", "TRACKING", "ON", "REDIRECT", id]);
  await c.pipeline(["HSET", "h", "f", "v"], ["HGET", "h", "f"], ["MGET", "a", "b"]);
  // A plugin command's keys (HGET) are tracked as a core one's; unread keys are not.
  await server.r.hset("h", "f", "w");
  await server.r.set("other", "x");
  expect(await next(sub, message(keys("h")))).toBe(message(keys("h")));
  await server.r.flushdb();
  expect(await next(sub, message("$-1\r\n"))).toBe(message("$-1\r\n"));
  expect(await c.send(["CLIENT", "GETREDIR"])).toBe(`:${id}\r\n`);
});

it("BCAST: one message per prefix with every key changed under it, none of the NOLOOP client's own", async () => {
  const c = await connection(["HELLO", "3"], ["CLIENT", "TRACKING", "ON", "BCAST", "PREFIX", "a:", "PREFIX", "b:", "NOLOOP"]);
  await server.r.mset("a:1", "1", "a:2", "2", "c:1", "3");
  expect(await next(c, `>2\r\n$10\r\ninvalidate\r\n${keys("a:1", "a:2")}`)).toBe(`>2\r\n$10\r\ninvalidate\r\n${keys("a:1", "a:2")}`);
  expect(await c.pipeline(["SET", "a:3", "own"], ["PING"])).toEqual(["+OK\r\n", "+PONG\r\n"]);
  await server.r.set("b:1", "x");
  expect(await next(c, push("b:1"))).toBe(push("b:1"));
});

it("OPTIN tracks only the command right after CLIENT CACHING yes; OPTOUT all but the one after CLIENT CACHING no", async () => {
  const c = await connection(["HELLO", "3"], ["CLIENT", "TRACKING", "ON", "OPTIN"]);
  await c.pipeline(["GET", "untracked"], ["CLIENT", "CACHING", "yes"], ["GET", "cached"], ["GET", "after"]);
  await server.r.mset("untracked", "1", "after", "1", "cached", "1");
  expect(await next(c, push("cached"))).toBe(push("cached"));
  expect(await c.send(["CLIENT", "CACHING", "no"])).toBe("-ERR CLIENT CACHING NO is only valid when tracking is enabled in OPTOUT mode.\r\n");
  await c.send(["CLIENT", "TRACKING", "OFF"]);
  await c.pipeline(["CLIENT", "TRACKING", "ON", "OPTOUT"], ["CLIENT", "CACHING", "no"], ["GET", "skipped"], ["GET", "kept"]);
  await server.r.mset("skipped", "1", "kept", "1");
  expect(await next(c, push("kept"))).toBe(push("kept"));
});

it("CLIENT TRACKINGINFO and GETREDIR describe the mode; bad options get Redis's errors", async () => {
  const c = await connection(["HELLO", "3"]);
  const info = (flags: string[], redirect: number, prefixes: string[]) =>
    `%3\r\n$5\r\nflags\r\n~${flags.length}\r\n${flags.map((f) => `$${f.length}\r\n${f}\r\n`).join("")}` +
    `$8\r\nredirect\r\n:${redirect}\r\n$8\r\nprefixes\r\n${keys(...prefixes)}`;
  expect(await c.send(["CLIENT", "TRACKINGINFO"])).toBe(info(["off"], -1, []));
  expect(await c.send(["CLIENT", "GETREDIR"])).toBe(":-1\r\n");
  await c.pipeline(["CLIENT", "TRACKING", "ON", "OPTIN", "NOLOOP"], ["CLIENT", "CACHING", "YES"]);
  expect(await c.send(["CLIENT", "TRACKINGINFO"])).toBe(info(["on", "optin", "caching-yes", "noloop"], 0, []));
  await c.pipeline(["CLIENT", "TRACKING", "OFF"], ["CLIENT", "TRACKING", "ON", "BCAST", "PREFIX", "foo", "PREFIX", "bar"]);
  expect(await c.send(["CLIENT", "TRACKINGINFO"])).toBe(info(["on", "bcast"], 0, ["bar", "foo"]));
  expect(await c.pipeline(
    ["CLIENT", "TRACKING", "ON", "BCAST", "PREFIX", "fo"],
    ["CLIENT", "TRACKING", "ON"],
    ["CLIENT", "TRACKING", "ON", "BCAST", "OPTIN"],
    ["CLIENT", "TRACKING", "ON", "PREFIX", "x"],
    ["CLIENT", "TRACKING", "ON", "REDIRECT", "999999"],
    ["CLIENT", "TRACKING", "MAYBE"],
  )).toEqual([
    "-ERR Prefix 'fo' overlaps with an existing prefix 'foo'. Prefixes for a single client must not overlap.\r\n",
    "-ERR You can't switch BCAST mode on/off before disabling tracking for this client, and then re-enabling it with a different mode.\r\n",
    "-ERR OPTIN and OPTOUT are not compatible with BCAST\r\n",
    "-ERR PREFIX option requires BCAST mode to be enabled\r\n",
    "-ERR The client ID you want redirect to does not exist\r\n",
    "-ERR syntax error\r\n",
  ]);
  expect(await c.send(["CLIENT", "CACHING", "yes"])).toBe("-ERR CLIENT CACHING YES is only valid when tracking is enabled in OPTIN mode.\r\n");
});

it("a redirect that went away is reported to a RESP3 client, and shows in TRACKINGINFO and CLIENT LIST", async () => {
  const gone = await connection();
  const id = (await gone.send(["CLIENT", "ID"])).slice(1, -2);
  const c = await connection(["HELLO", "3"], ["CLIENT", "TRACKING", "ON", "REDIRECT", id], ["GET", "k"]);
  expect(await c.send(["CLIENT", "INFO"])).toMatch(new RegExp(` flags=t .* redir=${id} `));
  await gone.send(["QUIT"]);
  await server.r.set("k", "1");
  const broken = `>2\r\n$21\r\ntracking-redir-broken\r\n:${id}\r\n`;
  expect(await next(c, broken)).toBe(broken);
  expect(await c.send(["CLIENT", "INFO"])).toMatch(/ flags=tR /);
});

it("expiry and the tracking table's limit invalidate; INFO counts keys, items, prefixes and clients", async () => {
  const c = await connection(["HELLO", "3"], ["CLIENT", "TRACKING", "ON"]);
  await c.pipeline(["SET", "soon", "1", "PX", "20"], ["GET", "soon"], ["GET", "a"], ["GET", "b"]);
  expect(await next(c, push("soon"))).toBe(push("soon"));
  const info = await server.r.info("stats");
  expect(info).toMatch(/tracking_total_keys:2\r\n/);
  expect(info).toMatch(/tracking_total_items:2\r\n/);
  expect(await server.r.info("clients")).toMatch(/tracking_clients:1\r\n/);
  await server.r.config("SET", "tracking-table-max-keys", "1");
  try {
    // One of the two keys is dropped (Ferrite's oldest, Redis's random one), and its client told.
    expect([push("a"), push("b")]).toContain(await next(c, push("a")));
  } finally {
    await server.r.config("SET", "tracking-table-max-keys", "1000000");
  }
});

it("RESET turns tracking off", async () => {
  const c = await connection(["CLIENT", "TRACKING", "ON"]);
  expect(await c.pipeline(["RESET"], ["CLIENT", "GETREDIR"])).toEqual(["+RESET\r\n", ":-1\r\n"]);
  expect(await server.r.info("clients")).toMatch(/tracking_clients:0\r\n/);
});

it.skipIf(against === "redis")("a script's reads are tracked, not its declared keys (Redis 7.2)", async () => {
  const c = await connection(["HELLO", "3"], ["CLIENT", "TRACKING", "ON"]);
  await c.pipeline(["EVAL", "redis.call('set', 'w', 'x')", "1", "declared"], ["EVAL", "return redis.call('get', 'read')", "1", "declared"]);
  await server.r.mset("declared", "1", "w", "2", "read", "3");
  expect(await next(c, push("read"))).toBe(push("read"));
  expect(await c.send(["PING"])).toBe("+PONG\r\n");
});

it.skipIf(against === "redis")("SWAPDB invalidates every key, as a flush does (Ferrite: the names now hold other values)", async () => {
  const c = await connection(["HELLO", "3"], ["CLIENT", "TRACKING", "ON"], ["GET", "k"]);
  await server.r.swapdb(0, 1);
  expect(await next(c, ">2\r\n$10\r\ninvalidate\r\n_\r\n")).toBe(">2\r\n$10\r\ninvalidate\r\n_\r\n");
  await server.r.swapdb(0, 1);
});

it("node-redis's RESP3 client-side cache serves repeated reads locally until a write invalidates them", async () => {
  const cache = new BasicClientSideCache({ ttl: 0, maxEntries: 0, evictPolicy: "LRU" });
  const cached = createClient({ socket: { port: server.port }, RESP: 3, clientSideCache: cache });
  await cached.connect();
  try {
    await server.r.set("cs", "1");
    await server.r.hset("ch", "f", "a");
    expect(await cached.get("cs")).toBe("1");
    expect(await cached.get("cs")).toBe("1");
    expect(await cached.hGet("ch", "f")).toBe("a");
    expect(await cached.hGet("ch", "f")).toBe("a");
    expect(cache.stats().hitCount).toBe(2);
    await server.r.set("cs", "2");
    await server.r.hset("ch", "f", "b");
    const deadline = Date.now() + 5000;
    while (cache.size() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(await cached.get("cs")).toBe("2");
    expect(await cached.hGet("ch", "f")).toBe("b");
    expect(cache.stats().hitCount).toBe(2);
  } finally {
    await cached.quit();
  }
});

it("a pipelined read, write and PING: the invalidation follows the write's reply", async () => {
  const c = await connection(["HELLO", "3"], ["CLIENT", "TRACKING", "ON"]);
  // One write, one read on the server: the push comes between SET's reply and PING's, as in Redis.
  const replies = splitReplies(await c.sendRaw(Buffer.concat([multibulk("GET", "p"), multibulk("SET", "p", "1"), multibulk("PING")]),
    (t) => splitReplies(t).length >= 4));
  expect(replies).toEqual(["_\r\n", "+OK\r\n", push("p"), "+PONG\r\n"]);
});

it("a read while over maxmemory evicts first: the evicted key's invalidation comes before the read's reply", async () => {
  const c = await connection(["HELLO", "3"], ["CLIENT", "TRACKING", "ON"]);
  const used = Number(/^used_memory:(\d+)/m.exec(await server.r.info("memory"))![1]);
  await server.r.config("SET", "maxmemory", String(used + 100 * 1024), "maxmemory-policy", "volatile-random");
  try {
    await c.pipeline(["SETEX", "volatile-key", "10000", "x"], ["GET", "volatile-key"]);
    // 200 KB in one write: the write was admitted under the limit and leaves memory over it (no key
    // without a TTL is evicted), so the read that follows evicts, as Redis does before every command.
    await c.send(["SETBIT", "big-key", "1600000", "0"]);
    expect(await c.send(["GETBIT", "big-key", "0"], (t) => t.length >= push("volatile-key").length + 4)).toBe(`${push("volatile-key")}:0\r\n`);
  } finally {
    await server.r.config("SET", "maxmemory", "0", "maxmemory-policy", "noeviction");
  }
});
