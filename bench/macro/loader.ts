// Loads N keys deterministically: SET key:<12 digits> <16-byte value> for i < N, pipelined over one raw
// socket. The key format is redis-benchmark's `-r` format, so a later `-r N` load hits these keys.
// Both servers get byte-identical input, unlike redis-benchmark's random keys (which leave some unset).
import { connect } from "node:net";

const BATCH = 2000;
/** Batches in flight: enough to keep the server busy, few enough not to fill its query buffer. */
const WINDOW = 8;
const LF = 0x0a;
const MINUS = 0x2d;

export const VALUE_BYTES = 16;

export function benchKey(i: number): string {
  return `key:${String(i).padStart(12, "0")}`;
}

/** 16 bytes that are never a canonical integer, so neither server can store them as a number. */
function value(i: number): string {
  return `v${String(i).padStart(VALUE_BYTES - 1, "0")}`;
}

function batch(from: number, to: number): Buffer {
  let out = "";
  for (let i = from; i < to; i++) {
    const key = benchKey(i);
    out += `*3\r\n$3\r\nSET\r\n$${key.length}\r\n${key}\r\n$${VALUE_BYTES}\r\n${value(i)}\r\n`;
  }
  return Buffer.from(out, "latin1");
}

/** Resolves once every SET was answered; rejects on the first error reply. */
export function loadKeys(port: number, count: number): Promise<void> {
  return new Promise((ok, fail) => {
    const socket = connect({ port, host: "127.0.0.1", noDelay: true });
    let sent = 0;
    let answered = 0;
    let lineStart = true;
    const send = () => {
      while (sent < count && sent - answered < WINDOW * BATCH) {
        const to = Math.min(count, sent + BATCH);
        socket.write(batch(sent, to));
        sent = to;
      }
    };
    socket.on("error", fail);
    socket.on("connect", send);
    // Every reply is one line ("+OK"); counting lines is enough, and an error is a line starting with '-'.
    socket.on("data", (chunk: Buffer) => {
      for (let i = 0; i < chunk.length; i++) {
        if (lineStart && chunk[i] === MINUS) {
          socket.destroy();
          fail(new Error(`SET failed: ${chunk.toString("latin1", i, chunk.indexOf(LF, i))}`));
          return;
        }
        lineStart = chunk[i] === LF;
        if (lineStart) answered++;
      }
      if (answered === count) {
        socket.end();
        ok();
      } else send();
    });
  });
}
