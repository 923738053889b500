// A pub/sub load generator (redis-benchmark has no subscriber mode): idle connections, subscribers that
// count the bytes of the messages they receive (every message has the same size), and one publisher
// sending PUBLISH in pipelined windows. Raw sockets, no client library, so the server is what is measured.
import { connect, type Socket } from "node:net";
import { encodeCommand } from "./resp.js";
import type { Server } from "./servers.js";

export interface PubsubLoad {
  idleClients: number;
  subscribers: number;
  messages: number;
  payloadBytes: number;
  /** PUBLISH commands in flight: the publisher sends a window, then waits for its replies. */
  pipeline: number;
}

export interface PubsubFigure {
  rssEmpty: number;
  /** With the idle clients and subscribers connected, before the first message. */
  rssConnected: number;
  /** The largest RSS sampled (every 20 ms) while messages flowed. */
  rssPeak: number;
  /** PUBLISH replies per second, first command sent to last reply read. */
  publishPerSecond: number;
  /** Messages per second per subscriber, first command sent to the last subscriber's last message. */
  deliveredPerSecond: number;
}

const CHANNEL = "bench:pubsub";
const CONNECT_BATCH = 100;
const DEADLINE_MS = 120_000;

function open(port: number): Promise<Socket> {
  return new Promise((ok, fail) => {
    const socket = connect({ port, host: "127.0.0.1", noDelay: true });
    socket.once("error", fail);
    socket.once("connect", () => ok(socket));
  });
}

/** Sends `request` and resolves once `bytes` bytes came back; `onData` sees every chunk after that. */
function exchange(socket: Socket, request: string, bytes: number): Promise<void> {
  return new Promise((ok, fail) => {
    let got = 0;
    const onData = (d: Buffer) => {
      got += d.length;
      if (got < bytes) return;
      socket.off("data", onData);
      ok();
    };
    socket.on("data", onData);
    socket.once("error", fail);
    socket.write(request);
  });
}

async function openIdle(port: number, count: number): Promise<Socket[]> {
  const sockets: Socket[] = [];
  // PING on each, so every connection is accepted and registered before RSS is read.
  for (let i = 0; i < count; i += CONNECT_BATCH) {
    const batch = await Promise.all(Array.from({ length: Math.min(CONNECT_BATCH, count - i) }, () => open(port)));
    await Promise.all(batch.map((s) => exchange(s, encodeCommand(["PING"]), "+PONG\r\n".length)));
    sockets.push(...batch);
  }
  return sockets;
}

/** A subscriber, and a promise of the moment its `messages` messages have all arrived. */
async function subscribe(port: number, messages: number, frameBytes: number): Promise<{ socket: Socket; done: Promise<number> }> {
  const socket = await open(port);
  const confirmation = `*3\r\n$9\r\nsubscribe\r\n$${CHANNEL.length}\r\n${CHANNEL}\r\n:1\r\n`;
  await exchange(socket, encodeCommand(["SUBSCRIBE", CHANNEL]), confirmation.length);
  const done = new Promise<number>((ok) => {
    let got = 0;
    socket.on("data", (d: Buffer) => {
      got += d.length;
      if (got >= messages * frameBytes) ok(performance.now());
    });
  });
  return { socket, done };
}

/** Publishes `load.messages` messages; resolves when the last reply arrived. */
function publishAll(socket: Socket, load: PubsubLoad): Promise<void> {
  const payload = "x".repeat(load.payloadBytes);
  const window = (n: number) => Buffer.from(encodeCommand(["PUBLISH", CHANNEL, payload]).repeat(n), "latin1");
  const full = window(load.pipeline);
  return new Promise((ok, fail) => {
    let sent = 0;
    let replies = 0;
    const sendWindow = () => {
      const n = Math.min(load.pipeline, load.messages - sent);
      sent += n;
      socket.write(n === load.pipeline ? full : window(n));
    };
    socket.on("data", (d: Buffer) => {
      // Every reply is one line (`:10`, or an error that the count check below turns into a failure).
      for (let i = 0; i < d.length; i++) if (d[i] === 0x0a) replies++;
      if (d[0] === 0x2d) fail(new Error(`PUBLISH failed: ${d.toString("latin1", 0, 80)}`));
      if (replies === load.messages) ok();
      else if (replies === sent) sendWindow();
    });
    socket.once("error", fail);
    sendWindow();
  });
}

export async function runPubsubLoad(server: Server, load: PubsubLoad): Promise<PubsubFigure> {
  const rssEmpty = server.rss();
  const frameBytes = `*3\r\n$7\r\nmessage\r\n$${CHANNEL.length}\r\n${CHANNEL}\r\n$${load.payloadBytes}\r\n\r\n`.length + load.payloadBytes;
  const idle = await openIdle(server.port, load.idleClients);
  const subs = await Promise.all(Array.from({ length: load.subscribers }, () => subscribe(server.port, load.messages, frameBytes)));
  const publisher = await open(server.port);
  const sockets = [...idle, ...subs.map((s) => s.socket), publisher];
  try {
    await new Promise((r) => setTimeout(r, 500));
    const rssConnected = server.rss();
    let rssPeak = rssConnected;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, server.rss())), 20);
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, fail) => {
      timer = setTimeout(() => fail(new Error(`${server.kind}: pub/sub load not done after ${DEADLINE_MS} ms`)), DEADLINE_MS);
    });
    try {
      await Promise.race([publishAll(publisher, load), deadline]);
      const published = performance.now();
      const delivered = Math.max(...(await Promise.race([Promise.all(subs.map((s) => s.done)), deadline])));
      return {
        rssEmpty,
        rssConnected,
        rssPeak: Math.max(rssPeak, server.rss()),
        publishPerSecond: load.messages / ((published - started) / 1000),
        deliveredPerSecond: load.messages / ((delivered - started) / 1000),
      };
    } finally {
      clearInterval(sampler);
      clearTimeout(timer);
    }
  } finally {
    for (const s of sockets) s.destroy();
  }
}
