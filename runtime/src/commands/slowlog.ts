// SLOWLOG GET [count], LEN, RESET, HELP, with slowlog.c's replies.
import type { CoreHandler } from "../command/command-table.js";
import { parseInteger } from "../command/parse-integer.js";
import { replyHelp, subcommandSyntaxError } from "./help.js";

const DEFAULT_COUNT = 10;

const HELP = [
  "GET [<count>]",
  "    Return top <count> entries from the slowlog (default: 10, -1 mean all).",
  "    Entries are made of:",
  "    id, timestamp, time in microseconds, arguments array, client IP and port,",
  "    client name",
  "LEN",
  "    Return the length of the slowlog.",
  "RESET",
  "    Reset the slowlog.",
];

export const slowlogHandlers: Record<string, CoreHandler> = {
  "slowlog|get"(c, s) {
    if (c.argc() > 3) return subcommandSyntaxError(c);
    let count = DEFAULT_COUNT;
    if (c.argc() === 3) {
      // Redis's getRangeLongFromObjectOrReply: one message for a non-integer and an out-of-range count.
      const n = parseInteger(c.argString(2));
      if (n === null || n < -1) return c.writer.error("ERR count should be greater than or equal to -1");
      count = n === -1 ? Infinity : n;
    }
    const entries = s.observability.slowlog.entries;
    const shown = entries.slice(0, Math.min(count, entries.length));
    const w = c.writer;
    w.array(shown.length);
    for (const e of shown) {
      w.array(6);
      w.int(e.id);
      w.int(e.time);
      w.int(e.durationUs);
      w.array(e.args.length);
      for (const a of e.args) w.bulkLatin1(a);
      w.bulkLatin1(e.peer);
      w.bulkLatin1(e.name);
    }
  },
  "slowlog|len"(c, s) {
    c.writer.int(s.observability.slowlog.entries.length);
  },
  "slowlog|reset"(c, s) {
    s.observability.slowlog.reset();
    c.writer.ok();
  },
  "slowlog|help"(c) {
    replyHelp(c, HELP);
  },
};
