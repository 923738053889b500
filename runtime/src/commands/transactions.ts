// MULTI, EXEC, DISCARD, WATCH, UNWATCH, with Redis 7's replies and error texts (multi.c).
import type { CoreHandler, CommandClient as Client, CommandServer as Server } from "../command/command-table.js";
import { routeCommand } from "../command/route-command.js";
import { MultiState, type QueuedCommand } from "../transactions/multi-state.js";
import { endTransaction, EXECABORT } from "../transactions/transaction.js";

/**
 * The command to run for a queued one: itself, unless its plugin was unloaded since it was queued —
 * then whatever the name means now (a reloaded plugin's command, or the unknown-command error).
 */
function current(s: Server, q: QueuedCommand) {
  const plugin = q.command.plugin;
  if (!plugin || s.plugins.get(plugin.name) === plugin) return q.command;
  return routeCommand(s.commands, q.buf, q.argOffset, q.argLength, q.argc);
}

function exec(c: Client, s: Server): void {
  const multi = c.multi;
  if (!multi) return c.writer.error("ERR EXEC without MULTI");
  const ctx = s.callContext;
  const watches = s.watches;
  if (watches.anyExpired(c, ctx.now)) c.dirtyCas = true;
  if (multi.aborted || c.dirtyCas) {
    if (multi.aborted) c.writer.error(EXECABORT);
    else c.writer.nullArray();
    endTransaction(s, c);
    return;
  }
  watches.unwatchAll(c);
  const canBlock = ctx.canBlock;
  // A blocking command answers at once, as if its timeout had passed (Redis's CLIENT_DENY_BLOCKING).
  ctx.canBlock = false;
  c.writer.array(multi.commands.length);
  s.persistence.beginTransaction();
  try {
    for (const queued of multi.commands) {
      const cmd = current(s, queued);
      if (typeof cmd === "string") {
        c.writer.error(cmd);
        continue;
      }
      c.argv = queued;
      const denied = s.acl.execRefusal(c, cmd, queued);
      if (denied) c.writer.error(denied);
      else s.call(c, cmd);
    }
  } finally {
    c.argv = c.parser;
    ctx.canBlock = canBlock;
    s.persistence.endTransaction();
    endTransaction(s, c);
  }
}

export const transactionHandlers: Record<string, CoreHandler> = {
  multi(c) {
    if (c.multi) return c.writer.error("ERR MULTI calls can not be nested");
    c.multi = new MultiState();
    c.writer.ok();
  },
  exec,
  discard(c, s) {
    if (!c.multi) return c.writer.error("ERR DISCARD without MULTI");
    endTransaction(s, c);
    c.writer.ok();
  },
  watch(c, s) {
    if (c.multi) return c.writer.error("ERR WATCH inside MULTI is not allowed");
    // Already dirty: EXEC will fail whatever is watched now.
    if (!c.dirtyCas) for (let i = 1; i < c.argc(); i++) s.watches.watch(c, c.db, c.argBuffer(i), s.callContext.now);
    c.writer.ok();
  },
  unwatch(c, s) {
    s.watches.unwatchAll(c);
    c.dirtyCas = false;
    c.writer.ok();
  },
};
