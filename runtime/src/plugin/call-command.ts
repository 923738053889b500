// call_command: a plugin runs another plugin's command and reads its reply (RedisModule_Call). Used by
// commands that work across data models (SORT over lists, sets and sorted sets, with BY/GET patterns
// reading strings and hashes) without the host or the caller knowing the other plugin's values.
// SORT BY makes one call per element, so nothing here is allocated per call once warmed up.
// Core commands (TIME, SELECT, PUBLISH …) run too, through the gate: their handlers live in the server
// (ADR 0031).
// Every call is checked like a client's own command, through the server's InnerCallGate (ADR 0004).
import { ReplyWriter, type ErrorCounter } from "../protocol/reply-writer.js";
import { arityOk, routeCommand } from "../command/route-command.js";
import type { Command, CommandTable } from "../command/command-table.js";
import { Err } from "../errors.js";
import type { Plugin } from "./plugin.js";
import { PluginFailure } from "./plugin-failure.js";
import { ReplyCount } from "../protocol/reply-count.js";
import type { CallContext } from "./call-context.js";
import { checkReply } from "./reply-check.js";
import { log } from "../log.js";
import { copyBytes } from "../protocol/copy-bytes.js";

const RESP3 = 1, NO_EVENTS = 2, AS_SCRIPT = 4, READ_ONLY = 8, CHECK_ONLY = 16;

/** A command line in place, as the client's parser holds one (the ACL check and MONITOR read it so). */
export interface CallArgs {
  buf: Buffer;
  argOffset: Int32Array;
  argLength: Int32Array;
  argc: number;
}

/**
 * The funnel every command a plugin runs goes through (call_command today; scripts and plugin-to-plugin
 * calls later): the server checks it as it checks a client's command, on behalf of the client whose
 * command is running.
 */
export interface InnerCallGate {
  /** Null when the command may run; else its error reply (NOPERM …, OOM …). */
  refusal(cmd: Command, args: CallArgs): string | null;
  /** Whether the calling user's ACL allows the command line (command, keys, channels), logging nothing. */
  aclAllows(cmd: Command, args: CallArgs): boolean;
  /** The command ran (MONITOR shows it); `scriptDb`: a script's command, in that database (else -1). */
  ran(cmd: Command, args: CallArgs, scriptDb: number): void;
  /** A script's command ran (host API 1.5 flag 4): Redis counts those in commandstats, as its own. */
  scriptCallDone(cmd: Command, us: number, failed: boolean): void;
  /**
   * Run a core command (TIME, SELECT, PUBLISH, INFO …: a handler in the server, which plugin/ cannot
   * import) as the calling client, its reply into `writer`, in the database the current call runs in.
   * `script`: a SELECT holds for the rest of the calling command, as on Redis's script client; else it
   * holds for that one call, as on RM_Call's client. Null when it ran; else the error reply.
   */
  runCore(cmd: Command, args: CallArgs, writer: ReplyWriter, script: boolean): string | null;
  /** A command is about to run (host API 1.7 replicate): its writes and replicated lines start here. Nests. */
  callStarts(): void;
  /**
   * It ran, in database `db`: a script's command (flag 4) that wrote is logged as itself or as the lines
   * it replicated, scripts being logged as their effects; any other call's lines are dropped (its caller
   * is logged).
   */
  callEnded(cmd: Command, args: CallArgs, db: number, script: boolean): void;
}

/** For a plugin host without clients (unit tests, micro benchmarks): no user to check, no one to show. */
export const NO_CLIENT_CALLS: InnerCallGate = {
  refusal: () => null, aclAllows: () => true, ran: () => undefined, scriptCallDone: () => undefined,
  runCore: () => NO_CLIENT_CORE_CALL, callStarts: () => undefined, callEnded: () => undefined,
};

/** A core command runs as a client (its database, its user, its connection's state): there must be one. */
export const NO_CLIENT_CORE_CALL = "ERR call_command runs core commands only on behalf of a client";

/** Per nesting depth (a called command may itself call): argument copy and reply buffer. */
interface Frame extends CallArgs {
  writer: ReplyWriter;
  replies: ReplyCount;
}

/**
 * Host API 1.5, call_command's flags 4 (as a script's redis.call) and 8 (from a read-only script): Redis's
 * script checks and their texts (script.c scriptCall), before the checks every inner call gets.
 */
function scriptRefusal(cmd: Command | string, argc: number, flags: number): string | null {
  if (typeof cmd === "string") return "ERR Unknown Redis command called from script";
  if (!arityOk(cmd.spec.arity, argc)) return "ERR Wrong number of args calling Redis command from script";
  if (cmd.flags.has("noscript")) return "ERR This Redis command is not allowed from script";
  if (flags & READ_ONLY && (cmd.flags.has("write") || cmd.flags.has("may_replicate"))) return "ERR Write commands are not allowed from read-only scripts.";
  return null;
}

/** Redis 7.2 words an ACL refusal inside a script so (`NOPERM User u has no …` becomes `ERR ACL failure in script: User u has no …`). */
function scriptAclError(refusal: string): string {
  return refusal.startsWith("NOPERM ") ? `ERR ACL failure in script: ${refusal.slice(7)}` : refusal;
}

/** What call_command reaches: the server's (plugin/host-services.ts's HostServices has them all). */
export interface CallerServices {
  ctx: CallContext;
  commands: CommandTable;
  calls: InnerCallGate;
  events: { silence(on: boolean): void };
  errors: ErrorCounter;
}

/** One per server (its plugins share it): the frames of the calls in progress, reused from call to call. */
export class CommandCaller {
  private readonly frames: Frame[] = [];
  private depth = 0;

  constructor(private readonly host: CallerServices) {}

  private frame(argc: number, bytes: number): Frame {
    const f = (this.frames[this.depth] ??= {
      buf: Buffer.alloc(256), argOffset: new Int32Array(8), argLength: new Int32Array(8), argc: 0,
      writer: new ReplyWriter(this.host.errors), replies: new ReplyCount(),
    });
    if (f.buf.length < bytes) f.buf = Buffer.alloc(Math.max(bytes, f.buf.length * 2));
    if (f.argOffset.length < argc) {
      f.argOffset = new Int32Array(Math.max(argc, f.argOffset.length * 2));
      f.argLength = new Int32Array(f.argOffset.length);
    }
    f.argc = argc;
    return f;
  }

  /** Copy the caller's (ptr, len) argument table out of its memory: the callee's arena is another memory. */
  private copyArgs(caller: Plugin, argv: number, argc: number): Frame {
    const u32 = caller.u32;
    let total = 0;
    for (let i = 0; i < argc; i++) total += u32[(argv >>> 2) + 2 * i + 1];
    const f = this.frame(argc, total);
    const mem = caller.view();
    for (let i = 0, at = 0; i < argc; i++) {
      const ptr = caller.u32[(argv >>> 2) + 2 * i];
      const len = caller.u32[(argv >>> 2) + 2 * i + 1];
      f.argOffset[i] = at;
      f.argLength[i] = len;
      copyBytes(mem, ptr, len, f.buf, at);
      at += len;
    }
    return f;
  }

  /** Why the command may not run as `caller`'s call with `flags`, in the order a call checks; null when it may. */
  private refusal(caller: Plugin, cmd: Command | string, f: Frame, flags: number): string | null {
    const { ctx, calls: gate } = this.host;
    const argc = f.argc;
    const refused = flags & AS_SCRIPT ? scriptRefusal(cmd, argc, flags) : null;
    if (refused !== null) return refused;
    if (typeof cmd === "string") return cmd;
    if (!arityOk(cmd.spec.arity, argc)) return Err.arity(cmd.spec.name);
    // Scripts got Redis's own refusal above; these would change the client's connection (MULTI, AUTH, …).
    if (!cmd.plugin && cmd.flags.has("noscript")) return `ERR call_command cannot run '${cmd.spec.name}': it acts on the client's connection`;
    // A function run for plugin_call is read-only (host API 1.8), through the commands it runs too.
    if (ctx.inFunction > 0 && cmd.flags.has("write"))
      return `ERR call_command cannot run '${cmd.spec.name}' from a function called through plugin_call: it writes, and those functions are read-only`;
    // Its arena holds the caller's own arguments, which a nested call would overwrite.
    if (cmd.plugin === caller) return `ERR plugin '${caller.name}' cannot call its own command '${cmd.spec.name}'`;
    const denied = gate.refusal(cmd, f);
    return denied !== null && flags & AS_SCRIPT ? scriptAclError(denied) : denied;
  }

  /**
   * CHECK_ONLY (host API 1.9): every check of a call, nothing run. An unknown command answers its error;
   * then the ACL (command, keys, channels: `:0` when it refuses, nothing logged, as Redis's
   * ACLCheckAllUserCommandPerm for redis.acl_check_cmd); then the call's other refusals, as errors; `:1`.
   */
  private check(caller: Plugin, cmd: Command | string, f: Frame, flags: number): void {
    const writer = f.writer;
    if (typeof cmd === "string") writer.error(flags & AS_SCRIPT ? (scriptRefusal(cmd, f.argc, flags) as string) : cmd);
    else if (!this.host.calls.aclAllows(cmd, f)) writer.int(0);
    else {
      const refused = this.refusal(caller, cmd, f, flags);
      if (refused !== null) writer.error(refused);
      else writer.int(1);
    }
  }

  /** Run the command in `argv` (argc (ptr, len) pairs in the caller's memory); returns the reply's length in the result buffer. */
  call(caller: Plugin, argv: number, argc: number, flags: number): number {
    const { ctx, commands, calls: gate, events } = this.host;
    const f = this.copyArgs(caller, argv, argc);
    const writer = f.writer;
    writer.proto = flags & RESP3 ? 3 : 2;
    const cmd = argc > 0 ? routeCommand(commands, f.buf, f.argOffset, f.argLength, argc) : "ERR call_command needs a command name";
    let refused: string | null;
    if (flags & CHECK_ONLY) this.check(caller, cmd, f, flags);
    else if ((refused = this.refusal(caller, cmd, f, flags)) !== null) writer.error(refused);
    else if (typeof cmd !== "string") { // always: an unknown command was refused above
      // Locals, not an object: a script's redis.call comes here once per call (ADR 0013).
      const savedWriter = ctx.writer, savedReplies = ctx.replies, savedCanBlock = ctx.canBlock;
      ctx.writer = writer;
      ctx.replies = f.replies;
      f.replies.reset();
      ctx.canBlock = false;
      const silent = (flags & NO_EVENTS) !== 0;
      if (silent) events.silence(true);
      const start = flags & AS_SCRIPT ? performance.now() : 0;
      const inScript = (flags & AS_SCRIPT) !== 0 ? 1 : 0;
      ctx.inScript += inScript;
      gate.callStarts();
      this.depth++;
      try {
        if (cmd.plugin === undefined) {
          const failed = gate.runCore(cmd, f, writer, (flags & AS_SCRIPT) !== 0);
          if (failed !== null) writer.error(failed);
        } else {
          cmd.plugin.runCommand(cmd.spec.id!, argc, f.buf, f.argOffset, f.argLength);
          checkReply(ctx, cmd.plugin.name, cmd.spec.name, false);
        }
      } catch (e) {
        if (!(e instanceof PluginFailure)) throw e;
        writer.rollback(0);
        writer.error(e.message);
        log("warning", `${e.message} (called by plugin '${caller.name}')`);
      } finally {
        if (silent) events.silence(false);
        ctx.inScript -= inScript;
        this.depth--;
        ctx.writer = savedWriter;
        ctx.replies = savedReplies;
        ctx.canBlock = savedCanBlock;
      }
      gate.callEnded(cmd, f, ctx.dbIndex, (flags & AS_SCRIPT) !== 0);
      gate.ran(cmd, f, flags & AS_SCRIPT ? ctx.dbIndex : -1);
      if (flags & AS_SCRIPT) gate.scriptCallDone(cmd, Math.round((performance.now() - start) * 1000), writer.buf[0] === 0x2d /* - */);
    }
    const len = writer.pos;
    copyBytes(writer.buf, 0, len, ctx.reserveResult(len), 0);
    ctx.resultLen = len;
    writer.rollback(0);
    return len;
  }
}
