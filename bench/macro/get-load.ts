// A small GET load generator for key distributions redis-benchmark cannot draw (its -r is uniform):
// `conns` connections, each sending `depth` pipelined GETs, waiting for their replies, and sending the next
// batch, for `seconds`. A request's latency is its batch's round trip. Keys are drawn by `pick`.
import { connect, type Socket } from "node:net";

export interface LoadResult {
  opsPerSec: number;
  p50Ms: number;
  p99Ms: number;
}

/** Zipf(s) over ranks [0, n): a cumulative table and a binary search per draw (YCSB's s = 0.99). */
export function zipfPicker(n: number, s = 0.99): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / Math.pow(i + 1, s);
  // The hottest ranks land on scattered keys, not on the keys written first.
  const perm = new Uint32Array(n).map((_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [perm[i], perm[j]] = [perm[j]!, perm[i]!];
  }
  return () => {
    const u = Math.random() * sum;
    let lo = 0, hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return perm[lo]!;
  };
}

export const uniformPicker = (n: number) => () => Math.floor(Math.random() * n);

/** Counts complete RESP bulk replies ($n\r\n…\r\n or $-1\r\n) in a stream. */
class BulkCounter {
  private pending: Buffer = Buffer.alloc(0);
  count(chunk: Buffer): number {
    const buf = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    let at = 0;
    let n = 0;
    for (;;) {
      const eol = buf.indexOf("\r\n", at);
      if (eol < 0) break;
      if (buf[at] !== 0x24) throw new Error(`unexpected reply: ${buf.toString("latin1", at, eol)}`);
      const len = Number(buf.toString("latin1", at + 1, eol));
      const end = len < 0 ? eol + 2 : eol + 2 + len + 2;
      if (end > buf.length) break;
      at = end;
      n++;
    }
    this.pending = buf.subarray(at);
    return n;
  }
}

export async function getLoad(port: number, keyName: (i: number) => string, pick: () => number, seconds: number, conns = 16, depth = 8): Promise<LoadResult> {
  const latencies: number[] = [];
  let done = 0;
  const until = performance.now() + seconds * 1000;
  const runOne = () => new Promise<void>((resolve, reject) => {
    const socket: Socket = connect({ port, host: "127.0.0.1", noDelay: true });
    const counter = new BulkCounter();
    let waiting = 0;
    let sentAt = 0;
    const send = () => {
      if (performance.now() >= until) {
        socket.end();
        resolve();
        return;
      }
      let batch = "";
      for (let i = 0; i < depth; i++) {
        const key = keyName(pick());
        batch += `*2\r\n$3\r\nGET\r\n$${Buffer.byteLength(key)}\r\n${key}\r\n`;
      }
      waiting = depth;
      sentAt = performance.now();
      socket.write(batch);
    };
    socket.on("connect", send);
    socket.on("error", reject);
    socket.on("data", (chunk: Buffer) => {
      waiting -= counter.count(chunk);
      if (waiting > 0) return;
      const ms = performance.now() - sentAt;
      for (let i = 0; i < depth; i++) latencies.push(ms);
      done += depth;
      send();
    });
  });
  const start = performance.now();
  await Promise.all(Array.from({ length: conns }, runOne));
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { opsPerSec: done / elapsed, p50Ms: at(0.5), p99Ms: at(0.99) };
}
