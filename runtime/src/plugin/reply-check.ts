// The host's check that a plugin command wrote exactly one complete reply (ctx.replies counts what the
// reply imports wrote): shared by clients' commands, blocked commands run again, and call_command.
import type { CallContext } from "./call-context.js";
import { PluginFailure } from "./plugin-failure.js";

/**
 * Throws the error that replaces a faulty reply. `mayBlock`: the command asked to block, which is
 * right when it wrote nothing (a reply wins over a block request).
 */
export function checkReply(ctx: CallContext, plugin: string, command: string, mayBlock: boolean): void {
  const replies = ctx.replies;
  if (mayBlock && replies.replies === 0) return;
  const fault = replies.fault();
  if (fault !== null) throw new PluginFailure(`ERR plugin '${plugin}' ${fault} to '${command}'`);
}
