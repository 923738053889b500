// One raw exchange over a fresh socket: arbitrary bytes in (malformed requests, inline lines, a whole
// pipeline in one write), everything the server sends back out, and whether it closed the connection.
import { connect } from "node:net";

export interface Exchange {
  /** The reply bytes as latin1 text: one char per byte, so binary replies compare exactly. */
  text: string;
  closed: boolean;
}

/**
 * Writes `data` and collects replies until the server closes the connection, `done` accepts what
 * arrived, or `ms` pass with neither (then `closed` is false: the server kept the connection open).
 */
export function exchange(port: number, data: string | Buffer, done: (text: string) => boolean = () => false, ms = 1000): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let text = "";
    let settled = false;
    const finish = (closed: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, closed });
    };
    const timer = setTimeout(() => finish(false), ms);
    socket.setEncoding("latin1");
    socket.on("data", (d: string) => {
      text += d;
      if (done(text)) finish(false);
    });
    // A reset (the server closing while our write was still arriving) is a close too.
    socket.on("error", (e: NodeJS.ErrnoException) => (e.code === "ECONNRESET" || e.code === "EPIPE" ? finish(true) : reject(e)));
    socket.on("close", () => finish(true));
    socket.write(typeof data === "string" ? Buffer.from(data, "latin1") : data);
  });
}

/** A request in RESP multibulk form, binary safe. */
export function multibulk(...args: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const a of args) {
    const bytes = typeof a === "string" ? Buffer.from(a, "latin1") : a;
    parts.push(Buffer.from(`$${bytes.length}\r\n`), bytes, Buffer.from("\r\n"));
  }
  return Buffer.concat(parts);
}
