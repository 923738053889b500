// SAVE BGSAVE LASTSAVE BGREWRITEAOF: the persistence commands, with Redis's replies; the work is in
// runtime/src/persistence.
import { Err } from "../errors.js";
import type { CoreHandler, CommandClient as Client } from "../command/command-table.js";

/** "+text" → a simple string reply, "-text" → an error reply. */
function status(c: Client, reply: string): void {
  if (reply.startsWith("-")) c.writer.error(reply.slice(1));
  else c.writer.simple(reply.slice(1));
}

export const persistenceHandlers: Record<string, CoreHandler> = {
  save(c, s) {
    const err = s.persistence.save();
    if (err) c.writer.error(err);
    else c.writer.ok();
  },
  bgsave(c, s) {
    if (c.argc() > 2 || (c.argc() === 2 && c.argString(1).toLowerCase() !== "schedule")) return c.writer.error(Err.syntax);
    status(c, s.persistence.bgsave(c.argc() === 2));
  },
  lastsave(c, s) {
    c.writer.int(Math.floor(s.persistence.lastSave / 1000));
  },
  bgrewriteaof(c, s) {
    status(c, s.persistence.bgrewriteaof());
  },
};
