// call_command: a plugin runs another plugin's command and reads its reply (RedisModule_Call). Used by
// commands that work across data models (SORT over lists, sets and sorted sets, with BY/GET patterns
// reading strings and hashes) without the host or the caller knowing the other plugin's values.
// SORT BY makes one call per element, so nothing here is allocated per call once warmed up.
import { ReplyWriter } from "../protocol/reply-writer.js";
import { arityOk, routeCommand } from "../server/dispatch.js";
import type { CommandTable } from "../server/command-table.js";
import { Err } from "../errors.js";
import { ctx } from "./call-context.js";
import { Plugin, PluginFailure } from "./plugin.js";
import { silenceEvents } from "../notifications/index.js";
import { ReplyCount } from "../protocol/reply-count.js";
import { checkReply } from "./reply-check.js";
import { log } from "../server/log.js";

const RESP3 = 1, NO_EVENTS = 2;

/** Per nesting depth (a called command may itself call): argument copy and reply buffer. */
interface Frame {
  args: Buffer;
  offsets: Int32Array;
  lengths: Int32Array;
  writer: ReplyWriter;
  replies: ReplyCount;
}

const frames: Frame[] = [];
let depth = 0;

function frame(argc: number, bytes: number): Frame {
  const f = (frames[depth] ??= { args: Buffer.alloc(256), offsets: new Int32Array(8), lengths: new Int32Array(8), writer: new ReplyWriter(), replies: new ReplyCount() });
  if (f.args.length < bytes) f.args = Buffer.alloc(Math.max(bytes, f.args.length * 2));
  if (f.offsets.length < argc) {
    f.offsets = new Int32Array(Math.max(argc, f.offsets.length * 2));
    f.lengths = new Int32Array(f.offsets.length);
  }
  return f;
}

/** Copy the caller's (ptr, len) argument table out of its memory: the callee's arena is another memory. */
function copyArgs(caller: Plugin, argv: number, argc: number): Frame {
  const u32 = caller.u32;
  let total = 0;
  for (let i = 0; i < argc; i++) total += u32[(argv >>> 2) + 2 * i + 1];
  const f = frame(argc, total);
  const mem = caller.view();
  for (let i = 0, at = 0; i < argc; i++) {
    const ptr = caller.u32[(argv >>> 2) + 2 * i];
    const len = caller.u32[(argv >>> 2) + 2 * i + 1];
    f.offsets[i] = at;
    f.lengths[i] = len;
    f.args.set(mem.subarray(ptr, ptr + len), at);
    at += len;
  }
  return f;
}

/** Run the command in `argv` (argc (ptr, len) pairs in the caller's memory); returns the reply's length in the result buffer. */
export function callCommand(caller: Plugin, commands: CommandTable, argv: number, argc: number, flags: number): number {
  const f = copyArgs(caller, argv, argc);
  const writer = f.writer;
  writer.proto = flags & RESP3 ? 3 : 2;
  const cmd = argc > 0 ? routeCommand(commands, f.args, f.offsets, f.lengths, argc) : "ERR call_command needs a command name";
  if (typeof cmd === "string") writer.error(cmd);
  else if (!arityOk(cmd.spec.arity, argc)) writer.error(Err.arity(cmd.spec.name));
  else if (!cmd.plugin) writer.error(`ERR call_command runs plugin commands only, not '${cmd.spec.name}'`);
  // Its arena holds the caller's own arguments, which a nested call would overwrite.
  else if (cmd.plugin === caller) writer.error(`ERR plugin '${caller.name}' cannot call its own command '${cmd.spec.name}'`);
  else {
    const saved = { writer: ctx.writer, replies: ctx.replies, canBlock: ctx.canBlock };
    ctx.writer = writer;
    ctx.replies = f.replies;
    f.replies.reset();
    ctx.canBlock = false;
    const silent = (flags & NO_EVENTS) !== 0;
    if (silent) silenceEvents(true);
    depth++;
    try {
      cmd.plugin.runCommand(cmd.spec.id!, argc, f.args, f.offsets, f.lengths);
      checkReply(cmd.plugin.name, cmd.spec.name, false);
    } catch (e) {
      if (!(e instanceof PluginFailure)) throw e;
      writer.rollback(0);
      writer.error(e.message);
      log("warning", `${e.message} (called by plugin '${caller.name}')`);
    } finally {
      if (silent) silenceEvents(false);
      depth--;
      ctx.writer = saved.writer;
      ctx.replies = saved.replies;
      ctx.canBlock = saved.canBlock;
    }
  }
  const len = writer.pos;
  ctx.reserveResult(len).set(writer.buf.subarray(0, len), 0);
  ctx.resultLen = len;
  writer.rollback(0);
  return len;
}
