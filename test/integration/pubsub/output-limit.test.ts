// client-output-buffer-limit: its CONFIG GET/SET format and errors, and its effect: a subscriber that
// stops reading is disconnected (with Redis's log line) once its pending output passes the hard limit,
// or stays over the soft limit too long, while the server's memory stays bounded and the other clients
// go on. Runs against redis-server too.
import { connect, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../helpers/server.js";
import { multibulk } from "../../helpers/raw-resp.js";

const DEFAULT = "normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60";
const MB = 1024 * 1024;
const server = useServer();
const sockets: Socket[] = [];

afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await server.r.config("SET", "client-output-buffer-limit", DEFAULT);
});

/**
 * A raw connection named `name` that sends `args`, waits for `replyBytes` bytes of replies, then stops
 * reading altogether (so it cannot see the server close it either: ask the server).
 */
async function stalledAfter(name: string, args: string[], replyBytes: number): Promise<Socket> {
  const socket = connect(server.port, "127.0.0.1");
  sockets.push(socket);
  socket.on("error", () => undefined);
  socket.write(multibulk("CLIENT", "SETNAME", name));
  replyBytes += "+OK\r\n".length;
  let got = 0;
  await new Promise<void>((ok) => {
    socket.on("data", (d) => {
      got += d.length;
      if (got >= replyBytes) {
        socket.pause();
        ok();
      }
    });
    socket.write(multibulk(...args));
  });
  return socket;
}

/** Resolves once the server no longer lists a client named `name`; rejects after `ms`. */
async function disconnected(name: string, ms = 10_000): Promise<number> {
  const started = Date.now();
  while (((await server.r.client("LIST")) as string).includes(` name=${name} `)) {
    if (Date.now() - started > ms) throw new Error(`client ${name} still connected after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - started;
}

async function rss(): Promise<number> {
  const info = (await server.r.info("memory")) as string;
  return Number(/used_memory_rss:(\d+)/.exec(info)![1]);
}

describe("the config", () => {
  it("reads as Redis writes it, every class in bytes", async () => {
    expect(await server.r.config("GET", "client-output-buffer-limit")).toEqual(["client-output-buffer-limit", DEFAULT]);
  });

  it("changes only the classes a CONFIG SET names, with memory units and the replica alias", async () => {
    expect(await server.r.config("SET", "client-output-buffer-limit", "pubsub 1kb 2k 3 replica 1mb 2mb 4")).toBe("OK");
    expect(await server.r.config("GET", "client-output-buffer-limit")).toEqual(["client-output-buffer-limit", "normal 0 0 0 slave 1048576 2097152 4 pubsub 1024 2000 3"]);
    expect(await server.r.config("SET", "client-output-buffer-limit", "NORMAL 1 2 3")).toBe("OK");
    expect(await server.r.config("GET", "client-output-buffer-limit")).toEqual(["client-output-buffer-limit", "normal 1 2 3 slave 1048576 2097152 4 pubsub 1024 2000 3"]);
  });

  it("refuses malformed values whole, with Redis's reasons", async () => {
    const set = (v: string) => errorOf(server.r.config("SET", "client-output-buffer-limit", v));
    const prefix = "ERR CONFIG SET failed (possibly related to argument 'client-output-buffer-limit') - ";
    expect(await set("pubsub 1 2")).toBe(prefix + "Wrong number of arguments in buffer limit configuration.");
    expect(await set("pubsub 1 2 3 master 1 2 3")).toBe(prefix + "Invalid client class specified in buffer limit configuration.");
    expect(await set("pubsub 1 2 3 normal x 2 3")).toBe(prefix + "Error in hard, soft or soft_seconds setting in buffer limit configuration.");
    expect(await set("pubsub -1 2 3")).toBe(prefix + "Error in hard, soft or soft_seconds setting in buffer limit configuration.");
    expect(await set("pubsub 1 2 -3")).toBe(prefix + "Error in hard, soft or soft_seconds setting in buffer limit configuration.");
    expect(await server.r.config("GET", "client-output-buffer-limit")).toEqual(["client-output-buffer-limit", DEFAULT]);
  });
});

describe("a subscriber that stops reading", () => {
  it("is disconnected at the hard limit, with Redis's log line, and the server's memory stays bounded", async () => {
    await stalledAfter("flooded", ["SUBSCRIBE", "flood"], 30);
    const before = await rss();
    // 256 MB published: held for the subscriber, it would all stay in memory; the limit keeps 32 MB.
    const payload = Buffer.alloc(MB, 0x61);
    const counts = await Promise.all(Array.from({ length: 256 }, () => server.r.publish("flood", payload)));
    await disconnected("flooded");
    await server.target.waitForLog(/Client id=\d+ addr=.* scheduled to be closed ASAP for overcoming of output buffer limits\./);
    expect(counts[0]).toBe(1);
    expect(counts.at(-1)).toBe(0);
    // The bound leaves room for the garbage of 256 MB passing through (parser and reply buffers).
    const grown = (await rss()) - before;
    expect(grown).toBeLessThan(160 * MB);
  });

  it("leaves the other clients alone, a fast subscriber on the same channel included", async () => {
    await stalledAfter("stalled", ["SUBSCRIBE", "shared"], 30);
    const fast = server.client();
    let received = 0;
    fast.on("messageBuffer", () => received++);
    await fast.subscribe("shared");
    const payload = Buffer.alloc(MB, 0x61);
    // One at a time, so that the fast subscriber (in this process) keeps up with its share.
    const counts: number[] = [];
    for (let i = 0; i < 64; i++) counts.push(await server.r.publish("shared", payload));
    await disconnected("stalled");
    expect(counts[0]).toBe(2);
    expect(counts.at(-1)).toBe(1);
    for (let i = 0; i < 500 && received < 64; i++) await new Promise((r) => setTimeout(r, 20));
    expect(received).toBe(64);
    expect(await server.r.ping()).toBe("PONG");
  });

  it("is disconnected after staying over the soft limit for its seconds, even once publishing stops", async () => {
    await server.r.config("SET", "client-output-buffer-limit", "pubsub 0 1mb 2");
    await stalledAfter("trickled", ["SUBSCRIBE", "trickle"], 30);
    const payload = Buffer.alloc(MB, 0x62);
    await Promise.all(Array.from({ length: 30 }, () => server.r.publish("trickle", payload)));
    // No hard limit: only the soft one's 2 s (counted in whole seconds, as Redis does) can close it, and
    // with the publishing over, only the cron's check can notice that they have passed.
    expect(await disconnected("trickled")).toBeLessThan(5000);
    expect(await server.r.pubsub("NUMSUB", "trickle")).toEqual(["trickle", 0]);
  });

  it("is kept while under the limits", async () => {
    const slow = await stalledAfter("patient", ["SUBSCRIBE", "small"], 30);
    await Promise.all(Array.from({ length: 10 }, () => server.r.publish("small", "x".repeat(1000))));
    await new Promise((r) => setTimeout(r, 300));
    expect(slow.destroyed).toBe(false);
    expect(await server.r.pubsub("NUMSUB", "small")).toEqual(["small", 1]);
    expect((await server.r.client("LIST")) as string).toMatch(/ name=patient .* flags=P /);
  });
});

it("applies the normal class to a client that pipelines requests without reading replies", async () => {
  await server.r.config("SET", "client-output-buffer-limit", "normal 4mb 0 0");
  await server.r.set("big", Buffer.alloc(MB, 0x63));
  const slow = await stalledAfter("greedy", ["PING"], 7);
  slow.write(Buffer.concat(Array.from({ length: 64 }, () => multibulk("GET", "big"))));
  await disconnected("greedy");
  expect(await server.r.ping()).toBe("PONG");
  await server.r.del("big");
});
