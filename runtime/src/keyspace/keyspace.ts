// All databases and the value-type registry: what host imports and keyspace commands operate on.
import { Database } from "./database.js";
import type { KeyTable } from "./key-table.js";
import { ValueTypes } from "./value-types.js";
import type { ExpiryReport, KeyListener } from "./key-listener.js";
import { Blocking } from "../server/blocking.js";
import { MaxMemory } from "../memory/maxmemory.js";
import { WatchedKeys } from "../transactions/watched-keys.js";
import { Tiering, type TierSettings } from "../tiers/tiering.js";
import { UNBOUNDED_TIERS } from "../tiers/settings.js";
import { ReadOnlyOpens } from "./read-only-opens.js";

export class Keyspace implements ExpiryReport {
  readonly types = new ValueTypes();
  /** Clients blocked on keys: here because every write to a key may wake them. */
  readonly blocking = new Blocking();
  /** Keys clients WATCH: here because every change to a key may fail their EXEC. */
  readonly watches: WatchedKeys;
  readonly databases: Database[];
  readonly memory = new MaxMemory(this);
  /** Hot / warm / cold storage of every database's values. */
  readonly tiers: Tiering;
  lfuLogFactor = 10;
  lfuDecayTime = 1;
  /** plugin-debug-write-intent: the values the running command opened read-only, else null. */
  readOnlyOpens: ReadOnlyOpens | null = null;
  /** Writes since start (keys written, databases flushed or swapped): snapshot rules and AOF read it. */
  dirty = 0;
  /** Told of every change to a key; empty unless someone listens, so a write then costs one check. */
  private listeners: KeyListener[] = [];

  constructor(count: number, tierSettings: TierSettings = UNBOUNDED_TIERS) {
    this.tiers = new Tiering(this.types, tierSettings);
    this.databases = Array.from({ length: count }, (_, i) => new Database(i, this.types, this, this.tiers));
    this.tiers.attach({ tables: () => this.databases.map((db) => db.table) });
    this.watches = new WatchedKeys(this);
  }

  get listening(): boolean {
    return this.listeners.length > 0;
  }

  listen(listener: KeyListener): void {
    this.listeners.push(listener);
  }

  unlisten(listener: KeyListener): void {
    this.listeners = this.listeners.filter((l) => l !== listener);
  }

  debugWriteIntent(on: boolean): void {
    if (on === (this.readOnlyOpens !== null)) return;
    if (on) this.listen((this.readOnlyOpens = new ReadOnlyOpens((db, key, off, len) => this.keyModified(db, key, off, len))));
    else {
      this.unlisten(this.readOnlyOpens!);
      this.readOnlyOpens = null;
    }
  }

  /**
   * A command changed key[off, off + len) of database `db`: set, deleted, renamed, moved, expired or
   * opened for writing (a value changed in place). Every host path that writes a key calls this.
   */
  keyModified(db: number, key: Uint8Array, off: number, len: number): void {
    this.dirty++;
    for (let i = 0; i < this.listeners.length; i++) this.listeners[i].keyModified(db, key, off, len);
  }

  /** A key was deleted because its time passed: a change for listeners, not a write of the dataset. */
  keyExpired(db: number, key: Uint8Array, off: number, len: number): void {
    for (let i = 0; i < this.listeners.length; i++) this.listeners[i].keyModified(db, key, off, len);
  }

  /**
   * A command accessed entry `id` of `table`. Its LFU counter moves only while something reads it: an
   * LFU eviction policy, or a hot tier at least half full, which will soon demote the least used values.
   * Otherwise OBJECT FREQ is refused, as in Redis, and the counter's random draw and decay are saved on
   * every access.
   */
  touch(table: KeyTable, id: number, now: number): void {
    table.touch(id, now, this.memory.policy.rank === "lfu" || this.tiers.nearBudget(), this.lfuLogFactor, this.lfuDecayTime);
  }

  /** FLUSHDB, FLUSHALL: drop every key of database `index`. */
  flush(index: number): void {
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
  }
}
