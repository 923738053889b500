// One GET through the plugin boundary, without sockets or RESP parsing: arguments copied into the
// plugin's arena, ferrite_command, key_find in the host, reply_bulk into a ReplyWriter. This is the
// per-command floor the dispatch path adds to parsing and socket I/O.
// Run after `make build`: node dist/bench/micro/plugin-call.bench.js
import { join } from "node:path";
import { Bench } from "tinybench";
import type { Plugin } from "../../runtime/src/plugin/plugin.js";
import { ReplyWriter } from "../../runtime/src/protocol/reply-writer.js";
import type { CommandTable } from "../../runtime/src/command/command-table.js";
import { standalonePlugins } from "../../runtime/src/server/standalone-plugins.js";
import { setLogLevel } from "../../runtime/src/log.js";
import { ROOT } from "../root.js";

/** Calls per task iteration: one call (~100 ns) is too short for the timer to measure on its own. */
const CALLS = 1000;
const MAX_BYTES = 2 * 1024 ** 3;
const KEY = "key:000000000001";
const VALUE = "v000000000000001";

/** A command's argument vector laid out as the RESP parser leaves it: one buffer, offsets, lengths. */
function argv(...args: string[]) {
  const src = Buffer.from(args.join(""), "latin1");
  const offsets = new Int32Array(args.length);
  const lengths = new Int32Array(args.length);
  for (let i = 0, at = 0; i < args.length; at += args[i].length, i++) {
    offsets[i] = at;
    lengths[i] = args[i].length;
  }
  return { argc: args.length, src, offsets, lengths };
}

function commandId(commands: CommandTable, name: string): number {
  const id = commands.get(name)?.spec.id;
  if (id === undefined) throw new Error(`strings plugin has no '${name}' command`);
  return id;
}

setLogLevel("warning"); // the "Module loaded" notice would interleave with the figures
const { keyspace, commands, ctx, registry } = standalonePlugins(MAX_BYTES);
// Through the registry, as the server loads it: it also registers the plugin's value type.
const plugin: Plugin = registry.load(join(ROOT, "build/plugins/strings.wasm"), []);
const writer = new ReplyWriter();
ctx.bind(writer, 0, keyspace.databases[0]);
ctx.freezeClock();

const set = argv("SET", KEY, VALUE);
plugin.runCommand(commandId(commands, "set"), set.argc, set.src, set.offsets, set.lengths);
writer.rollback(0);

const get = argv("GET", KEY);
const getId = commandId(commands, "get");
plugin.runCommand(getId, get.argc, get.src, get.offsets, get.lengths);
const expected = `$${VALUE.length}\r\n${VALUE}\r\n`;
const reply = writer.buf.toString("latin1", 0, writer.pos);
if (reply !== expected) throw new Error(`GET replied ${JSON.stringify(reply)}, expected ${JSON.stringify(expected)}`);

const bench = new Bench({ time: 2000, warmup: true });
bench.add(`GET through plugin.runCommand (×${CALLS})`, () => {
  for (let i = 0; i < CALLS; i++) {
    plugin.runCommand(getId, get.argc, get.src, get.offsets, get.lengths);
    writer.rollback(0);
  }
});
await bench.run();

for (const task of bench.tasks) {
  const r = task.result;
  if (r.state !== "completed") throw new Error(`${task.name}: ${r.state}`);
  const nsPerOp = (r.latency.mean * 1e6) / CALLS;
  console.log(`${task.name}: ${Math.round(1e9 / nsPerOp).toLocaleString("en-US")} ops/s, ${nsPerOp.toFixed(1)} ns/op (±${r.latency.rme.toFixed(1)}%)`);
}
