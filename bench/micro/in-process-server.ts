// A server with every built-in plugin loaded and one client fed without a socket, for the micro benchmarks
// of the request path: the client's bytes go to its parser and run as a read would run them — parse,
// gates, plugin, reply, stats — with the reply handed to a socket stand-in that drops it. The server has
// run its warm-up (server/warm-up.ts), a mix of commands, as a serving server has: code that only ever
// saw SET is faster than a real server's (measured: 1.5 vs 2.1 µs of CPU per pipelined SET).
import { Socket } from "node:net";
import { join } from "node:path";
import { readdirSync } from "node:fs";
import { loadConfig } from "../../runtime/src/config/command-line.js";
import { Server } from "../../runtime/src/server/server.js";
import { Client } from "../../runtime/src/server/client.js";
import { setLogLevel } from "../../runtime/src/log.js";
import { BUILTIN_PLUGINS_DIR } from "../../runtime/src/paths.js";
import { ROOT } from "../root.js";

/** A socket that takes every write and sends nothing: it counts the bytes and keeps the first one written. */
export class Sink extends Socket {
  bytes = 0;
  first = 0;
  override write(data: Uint8Array): boolean {
    if (this.bytes === 0) this.first = data[0]!;
    this.bytes += data.length;
    return true;
  }
}

export interface InProcessServer {
  server: Server;
  sink: Sink;
  /** Feeds one read's bytes to the client and runs what they hold. */
  send(chunk: Buffer): void;
}

export function inProcessServer(): InProcessServer {
  setLogLevel("warning");
  const server = new Server(loadConfig(["--save", "", "--appendonly", "no", "--dir", join(ROOT, "build")]));
  for (const file of readdirSync(BUILTIN_PLUGINS_DIR).filter((f) => f.endsWith(".wasm")).sort())
    server.plugins.load(join(BUILTIN_PLUGINS_DIR, file), []);
  const sink = new Sink();
  const client = new Client(1, sink, server.parserLimits(), false);
  client.user = server.acl.users.default;
  // Straight to the parser and processInput: onData would also apply the turn budget (server/turn-budget.ts),
  // which defers input to a later event-loop turn once a turn has run 4 ms, and these loops never yield.
  const processInput = (server as unknown as { processInput(c: Client): void }).processInput.bind(server);
  const send = (chunk: Buffer) => {
    client.parser.feed(chunk, chunk.length);
    processInput(client);
  };
  server.warmUp();
  return { server, sink, send };
}
