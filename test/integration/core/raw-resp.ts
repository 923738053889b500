// A bare socket for tests that check the exact RESP bytes a reply is made of (types, not just values).
import { connect, type Socket } from "node:net";

export class RawConnection {
  private received = "";
  private waiting: (() => void) | null = null;

  private constructor(private readonly socket: Socket) {
    socket.setEncoding("latin1");
    socket.on("data", (d: string) => {
      this.received += d;
      this.waiting?.();
    });
    socket.on("close", () => this.waiting?.());
  }

  static open(port: number): Promise<RawConnection> {
    return new Promise((ok, fail) => {
      const s = connect(port, "127.0.0.1", () => ok(new RawConnection(s)));
      s.once("error", fail);
    });
  }

  /** Sends a command and resolves with the reply's raw text once `complete` accepts what arrived. */
  send(args: string[], complete: (text: string) => boolean = (t) => t.endsWith("\r\n")): Promise<string> {
    return this.sendRaw(`*${args.length}\r\n` + args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join(""), complete);
  }

  /** Sends bytes as they are (several commands, inline ones) and waits like send. */
  async sendRaw(text: string, complete: (text: string) => boolean): Promise<string> {
    this.received = "";
    this.socket.write(text);
    const deadline = Date.now() + 5000;
    while (!complete(this.received) && !this.socket.destroyed && Date.now() < deadline)
      await new Promise<void>((r) => {
        this.waiting = r;
        setTimeout(r, 50);
      });
    return this.received;
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

/** Whether `text` holds one complete RESP value (enough for the multi-element replies tests read). */
export function completeReply(text: string): boolean {
  let pos = 0;
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
  return value() && pos === text.length;
}
