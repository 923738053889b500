// Bare sockets for tests that check the exact bytes on the wire: reply types a client library hides
// (`_` against `$-1`, `%` maps, `,1.5`), malformed or inline requests, and whether the server closed
// the connection. Text is latin1 both ways: one char per byte, so binary data compares exactly.
import { connect, type Socket } from "node:net";
import { afterEach } from "vitest";

/** A request in RESP multibulk form, binary safe. */
export function multibulk(...args: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const a of args) {
    const bytes = typeof a === "string" ? Buffer.from(a, "latin1") : a;
    parts.push(Buffer.from(`$${bytes.length}\r\n`), bytes, Buffer.from("\r\n"));
  }
  return Buffer.concat(parts);
}

/** Where the RESP value starting at `start` ends, or -1 while it is incomplete. */
function valueEnd(text: string, start: number): number {
  let pos = start;
  const value = (): boolean => {
    const eol = text.indexOf("\r\n", pos);
    if (eol < 0) return false;
    const type = text[pos];
    const n = Number(text.slice(pos + 1, eol));
    pos = eol + 2;
    if (type === "$" || type === "=" || type === "!") {
      if (n < 0) return true;
      if (text.length < pos + n + 2) return false;
      pos += n + 2;
      return true;
    }
    if (type === "*" || type === "~" || type === ">" || type === "%") {
      const items = type === "%" ? n * 2 : n;
      for (let i = 0; i < items; i++) if (!value()) return false;
    }
    return true;
  };
  return value() ? pos : -1;
}

/** Whether `text` holds one complete RESP value (enough for the multi-element replies tests read). */
export function completeReply(text: string): boolean {
  return valueEnd(text, 0) === text.length;
}

/** The complete RESP values at the start of `text`, each as its raw text (pipelined replies). */
export function splitReplies(text: string): string[] {
  const replies: string[] = [];
  for (let pos = 0, end; pos < text.length && (end = valueEnd(text, pos)) > 0; pos = end) replies.push(text.slice(pos, end));
  return replies;
}

export class RawConnection {
  private received = "";
  /** How much of `received` the last exchange returned. */
  private consumed = 0;
  private waiting: (() => void) | null = null;
  private failure: Error | null = null;

  private constructor(private readonly socket: Socket) {
    socket.setEncoding("latin1");
    socket.on("data", (d: string) => {
      this.received += d;
      this.waiting?.();
    });
    socket.on("close", () => this.waiting?.());
    // A reset (the server closing while our write was still arriving) is a close like any other.
    socket.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code !== "ECONNRESET" && e.code !== "EPIPE") this.failure = e;
    });
  }

  static open(port: number): Promise<RawConnection> {
    return new Promise((ok, fail) => {
      const s = connect(port, "127.0.0.1", () => ok(new RawConnection(s)));
      s.once("error", fail);
    });
  }

  /** Sends a command and resolves with the reply's raw text once `complete` accepts what arrived. */
  send(args: string[], complete = completeReply): Promise<string> {
    return this.sendRaw(multibulk(...args), complete);
  }

  /** Sends the commands in one write (one read on the server) and resolves with each one's raw reply. */
  async pipeline(...commands: string[][]): Promise<string[]> {
    const data = Buffer.concat(commands.map((c) => multibulk(...c)));
    return splitReplies(await this.sendRaw(data, (text) => splitReplies(text).length >= commands.length));
  }

  /**
   * Sends bytes as they are (several commands, inline ones, malformed ones) and resolves with what
   * arrived once `complete` accepts it, the server closes the connection, or `ms` pass.
   */
  async sendRaw(data: string | Buffer, complete: (text: string) => boolean, ms = 5000): Promise<string> {
    this.received = "";
    this.socket.write(typeof data === "string" ? Buffer.from(data, "latin1") : data);
    return this.collect(complete, ms);
  }

  /**
   * Sends nothing: resolves with what arrived since the last exchange was complete (pushes the server
   * sent unasked, such as invalidations) once `complete` accepts it, or `ms` pass.
   */
  receive(complete: (text: string) => boolean, ms = 5000): Promise<string> {
    this.received = this.received.slice(this.consumed);
    return this.collect(complete, ms);
  }

  private async collect(complete: (text: string) => boolean, ms: number): Promise<string> {
    const deadline = Date.now() + ms;
    while (!complete(this.received) && !this.socket.destroyed && Date.now() < deadline)
      await new Promise<void>((r) => {
        this.waiting = r;
        setTimeout(r, Math.min(50, Math.max(0, deadline - Date.now())));
      });
    if (this.failure) throw this.failure;
    const text = this.received;
    this.consumed = text.length;
    return text;
  }

  /** Whether the server has closed the connection (or reset it). */
  get isClosed(): boolean {
    return this.socket.destroyed;
  }

  /** Resolves true when the server closes the connection within `ms`. */
  closed(ms = 2000): Promise<boolean> {
    if (this.socket.destroyed || this.socket.readableEnded) return Promise.resolve(true);
    return new Promise((ok) => {
      const timer = setTimeout(() => ok(false), ms);
      this.socket.once("close", () => {
        clearTimeout(timer);
        ok(true);
      });
    });
  }

  close(): void {
    this.socket.destroy();
  }
}

export interface Exchange {
  text: string;
  closed: boolean;
}

/**
 * One exchange over a fresh socket: writes `data` and collects replies until the server closes the
 * connection, `done` accepts what arrived, or `ms` pass with neither (then `closed` is false: the
 * server kept the connection open).
 */
export async function exchange(port: number, data: string | Buffer, done: (text: string) => boolean = () => false, ms = 1000): Promise<Exchange> {
  const c = await RawConnection.open(port);
  try {
    const text = await c.sendRaw(data, done, ms);
    return { text, closed: c.isClosed };
  } finally {
    c.close();
  }
}

/** The raw reply of each command, in order, on one connection speaking `protocol`. */
export async function rawReplies(port: number, protocol: 2 | 3, ...commands: string[][]): Promise<string[]> {
  const c = await RawConnection.open(port);
  try {
    await c.send(["HELLO", String(protocol)]);
    const replies: string[] = [];
    for (const command of commands) replies.push(await c.send(command));
    return replies;
  } finally {
    c.close();
  }
}

/** The raw reply of one command on a connection speaking `protocol`. */
export async function rawReply(port: number, protocol: 2 | 3, ...args: string[]): Promise<string> {
  const [reply] = await rawReplies(port, protocol, args);
  return reply;
}

/** Opens raw connections to a test file's server (`port()`), and closes them after each test. */
export function useRawConnections(port: () => number): () => Promise<RawConnection> {
  const open: RawConnection[] = [];
  afterEach(() => {
    for (const c of open.splice(0)) c.close();
  });
  return async () => {
    const c = await RawConnection.open(port());
    open.push(c);
    return c;
  };
}
