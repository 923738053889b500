// One read's worth of requests through the whole server path but the socket: the client's bytes fed
// to its parser and run as a read would run them — parse, gates, plugin, reply, stats — with the reply
// handed to a socket stand-in that drops it. `-P 1` is one SET or GET per read, `-P 16` sixteen: what
// a read costs on its own shows in the difference. The figures redis-benchmark cannot isolate from the
// kernel's share of a round trip, on the same scale every run (in-process-server.ts: every built-in
// plugin loaded, the server's warm-up run first).
// Run after `make build`: node dist/bench/micro/request-path.bench.js [SET|GET|EVALSHA|FCALL] [1|16]
import { createHash } from "node:crypto";
import { pathToFileURL } from "node:url";
import { Bench } from "tinybench";
import { respCommand } from "../../runtime/src/server/warm-up.js";
import { inProcessServer } from "./in-process-server.js";
import { GET_SCRIPT, LIBRARY } from "../macro/scripting.js";

const READS = 200;

const { sink, send } = inProcessServer();
// Issue 14's scripting figures (bench/macro/scripting.ts) without the socket: EVALSHA of a script doing one
// GET, and FCALL of the same as a function; they read the key the SET case writes.
send(Buffer.from(respCommand(["SCRIPT", "LOAD", GET_SCRIPT]) + respCommand(["FUNCTION", "LOAD", "REPLACE", LIBRARY]), "latin1"));
const sha = createHash("sha1").update(GET_SCRIPT).digest("hex");

const cases: { name: string; run: () => void }[] = [];
for (const [name, request, reply] of [
  ["SET", respCommand(["SET", "key:__rand_int__", "xxx"]), "+OK\r\n"],
  ["GET", respCommand(["GET", "key:__rand_int__"]), "$3\r\nxxx\r\n"],
  ["EVALSHA", respCommand(["EVALSHA", sha, "1", "key:__rand_int__"]), "$3\r\nxxx\r\n"],
  ["FCALL", respCommand(["FCALL", "benchget", "1", "key:__rand_int__"]), "$3\r\nxxx\r\n"],
] as const) {
  for (const depth of [1, 16]) {
    const chunk = Buffer.from(request.repeat(depth), "latin1");
    send(chunk);
    const before = sink.bytes;
    send(chunk);
    if (sink.bytes - before !== reply.length * depth) throw new Error(`${name}: unexpected reply size ${sink.bytes - before}`);
    cases.push({ name: `${name} -P ${depth}`, run: () => { for (let i = 0; i < READS; i++) send(chunk); } });
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
