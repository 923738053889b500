// Joins batch-log-client.c's log of one run with floor-probe.ts's log (ADR 0054): the first batch of each
// connection against the later ones, the run's turns and reads, and for the slowest batches where their
// time went — write → server read, server read → first reply byte at the client, the turn that read
// them and the gap before it. Without a server log, only the first/later split (any server).
// Usage: node dist/bench/tail/join.js CLIENT_LOG [SERVER_LOG]
import { readFileSync } from "node:fs";

interface Batch { port: number; sent: bigint; first: bigint }
interface Read { at: bigint; bytes: number; queued: number; turn: number }

const ms = (ns: bigint) => (Number(ns) / 1e6).toFixed(3);
const [clientLog, serverLog] = process.argv.slice(2);
const clientLines = readFileSync(clientLog!, "latin1").trim().split("\n");
const t0 = BigInt(clientLines[0]!.split("t0=")[1]!);
const batches: Batch[] = clientLines.slice(1).map((line) => {
  const [port, sent, first] = line.split(" ");
  return { port: Number(port), sent: BigInt(sent!), first: BigInt(first!) };
});
const latency = (b: Batch) => b.first - b.sent;
const byLatency = (a: Batch, b: Batch) => (latency(a) < latency(b) ? -1 : latency(a) > latency(b) ? 1 : 0);

const seen = new Set<number>();
const firsts: Batch[] = [];
const later: Batch[] = [];
for (const b of [...batches].sort((a, b) => (a.sent < b.sent ? -1 : 1))) {
  (seen.has(b.port) ? later : firsts).push(b);
  seen.add(b.port);
}
firsts.sort(byLatency);
later.sort(byLatency);
console.log(`first batches: max ${ms(latency(firsts.at(-1)!))} ms; later batches: p99 ${ms(latency(later[Math.floor(later.length * 0.99)]!))} max ${ms(latency(later.at(-1)!))} ms`);

if (serverLog) {
  const runEnd = batches.reduce((end, b) => (b.first > end ? b.first : end), t0);
  const reads = new Map<number, Read[]>();
  const turns = new Map<number, [bigint, bigint]>();
  const perTurn = new Map<number, number>();
  let queuedWrites = 0;
  for (const line of readFileSync(serverLog, "latin1").split("\n")) {
    const f = line.split(" ");
    if (f[0] === "#") console.log(line.slice(2));
    else if (f[0] === "T") turns.set(Number(f[1]), [BigInt(f[2]!), BigInt(f[3]!)]);
    else if (f[0] === "R") {
      const read = { at: BigInt(f[1]!), bytes: Number(f[3]), queued: Number(f[5]), turn: Number(f[6]) };
      if (read.at < t0 || read.at > runEnd) continue;
      reads.set(Number(f[2]), [...(reads.get(Number(f[2])) ?? []), read]);
      perTurn.set(read.turn, (perTurn.get(read.turn) ?? 0) + 1);
      if (read.queued > 0) queuedWrites++;
    }
  }
  const counts = [...perTurn.values()].sort((a, b) => a - b);
  console.log(`turns ${counts.length}, reads per turn median ${counts[counts.length >> 1]} max ${counts.at(-1)}, writes that left bytes queued ${queuedWrites}`);
  console.log("slowest batches (ms): latency, sent at, write→server read, server read→client, turn length, reads in turn, gap before turn");
  for (const b of [...firsts, ...later].sort(byLatency).slice(-12)) {
    const read = reads.get(b.port)?.find((r) => r.at >= b.sent);
    if (!read) {
      console.log(`${ms(latency(b))} ${ms(b.sent - t0)} (no server read)`);
      continue;
    }
    const [start, end] = turns.get(read.turn) ?? [read.at, read.at];
    const previousEnd = turns.get(read.turn - 1)?.[1] ?? start;
    console.log([latency(b), b.sent - t0, read.at - b.sent, b.first - read.at, end - start].map(ms).join(" ") + ` ${perTurn.get(read.turn)} ${ms(start - previousEnd)}`);
  }
}
