// plugin_call (host API 1.8): one plugin calls a function another declares in its manifest, bytes in and
// bytes out, without a RESP round trip (FT.SEARCH reading hashes and JSON documents, ADR 0042). The
// callee runs nested in the caller's call: the caller's database, client, clock and CPU budget; its
// replies go to a writer nobody reads, it cannot block, and it is read-only (imports/keys.ts and
// call-command.ts refuse its writes while ctx.inFunction counts it). Its output collects in a buffer of
// its frame and reaches the caller's result buffer when it returns. Frames are kept per nesting depth
// and reused, so a call allocates nothing once they have reached their working size (ADR 0013).
import { ReplyWriter, type ErrorCounter } from "../protocol/reply-writer.js";
import { ReplyCount } from "../protocol/reply-count.js";
import { Status } from "./abi.generated.js";
import type { CallContext } from "./call-context.js";
import type { Plugin } from "./plugin.js";
import { PluginFailure } from "./plugin-failure.js";
import { PluginAbort } from "./sandbox.js";
import type { PluginFunctions } from "./plugin-functions.js";
import { log } from "../log.js";

/**
 * Calls nest (a callee may call a third plugin) at most this deep. Loops are refused anyway (a plugin
 * whose code runs cannot be called), so this only bounds the frames a chain of distinct plugins keeps.
 */
export const MAX_FUNCTION_DEPTH = 8;

interface Frame {
  callee: Plugin | null;
  out: Buffer;
  outLen: number;
  writer: ReplyWriter;
  replies: ReplyCount;
  /** The caller's, put back when the function returns (kept here: an object per call would allocate). */
  savedWriter: ReplyWriter | null;
  savedReplies: ReplyCount | null;
  savedCanBlock: boolean;
}

export interface PluginCallerServices {
  ctx: CallContext;
  functions: PluginFunctions;
  errors: ErrorCounter;
}

/** One per server, shared by its plugins. */
export class PluginCaller {
  private readonly frames: Frame[] = [];
  private depth = 0;

  constructor(private readonly host: PluginCallerServices) {}

  /**
   * `caller` calls the function named by (fp, fl) of the plugin named by (pp, pl), with the `il` bytes
   * at `ip`, all in its memory. Returns what the function returned, its output in the result buffer;
   * CALLFAILED with the error text there when it could not run or failed.
   */
  call(caller: Plugin, pp: number, pl: number, fp: number, fl: number, ip: number, il: number): number {
    const { ctx, functions } = this.host;
    const mem = caller.view();
    const callee = functions.plugin(mem, pp, pl);
    if (callee === null) return this.failed(`ERR plugin_call: no plugin named '${text(mem, pp, pl)}' is loaded`);
    const id = functions.functionId(callee, mem, fp, fl);
    if (id < 0) return this.failed(`ERR plugin_call: plugin '${callee.name}' has no function '${text(mem, fp, fl)}'`);
    if (callee === caller) return this.failed(`ERR plugin_call: plugin '${caller.name}' cannot call its own function '${text(mem, fp, fl)}'`);
    if (callee.running > 0)
      return this.failed(`ERR plugin_call: plugin '${callee.name}' is already running (a call from '${caller.name}' loops back into it)`);
    if (this.depth >= MAX_FUNCTION_DEPTH) return this.failed(`ERR plugin_call: calls nest deeper than ${MAX_FUNCTION_DEPTH}`);
    const f = this.enter(callee);
    let status: number;
    try {
      status = callee.runFunction(id, mem, ip, il);
    } catch (e) {
      if (!(e instanceof PluginFailure)) throw e;
      log("warning", `${e.message} (function called by plugin '${caller.name}')`);
      return this.failed(e.message);
    } finally {
      this.leave(f);
    }
    f.out.copy(ctx.reserveResult(f.outLen), 0, 0, f.outLen);
    ctx.resultLen = f.outLen;
    return status;
  }

  /**
   * ferrite_config_check (host API 1.9): `p` judges `value` for its string config number `index`, in a
   * frame of its own as a function runs (read-only, no reply, plugin_output collected). The canonical
   * text or the reason is what it wrote with plugin_output.
   */
  checkConfig(p: Plugin, index: number, value: string): { value: string } | { error: string } {
    if (p.running > 0 || this.depth >= MAX_FUNCTION_DEPTH) return { error: `plugin '${p.name}' is running and cannot check the value now` };
    const f = this.enter(p);
    let status: number;
    try {
      status = p.runConfigCheck(index, Buffer.from(value, "latin1"));
    } catch (e) {
      if (!(e instanceof PluginFailure)) throw e;
      log("warning", `${e.message} (checking a config value)`);
      return { error: e.message };
    } finally {
      this.leave(f);
    }
    const text = f.out.toString("latin1", 0, f.outLen);
    if (status < 0) return { error: text || "Invalid argument" };
    return { value: status === 1 ? text : value };
  }

  /**
   * The host itself calls `callee`'s function `id` with `input` (lazyfree's free_effort): as a plugin's
   * call would run, but its output goes nowhere, so the result buffer of whatever plugin is running
   * stays as it was. CALLFAILED when the callee's code is running (its arena holds that call's
   * arguments) or the call fails.
   */
  callFromHost(callee: Plugin, id: number, input: Uint8Array): number {
    if (callee.running > 0 || this.depth >= MAX_FUNCTION_DEPTH) return Status.CALLFAILED;
    const f = this.enter(callee);
    try {
      return callee.runFunction(id, input, 0, input.length);
    } catch (e) {
      if (!(e instanceof PluginFailure)) throw e;
      log("warning", `${e.message} (function called by the server)`);
      return Status.CALLFAILED;
    } finally {
      this.leave(f);
    }
  }

  /** A function of `callee` starts: its frame takes the call context's writer and reply count, read-only and unable to block. */
  private enter(callee: Plugin): Frame {
    const ctx = this.host.ctx;
    const f = this.frame();
    f.callee = callee;
    f.outLen = 0;
    f.savedWriter = ctx.writer;
    f.savedReplies = ctx.replies;
    f.savedCanBlock = ctx.canBlock;
    ctx.writer = f.writer;
    ctx.replies = f.replies;
    f.replies.reset();
    ctx.canBlock = false;
    ctx.inFunction++;
    this.depth++;
    return f;
  }

  /** The function `enter` started is over: the caller's context back. */
  private leave(f: Frame): void {
    const ctx = this.host.ctx;
    this.depth--;
    ctx.inFunction--;
    ctx.writer = f.savedWriter!;
    ctx.replies = f.savedReplies!;
    ctx.canBlock = f.savedCanBlock;
    f.writer.rollback(0);
    f.callee = null;
  }

  /** plugin_output: `len` bytes at `ptr` of `p`'s memory appended to the output of the function `p` runs. */
  output(p: Plugin, ptr: number, len: number): void {
    const f = this.depth > 0 ? this.frames[this.depth - 1] : undefined;
    if (f === undefined || f.callee !== p) throw new PluginAbort("plugin_output called outside ferrite_function and ferrite_config_check");
    const need = f.outLen + len;
    if (f.out.length < need) {
      const grown = Buffer.alloc(Math.max(need, f.out.length * 2));
      grown.set(f.out.subarray(0, f.outLen));
      f.out = grown;
    }
    const mem = p.view();
    if (len < 32) for (let i = 0; i < len; i++) f.out[f.outLen + i] = mem[ptr + i];
    else f.out.set(mem.subarray(ptr, ptr + len), f.outLen);
    f.outLen = need;
  }

  private frame(): Frame {
    return (this.frames[this.depth] ??= {
      callee: null, out: Buffer.alloc(1024), outLen: 0, writer: new ReplyWriter(this.host.errors), replies: new ReplyCount(),
      savedWriter: null, savedReplies: null, savedCanBlock: false,
    });
  }

  private failed(message: string): number {
    this.host.ctx.setResult(Buffer.from(message, "latin1"));
    return Status.CALLFAILED;
  }
}

function text(mem: Uint8Array, ptr: number, len: number): string {
  return Buffer.from(mem.buffer, mem.byteOffset + ptr, Math.min(len, 128)).toString("latin1");
}
