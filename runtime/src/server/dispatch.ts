// One parsed command → its reply: lookup, authentication, subcommand routing and arity, then either a
// core handler or the owning plugin. Errors here are the host's, worded as Redis words them.
import { Err, unknownCommand } from "../errors.js";
import { ctx } from "../plugin/call-context.js";
import { PluginFailure } from "../plugin/plugin.js";
import type { Client } from "./client.js";
import type { Command, CommandTable } from "./command-table.js";
import type { BlockedClient } from "./blocking.js";
import type { Server } from "./server.js";
import { log } from "./log.js";

/** Commands a client may send before authenticating. */
const BEFORE_AUTH = new Set(["auth", "hello", "quit", "reset"]);

export function arityOk(arity: number, argc: number): boolean {
  return arity > 0 ? argc === arity : argc >= -arity;
}

/**
 * The command (or subcommand) an argument vector names, or the error text: used for clients' commands
 * and for plugins' call_command alike.
 */
export function routeCommand(commands: CommandTable, src: Buffer, offsets: Int32Array, lengths: Int32Array, argc: number): Command | string {
  const arg = (i: number) => src.toString("latin1", offsets[i], offsets[i] + lengths[i]);
  let cmd = commands.lookup(src, offsets[0], lengths[0]);
  if (!cmd) {
    const args = [];
    for (let i = 1; i < argc; i++) args.push(arg(i));
    return unknownCommand(arg(0), args);
  }
  // A container called alone (bare COMMAND) is checked against its own arity and runs its own handler.
  if (cmd.subcommands && argc >= 2) {
    const sub = cmd.subcommands.get(arg(1).toLowerCase());
    if (!sub) return Err.unknownSubcommand(arg(1), cmd.spec.name);
    cmd = sub;
  }
  return cmd;
}

export function execute(server: Server, client: Client): void {
  const p = client.parser;
  const resolved = routeCommand(server.commands, p.buf, p.argOffset, p.argLength, p.argc);
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
  const persistence = server.persistence;
  const denied = cmd.flags.has("write") ? persistence.writeDenied() : null;
  if (denied) {
    w.error(denied);
    cmd.rejectedCalls++;
    return;
  }
  server.stats.commands++;
  cmd.calls++;
  client.lastCommand = cmd.spec.name;
  const mark = w.mark();
  const dirty = server.keyspace.dirty;
  try {
    if (cmd.handler) cmd.handler(client, server);
    else runPlugin(server, client, cmd, mark);
  } catch (e) {
    // Whatever failed, this command answers one error and the server goes on serving everyone.
    w.rollback(mark);
    cmd.failedCalls++;
    if (e instanceof PluginFailure) {
      w.error(e.message);
      log("warning", `${e.message} (command '${cmd.spec.name}', client id=${client.id})`);
    } else {
      w.error(`ERR internal error while executing '${cmd.spec.name}'`);
      log("warning", `Internal error in '${cmd.spec.name}': ${(e as Error).stack ?? e}`);
    }
  }
  if (server.keyspace.dirty !== dirty) persistence.propagate(client.db, cmd, p.buf, p.argOffset, p.argLength, p.argc);
}

function runPlugin(server: Server, client: Client, cmd: Command, mark: number): void {
  const p = client.parser;
  const plugin = cmd.plugin!;
  const blocking = server.keyspace.blocking;
  ctx.bind(client.writer, client.db, server.keyspace.databases[client.db]);
  blocking.request = null;
  plugin.runCommand(cmd.spec.id!, p.argc, p.buf, p.argOffset, p.argLength);
  const request = blocking.request;
  blocking.request = null;
  if (client.writer.pos !== mark) return; // a reply wins over a block request
  if (!request) throw new PluginFailure(`ERR plugin '${plugin.name}' sent no reply to '${cmd.spec.name}'`);
  server.block(client, cmd, request);
}

/**
 * Run a blocked client's command again now that one of its keys is ready. True when it replied (the
 * client is served); false when it blocked again, keeping its place in the queues.
 */
export function rerunBlocked(server: Server, bc: BlockedClient): boolean {
  const blocking = server.keyspace.blocking;
  const w = bc.client.writer;
  const plugin = bc.command.plugin!;
  ctx.bind(w, bc.db, server.keyspace.databases[bc.db]);
  blocking.rerun = bc;
  blocking.request = null;
  const mark = w.mark();
  const dirty = server.keyspace.dirty;
  try {
    plugin.runCommand(bc.command.spec.id!, bc.offsets.length, bc.args, bc.offsets, bc.lengths);
    if (w.pos === mark && !blocking.request)
      throw new PluginFailure(`ERR plugin '${plugin.name}' sent no reply to '${bc.command.spec.name}'`);
  } catch (e) {
    if (!(e instanceof PluginFailure)) throw e;
    w.rollback(mark);
    w.error(e.message);
    log("warning", `${e.message} (command '${bc.command.spec.name}', client id=${bc.client.id})`);
  } finally {
    blocking.rerun = null;
    blocking.request = null;
  }
  if (server.keyspace.dirty !== dirty) server.persistence.propagate(bc.db, bc.command, bc.args, bc.offsets, bc.lengths, bc.offsets.length);
  return w.pos !== mark;
}
