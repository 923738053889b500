// MONITOR: every command any client runs, after it ran, as one `+<unix.micros> [<db> <addr>] "arg" …`
// line to each monitoring client (Redis's replicationFeedMonitors), with arguments quoted as sdscatrepr
// quotes them. Administrative commands (CONFIG, SLOWLOG, MONITOR…) are not shown, as in Redis.
import type { Command, CommandClient as Client } from "../command/command-table.js";
import { REDACTED, isHidden, redactedRange } from "./redaction.js";

/** Redis's sdscatrepr: printable ASCII as is, `\\` and `"` escaped, C escapes, other bytes as \xNN. */
export function repr(bytes: Uint8Array, off: number, len: number): string {
  let out = '"';
  for (let i = off; i < off + len; i++) {
    const b = bytes[i];
    switch (b) {
      case 0x5c: out += "\\\\"; break;
      case 0x22: out += '\\"'; break;
      case 0x0a: out += "\\n"; break;
      case 0x0d: out += "\\r"; break;
      case 0x09: out += "\\t"; break;
      case 0x07: out += "\\a"; break;
      case 0x08: out += "\\b"; break;
      default:
        out += b >= 0x20 && b <= 0x7e ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, "0")}`;
    }
  }
  return out + '"';
}

function timestamp(): string {
  const micros = Math.floor((performance.timeOrigin + performance.now()) * 1000);
  return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, "0")}`;
}

/** A command line in place: the client's parser, or the arguments of a command a plugin ran. */
interface Line {
  buf: Uint8Array;
  argOffset: Int32Array;
  argLength: Int32Array;
  argc: number;
}

/** `scriptDb` >= 0: a script's command, shown as Redis shows its script client's, `[<db> lua]`. */
export function monitorLine(c: Client, command: Command, p: Line = c.argv, scriptDb = -1): string {
  const hidden = redactedRange(c, command.spec.name);
  let line = scriptDb >= 0 ? `${timestamp()} [${scriptDb} lua]` : `${timestamp()} [${c.db} ${c.addr}]`;
  for (let i = 0; i < p.argc; i++) {
    const redacted = isHidden(hidden, i);
    line += " " + (redacted ? `"${REDACTED}"` : repr(p.buf, p.argOffset[i], p.argLength[i]));
  }
  return line;
}

export class MonitorFeed {
  readonly clients = new Set<Client>();
  private flushScheduled = false;

  /**
   * Send the command `c` just ran (`args`: a command a plugin or, `scriptDb` >= 0, a script ran on its
   * behalf) to every monitor; lines
   * go out together once the batch is done.
   */
  feed(c: Client, command: Command, args: Line = c.argv, scriptDb = -1): void {
    if (command.flags.has("admin")) return;
    const line = monitorLine(c, command, args, scriptDb);
    for (const m of this.clients) {
      if (m.socket.destroyed) this.clients.delete(m);
      else m.writer.simple(line);
    }
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    this.flushScheduled = false;
    for (const m of this.clients) m.flush();
  }
}
