// call_command: a plugin runs another plugin's command and reads its reply (RedisModule_Call). Used by
// commands that work across data models (SORT over lists, sets and sorted sets, with BY/GET patterns
// reading strings and hashes) without the host or the caller knowing the other plugin's values.
import { ReplyWriter } from "../protocol/reply-writer.js";
import { arityOk, routeCommand } from "../server/dispatch.js";
import type { CommandTable } from "../server/command-table.js";
import { Err } from "../errors.js";
import { ctx } from "./call-context.js";
import { Plugin, PluginFailure } from "./plugin.js";

/** Run the command in `argv` (argc (ptr, len) pairs in the caller's memory); returns the reply's length in the result buffer. */
export function callCommand(caller: Plugin, commands: CommandTable, argv: number, argc: number, flags: number): number {
  const mem = caller.view();
  const u32 = caller.u32;
  const offsets = new Int32Array(argc);
  const lengths = new Int32Array(argc);
  let total = 0;
  for (let i = 0; i < argc; i++) {
    offsets[i] = total;
    lengths[i] = u32[(argv >>> 2) + 2 * i + 1];
    total += lengths[i];
  }
  const src = Buffer.alloc(total);
  for (let i = 0; i < argc; i++) src.set(mem.subarray(u32[(argv >>> 2) + 2 * i], u32[(argv >>> 2) + 2 * i] + lengths[i]), offsets[i]);

  const writer = new ReplyWriter();
  writer.proto = flags & 1 ? 3 : 2;
  const cmd = argc > 0 ? routeCommand(commands, src, offsets, lengths, argc) : "ERR call_command needs a command name";
  if (typeof cmd === "string") writer.error(cmd);
  else if (!arityOk(cmd.spec.arity, argc)) writer.error(Err.arity(cmd.spec.name));
  else if (!cmd.plugin) writer.error(`ERR call_command runs plugin commands only, not '${cmd.spec.name}'`);
  // Its arena holds the caller's own arguments, which a nested call would overwrite.
  else if (cmd.plugin === caller) writer.error(`ERR plugin '${caller.name}' cannot call its own command '${cmd.spec.name}'`);
  else {
    const saved = { writer: ctx.writer, canBlock: ctx.canBlock };
    ctx.writer = writer;
    ctx.canBlock = false;
    try {
      cmd.plugin.runCommand(cmd.spec.id!, argc, src, offsets, lengths);
    } catch (e) {
      if (!(e instanceof PluginFailure)) throw e;
      writer.rollback(0);
      writer.error(e.message);
    } finally {
      ctx.writer = saved.writer;
      ctx.canBlock = saved.canBlock;
    }
  }
  return ctx.setResult(writer.take());
}
