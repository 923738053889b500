// One read's worth of requests through the whole server path but the socket: the client's bytes fed
// to its parser and run as a read would run them — parse, gates, plugin, reply, stats — with the reply
// handed to a socket stand-in that drops it. `-P 1` is one SET or GET per read, `-P 16` sixteen: what
// a read costs on its own shows in the difference. The figures redis-benchmark cannot isolate from the
// kernel's share of a round trip, on the same scale every run. Every built-in plugin is loaded and a mix
// of commands runs first, as in a server that has served more than one command: code that only ever
// saw SET is faster than a real server's (measured: 1.5 vs 2.1 µs of CPU per pipelined SET).
// Run after `make build`: node dist/bench/micro/request-path.bench.js [SET|GET] [1|16]
import { Socket } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Bench } from "tinybench";
import { loadConfig } from "../../runtime/src/config/command-line.js";
import { Server } from "../../runtime/src/server/server.js";
import { Client } from "../../runtime/src/server/client.js";
import { respCommand } from "../../runtime/src/server/warm-up.js";
import { setLogLevel } from "../../runtime/src/log.js";
import { readdirSync } from "node:fs";
import { BUILTIN_PLUGINS_DIR } from "../../runtime/src/paths.js";
import { ROOT } from "../root.js";

const READS = 200;

/** A socket that takes every write and sends nothing. */
class Sink extends Socket {
  bytes = 0;
  override write(data: Uint8Array): boolean {
    this.bytes += data.length;
    return true;
  }
}

setLogLevel("warning");
const server = new Server(loadConfig(["--save", "", "--appendonly", "no", "--dir", join(ROOT, "build")]));
for (const file of readdirSync(BUILTIN_PLUGINS_DIR).filter((f) => f.endsWith(".wasm")).sort())
  server.plugins.load(join(BUILTIN_PLUGINS_DIR, file), []);
const sink = new Sink();
const client = new Client(1, sink, server.parserLimits(), false);
client.user = server.acl.users.default;
// Straight to the parser and processInput: onData would also apply the turn budget (server/turn-budget.ts),
// which defers input to a later event-loop turn once a turn has run 4 ms, and this loop never yields.
const processInput = (server as unknown as { processInput(c: Client): void }).processInput.bind(server);
const onData = (c: Client, chunk: Buffer, n: number) => {
  c.parser.feed(chunk, n);
  processInput(c);
};

// The warm-up a real server runs before its first client (server/warm-up.ts): a mix of commands, so that
// the measured code is as a serving server's is, not code that only ever saw SET.
server.warmUp();

const cases: { name: string; run: () => void }[] = [];
for (const [name, request, reply] of [
  ["SET", respCommand(["SET", "key:__rand_int__", "xxx"]), "+OK\r\n"],
  ["GET", respCommand(["GET", "key:__rand_int__"]), "$3\r\nxxx\r\n"],
] as const) {
  for (const depth of [1, 16]) {
    const chunk = Buffer.from(request.repeat(depth), "latin1");
    onData(client, chunk, chunk.length);
    const before = sink.bytes;
    onData(client, chunk, chunk.length);
    if (sink.bytes - before !== reply.length * depth) throw new Error(`${name}: unexpected reply size ${sink.bytes - before}`);
    cases.push({ name: `${name} -P ${depth}`, run: () => { for (let i = 0; i < READS; i++) onData(client, chunk, chunk.length); } });
  }
}
export { cases };

if (import.meta.url === pathToFileURL(process.argv[1]!).href) await main();

async function main(): Promise<void> {
  const [only, depth] = process.argv.slice(2);
  const chosen = cases.filter((c) => (!only || c.name.startsWith(`${only} `)) && (!depth || c.name.endsWith(` ${depth}`)));
  // BENCH_READS=N: N reads of each case and no timing, for an instruction count under callgrind (which a
  // shared machine's drifting speed does not change; see bench/README.md).
  const fixedReads = Number(process.env.BENCH_READS ?? 0);
  if (fixedReads > 0) {
    for (const c of chosen) for (let i = 0; i < fixedReads / READS; i++) c.run();
    process.exit(0);
  }
  const bench = new Bench({ time: 2000, warmup: true });
  for (const c of chosen) bench.add(c.name, c.run);
  await bench.run();

  for (const task of bench.tasks) {
    const r = task.result;
    if (r.state !== "completed") throw new Error(`${task.name}: ${r.state}`);
    const depth = Number(task.name.split(" ").pop());
    const nsPerRead = (r.latency.mean * 1e6) / READS;
    console.log(`${task.name}: ${nsPerRead.toFixed(0)} ns per read, ${(nsPerRead / depth).toFixed(0)} ns per command (±${r.latency.rme.toFixed(1)}%)`);
  }
  process.exit(0);
}
