// The three real clients subscribing and receiving: ioredis (RESP2), node-redis in RESP2 and RESP3
// (push frames), and redis-cli's SUBSCRIBE loop. Runs against redis-server too.
import { spawn } from "node:child_process";
import { expect, it } from "vitest";
import { createClient } from "redis";
import { useServer } from "../../helpers/server.js";

const server = useServer();

/** Resolves once `count` messages arrived, with them in order. */
function collect<T>(count: number): { add: (m: T) => void; all: Promise<T[]> } {
  const got: T[] = [];
  let done: (v: T[]) => void;
  const all = new Promise<T[]>((r) => (done = r));
  return { add: (m) => { got.push(m); if (got.length === count) done(got); }, all };
}

it("ioredis receives channel, pattern and shard messages", async () => {
  const sub = server.client();
  const seen = collect<string>(3);
  sub.on("message", (ch, m) => seen.add(`message ${ch} ${m}`));
  sub.on("pmessage", (p, ch, m) => seen.add(`pmessage ${p} ${ch} ${m}`));
  sub.on("smessage", (ch, m) => seen.add(`smessage ${ch} ${m}`));
  expect(await sub.subscribe("io.a", "io.b")).toBe(2);
  expect(await sub.psubscribe("io.*")).toBe(3);
  expect(await sub.ssubscribe("io.s")).toBe(1);
  expect(await server.r.publish("io.a", "1")).toBe(2);
  expect(await server.r.spublish("io.s", "2")).toBe(1);
  expect(await seen.all).toEqual(["message io.a 1", "pmessage io.* io.a 1", "smessage io.s 2"]);
  expect(await sub.unsubscribe("io.a", "io.b")).toBe(1);
  expect(await server.r.publish("io.a", "3")).toBe(1);
});

for (const RESP of [2, 3] as const) {
  it(`node-redis (RESP${RESP}) subscribes, receives and unsubscribes`, async () => {
    const pub = createClient({ socket: { port: server.port }, RESP });
    const sub = pub.duplicate();
    await Promise.all([pub.connect(), sub.connect()]);
    try {
      const seen = collect<string>(3);
      await sub.subscribe(`nr${RESP}`, (m, ch) => seen.add(`${ch} ${m}`));
      await sub.pSubscribe(`nr${RESP}*`, (m, ch) => seen.add(`p ${ch} ${m}`));
      await sub.sSubscribe(`nr${RESP}s`, (m, ch) => seen.add(`s ${ch} ${m}`));
      expect(await pub.publish(`nr${RESP}`, "hi")).toBe(2);
      expect(await pub.sPublish(`nr${RESP}s`, "yo")).toBe(1);
      expect((await seen.all).sort()).toEqual([`nr${RESP} hi`, `p nr${RESP} hi`, `s nr${RESP}s yo`]);
      expect(await pub.pubSubNumSub([`nr${RESP}`])).toEqual({ [`nr${RESP}`]: 1 });
      await sub.unsubscribe(`nr${RESP}`);
      await sub.pUnsubscribe();
      await sub.sUnsubscribe();
      expect(await pub.publish(`nr${RESP}`, "again")).toBe(0);
      if (RESP === 3) {
        // A RESP3 connection keeps answering ordinary commands while subscribed.
        await sub.subscribe("nr3.more", () => undefined);
        expect(await sub.ping()).toBe("PONG");
      }
    } finally {
      pub.destroy();
      sub.destroy();
    }
  });
}

it("redis-cli prints the messages its SUBSCRIBE receives", async () => {
  const cli = spawn("redis-cli", ["-p", String(server.port), "SUBSCRIBE", "cli.ch"], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  cli.stdout.on("data", (d) => (out += d));
  try {
    const until = async (text: string) => {
      for (let i = 0; i < 250 && !out.includes(text); i++) await new Promise((r) => setTimeout(r, 20));
    };
    await until("cli.ch");
    expect(await server.r.publish("cli.ch", "from-test")).toBe(1);
    await until("from-test");
    expect(out).toBe("subscribe\ncli.ch\n1\nmessage\ncli.ch\nfrom-test\n");
  } finally {
    cli.kill();
  }
});
