// SLOWLOG's entries, as Redis's slowlog.c keeps them: newest first, at most slowlog-max-len, each with
// the command's arguments cut to 32 (the last slot saying how many more there were) and each argument
// to 128 bytes (followed by how many more bytes it had).
import type { Command, CommandClient as Client } from "../command/command-table.js";
import type { CommandArgs } from "../protocol/arg-list.js";
import { REDACTED, isHidden, redactedRange } from "./redaction.js";

const MAX_ARGC = 32;
const MAX_STRING = 128;

export interface SlowlogEntry {
  id: number;
  /** Unix time in seconds when the command was logged. */
  time: number;
  durationUs: number;
  /** Arguments as latin1 strings (one char per byte). */
  args: string[];
  peer: string;
  name: string;
}

/** A command's arguments (`a`: the client's current ones, or a blocked command's copy) with Redis's truncation rules. */
function loggedArgs(c: Client, command: Command, a: CommandArgs): string[] {
  const argc = a.argc;
  const hidden = redactedRange(c, command.spec.name);
  const kept = Math.min(argc, MAX_ARGC);
  const args: string[] = [];
  for (let i = 0; i < kept; i++) {
    if (kept !== argc && i === kept - 1) {
      args.push(`... (${argc - kept + 1} more arguments)`);
      break;
    }
    const len = a.argLength[i]!;
    const off = a.argOffset[i]!;
    if (isHidden(hidden, i)) {
      args.push(REDACTED);
    } else if (len <= MAX_STRING) {
      args.push(a.buf.toString("latin1", off, off + len));
    } else {
      args.push(`${a.buf.toString("latin1", off, off + MAX_STRING)}... (${len - MAX_STRING} more bytes)`);
    }
  }
  return args;
}

export class Slowlog {
  /** Newest first. */
  entries: SlowlogEntry[] = [];
  private nextId = 0;
  /** slowlog-log-slower-than in µs (negative: disabled) and slowlog-max-len. */
  slowerThanUs = 10000;
  maxLen = 128;

  /** Called after every command: logs it when it took at least the threshold. */
  consider(c: Client, durationUs: number, command: Command, args: CommandArgs = c.argv): void {
    if (this.slowerThanUs < 0 || durationUs < this.slowerThanUs || this.maxLen === 0) return;
    this.entries.unshift({
      id: this.nextId++,
      time: Math.floor(Date.now() / 1000),
      durationUs: Math.floor(durationUs),
      args: loggedArgs(c, command, args),
      peer: c.addr,
      name: c.name,
    });
    this.trim();
  }

  trim(): void {
    if (this.entries.length > this.maxLen) this.entries.length = this.maxLen;
  }

  reset(): void {
    this.entries = [];
  }
}
