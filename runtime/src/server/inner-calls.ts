// The server's side of the inner-call funnel (plugin/call-command.ts's InnerCallGate): a command a plugin
// runs on behalf of a client is checked and shown as the client's own would be. Redis does this for
// RM_Call with its "C" (ACL as the user) and "M" (refuse denyoom commands when out of memory) flags, and
// always for scripts' redis.call; its call() feeds MONITOR for both. See ADR 0004.
import { NO_CLIENT_CORE_CALL, type CallArgs, type InnerCallGate } from "../plugin/call-command.js";
import type { ReplyWriter } from "../protocol/reply-writer.js";
import type { Client } from "./client.js";
import type { Command } from "../command/command-table.js";
import type { Server } from "./server.js";
import { OOM_ERROR } from "../memory/maxmemory.js";
import { NOREPLICAS_ERROR } from "./good-replicas.js";

export class InnerCalls implements InnerCallGate {
  /**
   * The client whose command is running: inner calls run as its user. Null outside a client's command
   * (a plugin handling a keyspace event), where no user is checked, as for the server's own work.
   */
  caller: Client | null = null;

  /** Per nesting depth of calls: the dirty counter and the replicated lines when the call started. */
  private dirtyAt: number[] = [];
  private markAt: number[] = [];
  private depth = 0;

  constructor(private readonly server: Server) {}

  callStarts(): void {
    this.dirtyAt[this.depth] = this.server.keyspace.dirty;
    this.markAt[this.depth] = this.server.persistence.replicatedMark;
    this.depth++;
  }

  callEnded(cmd: Command, args: CallArgs, db: number, script: boolean): void {
    this.depth--;
    const persistence = this.server.persistence;
    const mark = this.markAt[this.depth];
    if (script && this.server.keyspace.dirty !== this.dirtyAt[this.depth])
      persistence.propagateScriptCall(db, cmd, args.buf, args.argOffset, args.argLength, args.argc, mark);
    else persistence.dropReplicated(mark);
  }

  aclAllows(cmd: Command, args: CallArgs): boolean {
    return this.caller === null || this.server.acl.allows(this.caller, cmd, args);
  }

  refusal(cmd: Command, args: CallArgs): string | null {
    const client = this.caller;
    if (client !== null && !client.user.unrestricted) {
      const running = client.lastCommand; // the ACL log names the client's own command, not the inner one
      const denied = this.server.acl.refusal(client, cmd, args, "module");
      client.lastCommand = running;
      if (denied !== null) return denied;
    }
    // Redis's scriptVerifyWriteCommandAllow: reachable from scripts without a shebang (the others are refused before they run).
    if (cmd.write && !this.server.replicas.enough) return NOREPLICAS_ERROR;
    // Redis's pre-command OOM state: evicting here, in the middle of a command, could take the very keys
    // the calling command works on.
    const memory = this.server.memory;
    if (memory.limit !== 0 && cmd.flags.has("denyoom") && memory.overLimit()) return OOM_ERROR;
    return null;
  }

  scriptCallDone(cmd: Command, us: number, failed: boolean): void {
    this.server.observability.countCall(cmd, us, failed);
    this.server.busyScript.ran(cmd);
  }

  ran(cmd: Command, args: CallArgs, scriptDb: number): void {
    const caller = this.caller;
    if (caller === null) return;
    const monitor = this.server.observability.monitor;
    if (monitor.clients.size !== 0) monitor.feed(caller, cmd, args, scriptDb);
    // Redis 7.2 remembers the keys a script (or a module's call) reads for the client that runs it.
    if (caller.tracking !== null) this.server.tracking.remember(caller, cmd, args);
  }

  /**
   * The handler runs on the calling client itself, lent the call's arguments, reply buffer and database
   * for the call (Redis gives scripts and RM_Call a client of their own; ours would have to copy the
   * caller's user, protocol and name for each call). `noscript` commands, which act on the connection,
   * never get here.
   */
  runCore(cmd: Command, args: CallArgs, writer: ReplyWriter, script: boolean): string | null {
    const client = this.caller;
    if (client === null) return NO_CLIENT_CORE_CALL;
    const ctx = this.server.callContext;
    const { argv, writer: own, db } = client;
    client.argv = args;
    client.writer = writer;
    client.db = ctx.dbIndex;
    try {
      cmd.handler!(client, this.server);
      // Redis 7's script client keeps its database from call to call; the caller's stays as it was.
      if (script && client.db !== ctx.dbIndex) {
        ctx.dbIndex = client.db;
        ctx.db = this.server.keyspace.databases[client.db];
      }
    } finally {
      client.argv = argv;
      client.writer = own;
      client.db = db;
    }
    return null;
  }
}
