// The JSON plugin's commands through the whole server path but the socket (as request-path.bench.ts):
// JSON.SET `$`, JSON.GET `$` and JSON.NUMINCRBY on the json phase's document at -P 16, beside Ferrite's
// own SET/GET of the same text and HINCRBY. What each costs in CPU per command, without the loopback
// writes that are half of a real server's time and without redis-benchmark sharing the cores: the
// figure a change to the plugin moves. The best of several trials, in process CPU time (a shared
// machine slows trials down, it never speeds one up).
// Run after `make build`: node dist/bench/micro/json.bench.js [name prefix]
import { pathToFileURL } from "node:url";
import { respCommand } from "../../runtime/src/server/warm-up.js";
import { benchDocument } from "../macro/json.js";
import { inProcessServer } from "./in-process-server.js";

const DEPTH = 16;
const READS = 2000;
const TRIALS = 7;

const { sink, send } = inProcessServer();

const doc = benchDocument(0);
const cases: [string, string[]][] = [
  ["SET (same text)", ["SET", "bench:str", doc]],
  ["JSON.SET $", ["JSON.SET", "bench:doc", "$", doc]],
  ["GET (same text)", ["GET", "bench:str"]],
  ["JSON.GET $", ["JSON.GET", "bench:doc", "$"]],
  ["HINCRBY", ["HINCRBY", "bench:hash", "views", "1"]],
  ["JSON.NUMINCRBY $.stats.views", ["JSON.NUMINCRBY", "bench:doc", "$.stats.views", "1"]],
];

/** µs of process CPU per command: the best of TRIALS runs of READS reads of DEPTH commands. */
function measure(args: string[]): number {
  const chunk = Buffer.from(respCommand(args).repeat(DEPTH), "latin1");
  sink.bytes = 0;
  send(chunk);
  if (sink.first === 0x2d) throw new Error(`${args[0]} replied an error`);
  for (let i = 0; i < READS; i++) send(chunk); // warm-up
  let best = Infinity;
  for (let t = 0; t < TRIALS; t++) {
    const before = process.cpuUsage();
    for (let i = 0; i < READS; i++) send(chunk);
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / (READS * DEPTH));
  }
  return best;
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const only = process.argv[2];
  send(Buffer.from(respCommand(["JSON.SET", "bench:doc", "$", doc]), "latin1"));
  for (const [name, args] of cases) {
    if (only && !name.startsWith(only)) continue;
    console.log(`${name.padEnd(30)} ${measure(args).toFixed(3)} µs per command`);
  }
  process.exit(0);
}
