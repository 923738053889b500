// One parsed command → its reply, in Redis's two steps: execute() (Redis's processCommand) looks the
// command up and applies the gates — subcommand routing, arity, authentication, MULTI — then queues it
// inside MULTI or hands it to call(), which runs a core handler or the owning plugin. EXEC runs each
// queued command through call() too. Errors here are the host's, worded as Redis words them.
import { performance } from "node:perf_hooks";
import { Err } from "../errors.js";
import { arityOk, routeCommand } from "../command/route-command.js";
import { PluginFailure } from "../plugin/plugin-failure.js";
import { checkReply } from "../plugin/reply-check.js";
import type { Client } from "./client.js";
import type { Command } from "../command/command-table.js";
import type { BlockedClient } from "./blocking.js";
import type { BlockRequest } from "../plugin/host-services.js";
import type { Server } from "./server.js";
import { log } from "../log.js";
import { NO_MULTI, queueCommand, refuseCommand } from "../transactions/transaction.js";
import { subscribedModeError } from "../pubsub/subscribed-mode.js";
import { Eviction, OOM_ERROR } from "../memory/maxmemory.js";
import { stopsBeforeRun } from "./client-gate.js";
import { moduleCommandRefusal } from "../acl/outside-access.js";
import { afterReplyMode } from "./client-reply.js";
import { REPLY_ON } from "../command/reply-mode.js";
import { deniesOom, writes } from "../command/call-flags.js";
import { NOREPLICAS_ERROR } from "./good-replicas.js";

/** Commands a client may send before authenticating. */
const BEFORE_AUTH = new Set(["auth", "hello", "quit", "reset"]);

/** One command of a client's input, its reply silenced if CLIENT REPLY says so. */
export function execute(server: Server, client: Client): void {
  const mark = client.writer.mark();
  const ran = processCommand(server, client);
  // A command held by CLIENT PAUSE runs again later: it is that run the mode applies to.
  if (client.replyMode !== REPLY_ON && !client.postponed) afterReplyMode(client, mark, ran);
  if (client.tracking !== null) server.tracking.commandDone(client, ran);
}

/**
 * Redis's processCommand: the command in `client.argv` (the parser's) through the gates, then queued or
 * called. Returns the name of the command called, or null (refused, queued, held).
 */
function processCommand(server: Server, client: Client): string | null {
  const p = client.argv;
  const resolved = routeCommand(server.commands, p.buf, p.argOffset, p.argLength, p.argc);
  if (typeof resolved === "string") return rejected(server, client, null, resolved);
  const cmd = resolved;
  // Redis checks arity before authentication: a malformed call says so even to an unauthenticated client.
  if (!arityOk(cmd.arity, p.argc)) return rejected(server, client, cmd, Err.arity(cmd.name));
  // Redis checks MODULE's `enable-module-command` before authentication too.
  const refusal = moduleCommandRefusal(server.config, client, cmd);
  if (refusal) return rejected(server, client, cmd, refusal);
  if (!client.authenticated && !BEFORE_AUTH.has(cmd.name)) return rejected(server, client, cmd, Err.noAuth);
  if (!client.user.unrestricted) {
    const denied = server.acl.refusal(client, cmd, p, client.multi ? "multi" : "toplevel");
    if (denied) return rejected(server, client, cmd, denied);
  }
  if (server.tracking.clients !== 0) server.tracking.limit();
  // EXEC counts as denyoom / write when one of its queued commands is, as in Redis's processCommand.
  const exec = client.multi !== null && cmd.name === "exec";
  // Redis evicts before every command while over maxmemory, reads too: an evicted key's invalidation
  // then reaches a tracking client before the reply (ADR 0046). Not while a busy script runs: its keys
  // stay as it left them until it ends. Only a command that may grow memory is refused when nothing
  // more can be evicted.
  const memory = server.memory;
  if (memory.limit !== 0 && !server.busyScript.busy && memory.performEvictions() === Eviction.Fail &&
    (deniesOom(cmd, p) || (exec && client.multi!.denyoom)))
    return rejected(server, client, cmd, OOM_ERROR);
  // Whether the command writes is asked only while writes are refused: for a plugin command with
  // call_flags (EVALSHA, FCALL) that is a call into its plugin.
  const misconf = server.persistence.writeDenied();
  if ((misconf || !server.replicas.enough) && (writes(cmd, p) || (exec && client.multi!.write)))
    return rejected(server, client, cmd, misconf ?? NOREPLICAS_ERROR);
  const subscribed = subscribedModeError(client, cmd.name);
  if (subscribed) return rejected(server, client, cmd, subscribed);
  if (server.busyScript.busy) {
    const busy = server.busyScript.refusal(cmd, client);
    if (busy) return rejected(server, client, cmd, busy);
  }
  if (client.multi && cmd.flags.has("no_multi")) return rejected(server, client, cmd, NO_MULTI);
  client.lastCommand = cmd.name;
  if (stopsBeforeRun(server, client, cmd)) return null;
  if (client.multi && queueCommand(client, cmd)) return null;
  call(server, client, cmd);
  return cmd.name;
}

/** Redis's rejectCommand: every gate refuses through here, so that a refusal inside MULTI fails the transaction. */
function rejected(server: Server, client: Client, cmd: Command | null, error: string): null {
  if (cmd) cmd.rejectedCalls++;
  refuseCommand(server, client, cmd, error);
  return null;
}

/**
 * Redis's call(): run one command whose arguments are in `client.argv` and count it. Whatever runs a
 * command — a client's request, EXEC's queued ones — comes through here.
 */
export function call(server: Server, client: Client, cmd: Command): void {
  const w = client.writer;
  const mark = w.mark();
  const errors = server.observability.errors.total;
  const depth = server.observability.clock.start();
  const dirty = server.keyspace.dirty;
  if (cmd.script !== null) server.busyScript.begin(client, cmd);
  const lazyfree = server.keyspace.lazyfree;
  const lazy = cmd.userDelete !== null && (cmd.userDelete === "unlink" || lazyfree.userDel);
  if (lazy) lazyfree.active++;
  try {
    if (cmd.handler) cmd.handler(client, server);
    else runPlugin(server, client, cmd, mark);
  } catch (e) {
    // Whatever failed, this command answers one error and the server goes on serving everyone.
    w.rollback(mark);
    if (e instanceof PluginFailure) {
      w.error(e.message);
      log("warning", `${e.message} (command '${cmd.name}', client id=${client.id})`);
    } else {
      w.error(`ERR internal error while executing '${cmd.name}'`);
      log("warning", `Internal error in '${cmd.name}': ${(e as Error).stack ?? e}`);
    }
  }
  if (lazy) lazyfree.active--;
  if (cmd.keylessWrite && server.keyspace.dirty === dirty && server.observability.errors.total === errors) server.keyspace.dirty++;
  const a = client.argv;
  if (client.tracking !== null) server.tracking.remember(client, cmd, a);
  if (server.keyspace.dirty !== dirty) server.persistence.propagate(client.db, cmd, a.buf, a.argOffset, a.argLength, a.argc);
  else server.persistence.dropReplicated(0); // a replicate call of a command that changed nothing
  // A command that blocked its client counts once it is answered (rerunBlocked, Server.unblock).
  if (client.blocked !== null) client.blocked.usec = server.observability.commandBlocked(client, cmd, depth);
  else server.observability.commandDone(client, cmd, depth, errors);
  if (cmd.script !== null) server.busyScript.end();
}

function runPlugin(server: Server, client: Client, cmd: Command, mark: number): void {
  const p = client.argv;
  const ctx = server.callContext;
  ctx.bind(client.writer, client.db, server.keyspace.databases[client.db]);
  ctx.lookupStats = !cmd.write;
  ctx.noTouch = client.noTouch && cmd.name !== "touch";
  const request = runChecked(server, client, cmd, p.argc, p.buf, p.argOffset, p.argLength);
  if (request && client.writer.pos === mark) server.block(client, cmd, request); // a reply wins over a block request
}

/**
 * A plugin command run for `client`, fresh or rerun after a block: its inner calls run as the client's
 * user, then its reply count and (plugin-debug-write-intent) its read-only opens are checked. Returns
 * the block request it made, if any.
 */
function runChecked(server: Server, client: Client, cmd: Command, argc: number, buf: Uint8Array, offsets: Int32Array, lengths: Int32Array): BlockRequest | null {
  const blocking = server.blocking;
  blocking.request = null;
  server.keyspace.readOnlyOpens?.reset();
  server.innerCalls.caller = client;
  try {
    cmd.plugin!.runCommand(cmd.id, argc, buf, offsets, lengths);
  } finally {
    server.innerCalls.caller = null;
  }
  const request = blocking.request;
  blocking.request = null;
  checkReply(server.callContext, cmd.plugin!.name, cmd.name, request !== null);
  checkWriteIntent(server, cmd.name);
  return request;
}

/** plugin-debug-write-intent: a value changed behind the host's back fails the command, loudly. */
function checkWriteIntent(server: Server, command: string): void {
  const fault = server.keyspace.readOnlyOpens?.verify(server.keyspace.databases, server.callContext.now, command);
  if (fault) throw new PluginFailure(fault);
}

/**
 * Run a blocked client's command again now that one of its keys is ready. True when it replied (the
 * client is served); false when it blocked again, keeping its place in the queues.
 */
export function rerunBlocked(server: Server, bc: BlockedClient): boolean {
  const blocking = server.blocking;
  const w = bc.client.writer;
  const ctx = server.callContext;
  ctx.bind(w, bc.db, server.keyspace.databases[bc.db]);
  ctx.lookupStats = !bc.command.write;
  ctx.noTouch = bc.client.noTouch;
  blocking.rerun = bc;
  const mark = w.mark();
  const dirty = server.keyspace.dirty;
  const observability = server.observability;
  const errors = observability.errors.total;
  const started = performance.now();
  try {
    runChecked(server, bc.client, bc.command, bc.offsets.length, bc.args, bc.offsets, bc.lengths);
  } catch (e) {
    if (!(e instanceof PluginFailure)) throw e;
    w.rollback(mark);
    w.error(e.message);
    log("warning", `${e.message} (command '${bc.command.name}', client id=${bc.client.id})`);
  } finally {
    blocking.rerun = null;
    blocking.request = null;
  }
  if (server.keyspace.dirty !== dirty) server.persistence.propagate(bc.db, bc.command, bc.args, bc.offsets, bc.lengths, bc.offsets.length);
  else server.persistence.dropReplicated(0);
  const replied = w.pos !== mark;
  bc.usec += (performance.now() - started) * 1000;
  if (replied) observability.commandAnswered(bc.client, bc.command, bc.usec, observability.errors.total !== errors, bc.argv);
  // XREAD BLOCK's keys are remembered once it has read them, as Redis re-executes the command.
  if (replied && bc.client.tracking !== null)
    server.tracking.remember(bc.client, bc.command, bc.argv);
  return replied;
}
