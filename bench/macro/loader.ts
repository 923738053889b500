// Loads data deterministically: numbered commands pipelined over one raw socket, so both servers get
// byte-identical input, unlike redis-benchmark's random keys (which leave some unset). The key format
// of loadKeys is redis-benchmark's `-r` format, so a later `-r N` load hits these keys.
import { connect } from "node:net";
import { encodeCommand } from "./resp.js";

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

/** SET key:<12 digits> <16-byte value> for i < count. */
export function loadKeys(port: number, count: number): Promise<void> {
  return loadCommands(port, count, (i) => ["SET", benchKey(i), value(i)]);
}

/**
 * Sends command(i) for i < count; resolves once every one was answered, rejects on the first error
 * reply. Each command's reply must be one line (+OK, :n), which is what lets replies be counted by LF.
 */
export function loadCommands(port: number, count: number, command: (i: number) => string[]): Promise<void> {
  const batch = (from: number, to: number) => {
    let out = "";
    for (let i = from; i < to; i++) out += encodeCommand(command(i));
    return Buffer.from(out, "latin1");
  };
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
    socket.on("data", (chunk: Buffer) => {
      for (let i = 0; i < chunk.length; i++) {
        if (lineStart && chunk[i] === MINUS) {
          socket.destroy();
          fail(new Error(`${command(answered)[0]} failed: ${chunk.toString("latin1", i, chunk.indexOf(LF, i))}`));
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
