// ACL LOG: the latest refusals, newest first, a repeat of the same refusal within a minute folded into
// its entry (count, client info and time updated), at most `acllog-max-len` entries (Redis's ACLLog).
import type { ReplyWriter } from "../protocol/reply-writer.js";

export type LogReason = "command" | "key" | "channel" | "auth";
export type LogContext = "toplevel" | "multi" | "lua" | "module";

interface Entry {
  count: number;
  reason: LogReason;
  context: LogContext;
  object: string;
  username: string;
  clientInfo: string;
  id: number;
  created: number;
  updated: number;
}

const GROUPING_MS = 60_000;

export class AclLog {
  private entries: Entry[] = [];
  private nextId = 0;

  constructor(private readonly maxLen: () => number) {}

  add(reason: LogReason, context: LogContext, object: string, username: string, clientInfo: string): void {
    const now = Date.now();
    const same = this.entries.findIndex(
      (e) => e.reason === reason && e.context === context && e.object === object && e.username === username && now - e.updated < GROUPING_MS,
    );
    if (same >= 0) {
      const [e] = this.entries.splice(same, 1);
      e.count++;
      e.updated = now;
      e.clientInfo = clientInfo;
      this.entries.unshift(e);
    } else {
      this.entries.unshift({ count: 1, reason, context, object, username, clientInfo, id: this.nextId++, created: now, updated: now });
    }
    this.trim();
  }

  trim(): void {
    const max = this.maxLen();
    if (this.entries.length > max) this.entries.length = max;
  }

  reset(): void {
    this.entries = [];
  }

  reply(w: ReplyWriter, count: number): void {
    const now = Date.now();
    const shown = this.entries.slice(0, count);
    w.array(shown.length);
    for (const e of shown) {
      w.map(10);
      w.bulkString("count"); w.int(e.count);
      w.bulkString("reason"); w.bulkString(e.reason);
      w.bulkString("context"); w.bulkString(e.context);
      w.bulkString("object"); w.bulkString(e.object);
      w.bulkString("username"); w.bulkString(e.username);
      w.bulkString("age-seconds"); w.double((now - e.updated) / 1000);
      w.bulkString("client-info"); w.bulkString(e.clientInfo);
      w.bulkString("entry-id"); w.int(e.id);
      w.bulkString("timestamp-created"); w.int(e.created);
      w.bulkString("timestamp-last-updated"); w.int(e.updated);
    }
  }
}
