// One parsed command → its reply: lookup, authentication, subcommand routing and arity, then either a
// core handler or the owning plugin. Errors here are the host's, worded as Redis words them.
import { Err, unknownCommand } from "../errors.js";
import { ctx } from "../plugin/call-context.js";
import { PluginFailure } from "../plugin/plugin.js";
import type { Client } from "./client.js";
import type { Command } from "./command-table.js";
import type { Server } from "./server.js";
import { log } from "./log.js";

/** Commands a client may send before authenticating. */
const BEFORE_AUTH = new Set(["auth", "hello", "quit", "reset"]);

function arityOk(arity: number, argc: number): boolean {
  return arity > 0 ? argc === arity : argc >= -arity;
}

/** The command (or subcommand) the client's arguments name, or an error text. */
export function resolveCommand(server: Server, client: Client): Command | string {
  const p = client.parser;
  let cmd = server.commands.lookup(p.buf, p.argOffset[0], p.argLength[0]);
  if (!cmd) {
    const args = [];
    for (let i = 1; i < p.argc; i++) args.push(client.argString(i));
    return unknownCommand(client.argString(0), args);
  }
  // A container called alone (bare COMMAND) is checked against its own arity and runs its own handler.
  if (cmd.subcommands && p.argc >= 2) {
    const sub = cmd.subcommands.get(client.argString(1).toLowerCase());
    if (!sub) return Err.unknownSubcommand(client.argString(1), cmd.spec.name);
    cmd = sub;
  }
  return cmd;
}

export function execute(server: Server, client: Client): void {
  const p = client.parser;
  const resolved = resolveCommand(server, client);
  const w = client.writer;
  if (typeof resolved === "string") {
    w.error(resolved);
    return;
  }
  const cmd = resolved;
  // Redis checks arity before authentication: a malformed call says so even to an unauthenticated client.
  if (!arityOk(cmd.spec.arity, p.argc)) {
    w.error(Err.arity(cmd.spec.name));
    cmd.rejectedCalls++;
    return;
  }
  if (!client.authenticated && !BEFORE_AUTH.has(cmd.spec.name)) {
    w.error(Err.noAuth);
    cmd.rejectedCalls++;
    return;
  }
  server.stats.commands++;
  cmd.calls++;
  client.lastCommand = cmd.spec.name;
  if (cmd.handler) {
    cmd.handler(client, server);
    return;
  }
  const plugin = cmd.plugin!;
  ctx.writer = w;
  ctx.dbIndex = client.db;
  ctx.db = server.keyspace.databases[client.db];
  const mark = w.mark();
  try {
    plugin.runCommand(cmd.spec.id!, p.argc, p.buf, p.argOffset, p.argLength);
    if (w.pos === mark) throw new PluginFailure(`ERR plugin '${plugin.name}' sent no reply to '${cmd.spec.name}'`);
  } catch (e) {
    if (!(e instanceof PluginFailure)) throw e;
    w.rollback(mark);
    w.error(e.message);
    cmd.failedCalls++;
    log("warning", `${e.message} (command '${cmd.spec.name}', client id=${client.id})`);
  }
}
