// The Node floor (bench/macro/floor-server.ts: Ferrite's socket code, parser and reply writer, fixed
// replies) with a log of every accept, read and event-loop turn, stamped with process.hrtime — the
// CLOCK_MONOTONIC that batch-log-client.c stamps its batches with, so the two logs join (join.ts).
// ADR 0054 has what it found. Preallocated typed arrays: the log must not add garbage of its own.
// Usage: node dist/bench/tail/floor-probe.js --port P --log FILE   (the log is written on SIGTERM)
import { createServer, type Socket } from "node:net";
import { writeFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { pendingBytes, readFrom, writeFrom } from "../../runtime/src/server/socket-io.js";
import { CommandParser } from "../../runtime/src/protocol/command-parser.js";
import { ReplyWriter } from "../../runtime/src/protocol/reply-writer.js";

const arg = (name: string) => process.argv[process.argv.indexOf(name) + 1]!;
const port = Number(arg("--port"));
const logFile = arg("--log");
const VALUE = Buffer.from("xxx");
/** Reads logged at most: 50 connections × 50,000 batches of a SET and a GET run, with room. */
const MAX_READS = 4_000_000;

const readAt = new BigInt64Array(MAX_READS);
const readPort = new Int32Array(MAX_READS);
const readBytes = new Int32Array(MAX_READS);
const readNs = new Int32Array(MAX_READS);
const readQueued = new Int32Array(MAX_READS);
const readTurn = new Int32Array(MAX_READS);
const turnStart = new BigInt64Array(MAX_READS);
const turnEnd = new BigInt64Array(MAX_READS);
const accepts: string[] = [];
let reads = 0;
let turns = 0;
let inTurn = false;
const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();

/** The check phase after the turn's I/O callbacks: the turn is over. */
function endTurn(): void {
  turnEnd[turns++] = process.hrtime.bigint();
  inTurn = false;
}

createServer({ noDelay: true, pauseOnConnect: true }, (socket: Socket) => {
  const peer = socket.remotePort ?? 0;
  accepts.push(`A ${process.hrtime.bigint()} ${peer}`);
  const parser = new CommandParser({ protoMaxBulkLen: 512 * 1024 * 1024, clientQueryBufferLimit: 1024 * 1024 * 1024 });
  const writer = new ReplyWriter();
  readFrom(socket, (chunk, length) => {
    const at = process.hrtime.bigint();
    if (!inTurn) {
      inTurn = true;
      turnStart[turns] = at;
      setImmediate(endTurn);
    }
    parser.feed(chunk, length);
    while (parser.next()) {
      const name = parser.buf.toString("latin1", parser.argOffset[0], parser.argOffset[0] + parser.argLength[0]).toLowerCase();
      if (name === "get") writer.bulk(VALUE, 0, VALUE.length);
      else if (name === "config") writer.array(0);
      else writer.ok();
    }
    parser.compact();
    writeFrom(socket, writer);
    if (reads === MAX_READS) return;
    readAt[reads] = at;
    readPort[reads] = peer;
    readBytes[reads] = length;
    readNs[reads] = Number(process.hrtime.bigint() - at);
    readQueued[reads] = pendingBytes(socket);
    readTurn[reads] = turns;
    reads++;
  });
  socket.on("error", () => socket.destroy());
}).listen(port, "127.0.0.1");

process.on("SIGTERM", () => {
  const lines = [`# event-loop delay max ${delay.max / 1e6} ms, p99 ${delay.percentile(99) / 1e6} ms`, ...accepts];
  for (let i = 0; i < turns; i++) lines.push(`T ${i} ${turnStart[i]} ${turnEnd[i]}`);
  for (let i = 0; i < reads; i++) lines.push(`R ${readAt[i]} ${readPort[i]} ${readBytes[i]} ${readNs[i]} ${readQueued[i]} ${readTurn[i]}`);
  writeFileSync(logFile, `${lines.join("\n")}\n`);
  process.exit(0);
});
