// Server-wide keyspace and lifecycle commands: DBSIZE FLUSHDB FLUSHALL SWAPDB TIME SHUTDOWN.
import { Err } from "../errors.js";
import type { CoreHandler, CommandClient as Client, CommandServer as Server } from "../command/command-table.js";
import { parseInteger } from "../command/parse-integer.js";

/**
 * FLUSHDB/FLUSHALL's optional ASYNC or SYNC: whether Redis would free the keys in the background (ASYNC,
 * or neither with lazyfree-lazy-user-flush), for the lazyfree counters; null after a syntax error.
 * Both flush at once here (values are freed by their plugins).
 */
function flushAsync(c: Client, s: Server): boolean | null {
  if (c.argc() === 1) return s.config.bool("lazyfree-lazy-user-flush");
  const mode = c.argString(1).toLowerCase();
  if (c.argc() > 2 || (mode !== "async" && mode !== "sync")) {
    c.writer.error(Err.syntax);
    return null;
  }
  return mode === "async";
}

export const databaseHandlers: Record<string, CoreHandler> = {
  dbsize(c, s) {
    c.writer.int(s.keyspace.databases[c.db].size);
  },
  flushdb(c, s) {
    const async = flushAsync(c, s);
    if (async === null) return;
    s.keyspace.flush(c.db, async);
    c.writer.ok();
  },
  flushall(c, s) {
    const async = flushAsync(c, s);
    if (async === null) return;
    for (let i = 0; i < s.keyspace.databases.length; i++) s.keyspace.flush(i, async);
    c.writer.ok();
  },
  swapdb(c, s) {
    const a = parseInteger(c.argString(1));
    const b = parseInteger(c.argString(2));
    if (a === null) return c.writer.error("ERR invalid first DB index");
    if (b === null) return c.writer.error("ERR invalid second DB index");
    const count = s.keyspace.databases.length;
    if (a < 0 || a >= count || b < 0 || b >= count) return c.writer.error(Err.dbRange);
    s.keyspace.swap(a, b);
    c.writer.ok();
  },
  time(c) {
    const us = Math.floor((performance.timeOrigin + performance.now()) * 1000);
    c.writer.array(2);
    c.writer.bulkString(String(Math.floor(us / 1e6)));
    c.writer.bulkString(String(us % 1e6));
  },
  shutdown(c, s) {
    let mode: "default" | "save" | "nosave" = "default";
    for (let i = 1; i < c.argc(); i++) {
      const opt = c.argString(i).toLowerCase();
      if (!["nosave", "save", "now", "force", "abort"].includes(opt)) return c.writer.error(Err.syntax);
      if (opt === "abort") return c.writer.error("ERR No shutdown in progress.");
      if (opt === "save" || opt === "nosave") mode = opt;
    }
    s.shutdown(mode);
    c.writer.error("ERR Errors trying to SHUTDOWN. Check logs.");
  },
};
