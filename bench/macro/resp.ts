// A bare RESP connection for the few control commands the benchmarks send (INFO, CONFIG RESETSTAT,
// PING). Deliberately not a client library: one command in flight, scalar replies only, so what is
// measured is the server and not a client's queueing.
import { connect, type Socket } from "node:net";

export function encodeCommand(args: string[]): string {
  let out = `*${args.length}\r\n`;
  for (const a of args) out += `$${Buffer.byteLength(a, "latin1")}\r\n${a}\r\n`;
  return out;
}

/** Length of one complete scalar reply at the start of buf, or 0 if more bytes are needed. */
function replyLength(buf: Buffer): number {
  const eol = buf.indexOf("\r\n");
  if (eol < 0) return 0;
  if (buf[0] !== 0x24) return eol + 2; // + - : are one line
  const len = Number(buf.toString("latin1", 1, eol));
  if (len < 0) return eol + 2;
  const end = eol + 2 + len + 2;
  return buf.length >= end ? end : 0;
}

export class RespConnection {
  private pending = Buffer.alloc(0);
  private waiter: { ok(reply: Buffer): void; fail(e: Error): void } | null = null;

  private constructor(private readonly socket: Socket) {
    socket.on("error", (e) => this.settle()?.fail(e));
    socket.on("close", () => this.settle()?.fail(new Error("connection closed")));
    socket.on("data", (chunk) => {
      this.pending = Buffer.concat([this.pending, chunk]);
      const n = replyLength(this.pending);
      if (n === 0 || !this.waiter) return;
      const reply = this.pending.subarray(0, n);
      this.pending = this.pending.subarray(n);
      this.settle()!.ok(reply);
    });
  }

  private settle() {
    const w = this.waiter;
    this.waiter = null;
    return w;
  }

  static open(port: number): Promise<RespConnection> {
    return new Promise((ok, fail) => {
      const socket = connect({ port, host: "127.0.0.1", noDelay: true });
      socket.once("error", fail);
      socket.once("connect", () => {
        socket.off("error", fail);
        ok(new RespConnection(socket));
      });
    });
  }

  /** The reply's payload as text; an error reply rejects with its message. */
  async command(...args: string[]): Promise<string> {
    const reply = await new Promise<Buffer>((ok, fail) => {
      this.waiter = { ok, fail };
      this.socket.write(encodeCommand(args));
    });
    const eol = reply.indexOf("\r\n");
    const line = reply.toString("latin1", 1, eol);
    if (reply[0] === 0x2d) throw new Error(line);
    return reply[0] === 0x24 ? reply.toString("utf8", eol + 2, reply.length - 2) : line;
  }

  close(): void {
    this.socket.destroy();
  }
}

/** One field of an INFO reply (`name:value` lines), or undefined when the server does not report it. */
export function infoField(info: string, name: string): string | undefined {
  const m = new RegExp(`^${name}:(.*?)\\r?$`, "m").exec(info);
  return m?.[1];
}

/** One command on a connection of its own (set-up and read-outs, never the measured load). */
export async function commandOnce(port: number, ...args: string[]): Promise<string> {
  const conn = await RespConnection.open(port);
  try {
    return await conn.command(...args);
  } finally {
    conn.close();
  }
}

export async function dbsize(port: number): Promise<number> {
  return Number(await commandOnce(port, "DBSIZE"));
}
