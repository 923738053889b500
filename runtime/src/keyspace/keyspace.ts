// All databases and the value-type registry: what host imports and keyspace commands operate on, and
// the one funnel every write to a key goes through (key-listener.ts). One per server.
import { Database } from "./database.js";
import type { KeyTable } from "./key-table.js";
import type { ValueTypes } from "./value-types.js";
import { KEY_CHANGED, LISTEN_ORDER, type ExpiryReport, type KeyListener } from "./key-listener.js";
import { NO_KEY_EVENTS, type KeyEvents } from "./key-events.js";
import type { PreImage } from "./pre-image.js";
import { Lazyfree } from "./lazyfree.js";
import { KeyspaceStats } from "./keyspace-stats.js";
import type { KeyspaceTiers } from "./value-tiers.js";
import { ReadOnlyOpens } from "./read-only-opens.js";

/** Told only when a database's keys are about to be replaced, never of single writes (plugins' database events). */
export type ReplaceListener = Pick<KeyListener, "databaseReplaced">;

interface Listening {
  listener: KeyListener;
  order: number;
}

export class Keyspace implements ExpiryReport {
  readonly databases: Database[];
  /** keyspace_hits / keyspace_misses. */
  readonly stats = new KeyspaceStats();
  /** A background snapshot's copy-on-write hook (persistence/bg-snapshot.ts). */
  readonly preImage: PreImage = { hook: null };
  /** Set while CLIENT PAUSE holds expiry: neither lookups nor the active cycle delete expired keys. */
  expiryPaused = false;
  /** INFO's lazyfree counters (lazyfree.ts). */
  readonly lazyfree = new Lazyfree();
  /** An LFU maxmemory-policy is set (memory/maxmemory.ts keeps it so): LFU counters must move. */
  lfuPolicy = false;
  lfuLogFactor = 10;
  lfuDecayTime = 1;
  /** plugin-debug-write-intent: the values the running command opened read-only, else null. */
  readOnlyOpens: ReadOnlyOpens | null = null;
  /** Writes since start (keys written, databases flushed or swapped): snapshot rules and AOF read it. */
  dirty = 0;
  /** The write funnel's listeners, in LISTEN_ORDER; empty unless someone listens, so a write then costs one check. */
  private listeners: KeyListener[] = [];
  private ordered: Listening[] = [];
  private replaceListeners: ReplaceListener[] = [];

  /**
   * `types`: the value-type registry, shared with `tiers` (hot / warm / cold storage of every database's
   * values, made by the composition root: tiers/tiered-keyspace.ts); `events`: where keyspace events go
   * (the server's Notifications).
   */
  constructor(
    count: number,
    readonly types: ValueTypes,
    readonly tiers: KeyspaceTiers,
    events: KeyEvents = NO_KEY_EVENTS,
  ) {
    this.databases = Array.from({ length: count }, (_, i) => new Database(i, this.types, this, this.tiers, events, this.preImage, this.lazyfree));
    this.tiers.attach({ tables: () => this.databases.map((db) => db.table) });
  }

  get listening(): boolean {
    return this.listeners.length > 0;
  }

  /** `order`: the listener's place in the funnel, LISTEN_ORDER's. */
  listen(listener: KeyListener, order: number): void {
    this.ordered = [...this.ordered, { listener, order }].sort((a, b) => a.order - b.order);
    this.listeners = this.ordered.map((l) => l.listener);
  }

  unlisten(listener: KeyListener): void {
    this.ordered = this.ordered.filter((l) => l.listener !== listener);
    this.listeners = this.ordered.map((l) => l.listener);
  }

  /** Hear of flushes and swaps only: a write costs such a listener nothing. */
  watchReplaced(listener: ReplaceListener): void {
    this.replaceListeners = [...this.replaceListeners, listener];
  }

  unwatchReplaced(listener: ReplaceListener): void {
    this.replaceListeners = this.replaceListeners.filter((l) => l !== listener);
  }

  debugWriteIntent(on: boolean): void {
    if (on === (this.readOnlyOpens !== null)) return;
    if (on) this.listen((this.readOnlyOpens = new ReadOnlyOpens((db, key, off, len) => this.written(db, key, off, len, KEY_CHANGED))), LISTEN_ORDER.writeIntent);
    else {
      this.unlisten(this.readOnlyOpens!);
      this.readOnlyOpens = null;
    }
  }

  /**
   * The write funnel: key[off, off + len) of database `db` was written, `how` saying what happened
   * (key-listener.ts's bits). Every host path that writes or deletes a key calls this once, after the
   * change; a change (not an expiry) makes the dataset dirty for the snapshot rules and the AOF.
   */
  written(db: number, key: Uint8Array, off: number, len: number, how: number): void {
    if (how & KEY_CHANGED) this.dirty++;
    const listeners = this.listeners;
    for (let i = 0; i < listeners.length; i++) listeners[i].written(db, key, off, len, how);
  }

  /**
   * A command accessed entry `id` of `table`. Its LFU counter moves only while something reads it: an
   * LFU eviction policy, or a hot tier at least half full, which will soon demote the least used values.
   * Otherwise OBJECT FREQ is refused, as in Redis, and the counter's random draw and decay are saved on
   * every access.
   */
  touch(table: KeyTable, id: number, now: number): void {
    table.touch(id, now, this.lfuPolicy || this.tiers.nearBudget(), this.lfuLogFactor, this.lfuDecayTime);
  }

  /** FLUSHDB, FLUSHALL: drop every key of database `index`; `async`, as Redis's emptyDbAsync (lazyfree counts its keys). */
  flush(index: number, async = false): void {
    if (async) this.lazyfree.flushed(this.databases[index].size);
    this.replacing(index, -1);
    this.databases[index].clear();
  }

  /** SWAPDB: the databases' contents trade places; clients stay on their database index. */
  swap(a: number, b: number): void {
    if (a === b) {
      this.dirty++; // Redis counts it, and nothing changes
      return;
    }
    this.replacing(a, b);
    this.replacing(b, a);
    const da = this.databases[a].table;
    this.databases[a].table = this.databases[b].table;
    this.databases[b].table = da;
  }

  totalKeys(): number {
    let n = 0;
    for (const db of this.databases) n += db.size;
    return n;
  }

  private replacing(db: number, by: number): void {
    this.dirty++;
    for (let i = 0; i < this.listeners.length; i++) this.listeners[i].databaseReplaced(db, by);
    for (const l of this.replaceListeners) l.databaseReplaced(db, by);
  }
}
