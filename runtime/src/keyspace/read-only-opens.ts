// `plugin-debug-write-intent yes` (issue 11): a plugin that changes a value it opened without write
// intent changes it where the host cannot see it — no AOF, no WATCH, no tiering — and the change is lost
// at the next restart. In this debug mode the host keeps each value a command opens read-only in its
// serialized form (its type's save callback: the host knows no type) and compares after the command.
// A key the host saw written in the same command (opened with write intent, set, deleted…) is left out:
// its change is a visible one. Costs a save per read-only open: for tests, not for production.
import type { KeyListener } from "./key-listener.js";
import type { Database } from "./database.js";

interface Opened {
  db: number;
  key: string;
  /** The plugin that opened it read-only. */
  plugin: string;
  before: Buffer;
}

/** `db` and the key's bytes (latin1: one char per byte), the identity of a key during one command. */
const keyId = (db: number, key: string) => `${db}\u0000${key}`;

export class ReadOnlyOpens implements KeyListener {
  /** `signal`: the write funnel (Keyspace.written), told of a change found, so that WATCH, the AOF and tiering see it after all. */
  constructor(private readonly signal: (db: number, key: Uint8Array, off: number, len: number) => void) {}

  private readonly opened = new Map<string, Opened>();
  /** Keys written in the current command, whose later read-only opens are not checked. */
  private readonly writtenKeys = new Set<string>();

  /** A new command starts. */
  reset(): void {
    this.opened.clear();
    this.writtenKeys.clear();
  }

  /** `plugin` opened entry `id` (key `key`, in latin1) of database `db` without write intent. */
  opening(plugin: string, db: Database, id: number, key: string): void {
    const k = keyId(db.index, key);
    if (this.opened.has(k) || this.writtenKeys.has(k)) return;
    this.opened.set(k, { db: db.index, key, plugin, before: db.serialized(id) });
  }

  written(db: number, key: Uint8Array, off: number, len: number): void {
    const k = keyId(db, Buffer.from(key.buffer, key.byteOffset + off, len).toString("latin1"));
    this.writtenKeys.add(k);
    this.opened.delete(k);
  }

  databaseReplaced(db: number, by: number): void {
    for (const [k, o] of this.opened) if (o.db === db || o.db === by) this.opened.delete(k);
  }

  /** After command `command`: the error naming the first value changed behind the host's back, or null. */
  verify(databases: Database[], now: number, command: string): string | null {
    let fault: string | null = null;
    for (const o of this.opened.values()) {
      const db = databases[o.db];
      const key = Buffer.from(o.key, "latin1");
      const id = db.lookup(key, 0, key.length, now);
      if (id >= 0 && !db.serialized(id).equals(o.before)) {
        fault ??= `ERR plugin '${o.plugin}' changed key '${o.key}' in '${command}' without opening it for writing (plugin-debug-write-intent)`;
        this.signal(o.db, key, 0, key.length);
      }
    }
    this.reset();
    return fault;
  }
}
