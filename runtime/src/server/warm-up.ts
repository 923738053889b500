// Warming the request path before the first client (ADR 0037). A freshly started server runs its
// JavaScript in V8's interpreter and its plugins' functions through lazy Liftoff compilation until the
// optimizing compilers have seen enough calls; under `redis-benchmark -c 50 -P 16` that made the first
// load after a start the one with the worst tail (measured: batches of 16 commands taking 3–7 ms of CPU
// against < 0.25 ms once warm, and the hot functions deoptimized again the first time a core command
// such as redis-benchmark's CONFIG GET went through them). So, once the plugins are loaded and before
// anything is read from disk, the server runs a mix of common commands through its own read path —
// parser, gates, dispatch, plugin call, reply writer, stats — on a client of its own whose socket drops
// what it is sent. Nothing of it stays: the keyspace was empty and is flushed, and the statistics a
// client could read (INFO stats and commandstats, the dirty counter) are reset; SLOWLOG and LATENCY are off
// meanwhile.
import { Socket } from "node:net";
import { Client } from "./client.js";
import type { Server } from "./server.js";
import { resetStats } from "../commands/config.js";

/**
 * The commands, each sent `READS` times as a read of `DEPTH` pipelined copies: redis-benchmark's default
 * tests (what the throughput benchmarks and many clients' first minutes send) and a core command with a
 * subcommand, so that both kinds of call site in the dispatcher have seen their callee.
 */
export const WARM_UP_MIX: string[][] = [
  ["SET", "warm-up:string", "xxx"], ["GET", "warm-up:string"], ["INCR", "warm-up:counter"],
  ["LPUSH", "warm-up:list", "xxx"], ["LPOP", "warm-up:list"], ["SADD", "warm-up:set", "element"],
  ["HSET", "warm-up:hash", "element", "xxx"], ["ZADD", "warm-up:zset", "0", "element"],
  ["MSET", "warm-up:a", "xxx", "warm-up:b", "xxx"], ["PING"], ["CONFIG", "GET", "save"],
];
const DEPTH = 16;
/** Enough calls for V8 to optimize the path (it marks a function hot after about a thousand). */
const READS = 64;

/**
 * A plain net.Socket that never connects: what is written to it waits in its buffer until destroy()
 * drops it. Not a subclass: an accepted socket must find the code optimized for sockets of its own
 * shape, not deoptimize it on first sight.
 */
function unconnectedSocket(): Socket {
  const socket = new Socket();
  (socket as { connecting: boolean }).connecting = true;
  return socket;
}

export function respCommand(args: string[]): string {
  return `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a, "latin1")}\r\n${a}\r\n`).join("")}`;
}

/**
 * Runs the mix through `processInput` on a client of its own, then leaves no trace. Call it with an
 * empty keyspace and no clients (before persistence loads and before listening). Commands of plugins
 * that are not loaded are skipped. Returns the number of commands run.
 */
export function warmUp(server: Server, processInput: (client: Client) => void, reads = READS): number {
  const client = new Client(0, unconnectedSocket(), server.parserLimits(), false, server.observability.errors);
  client.user = server.acl.users.default;
  // Nothing of the warm-up may reach the slow log or the latency monitor, however slow its first calls are.
  const { slowlog, latency } = server.observability;
  const slowerThanUs = slowlog.slowerThanUs;
  const thresholdMs = latency.thresholdMs;
  slowlog.slowerThanUs = -1; // negative: off, as Redis reads slowlog-log-slower-than
  latency.thresholdMs = 0;
  let commands = 0;
  try {
    for (const command of WARM_UP_MIX) {
      if (!server.commands.get(command[0]!.toLowerCase())) continue;
      const chunk = Buffer.from(respCommand(command).repeat(DEPTH), "latin1");
      for (let i = 0; i < reads; i++) {
        client.parser.feed(chunk, chunk.length);
        processInput(client);
      }
      commands += reads * DEPTH;
    }
  } finally {
    slowlog.slowerThanUs = slowerThanUs;
    latency.thresholdMs = thresholdMs;
    client.socket.destroy();
    for (let db = 0; db < server.keyspace.databases.length; db++) server.keyspace.flush(db);
    resetStats(server);
    server.keyspace.dirty = 0;
  }
  return commands;
}
