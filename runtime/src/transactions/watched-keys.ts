// WATCH: which clients watch which keys of which database. The keyspace tells it of every change to a
// key (Keyspace.written, the write funnel) while anyone watches; a change to a watched key marks its
// watchers dirty so their EXEC fails (Redis 7's touchWatchedKey, touchAllWatchedKeysInDb, and the
// expiry check at EXEC). It listens only while a key is watched: a write costs nothing otherwise.
import { hashBytes } from "../keyspace/hash-bytes.js";
import { LISTEN_ORDER, type KeyListener } from "../keyspace/key-listener.js";
import type { Keyspace } from "../keyspace/keyspace.js";

/** What WATCH keeps on a client: its watched keys, and whether one changed since (EXEC will fail). */
export interface Watcher {
  watched: WatchedKey[];
  dirtyCas: boolean;
}

export interface WatchedKey {
  readonly client: Watcher;
  readonly db: number;
  readonly key: Buffer;
  readonly hash: number;
  /** The key had already expired when watched: its deletion is no change, as in Redis 7. */
  expired: boolean;
}

function sameKey(key: Buffer, src: Uint8Array, off: number, len: number): boolean {
  if (key.length !== len) return false;
  for (let i = 0; i < len; i++) if (key[i] !== src[off + i]) return false;
  return true;
}

export class WatchedKeys implements KeyListener {
  /** Per database: key hash → the watches on keys with that hash (byte compare settles collisions). */
  private readonly byDb: Map<number, WatchedKey[]>[];
  private readonly seed = (Math.random() * 2 ** 32) >>> 0;
  private count = 0;
  /** Clients watching at least one key (INFO's watching_clients). */
  clients = 0;

  constructor(private readonly keyspace: Keyspace) {
    this.byDb = keyspace.databases.map(() => new Map());
  }

  /** Distinct keys watched in all databases (INFO's total_watched_keys). */
  distinctKeys(): number {
    let n = 0;
    for (const buckets of this.byDb)
      for (const bucket of buckets.values())
        n += bucket.filter((wk, i) => bucket.findIndex((o) => o.key.equals(wk.key)) === i).length;
    return n;
  }

  watch(client: Watcher, db: number, key: Buffer, now: number): void {
    for (const wk of client.watched) if (wk.db === db && wk.key.equals(key)) return;
    const hash = hashBytes(this.seed, key, 0, key.length);
    const wk: WatchedKey = { client, db, key: Buffer.from(key), hash, expired: this.expiredIn(db, key, now) };
    if (client.watched.length === 0) this.clients++;
    client.watched.push(wk);
    const bucket = this.byDb[db].get(hash);
    if (bucket) bucket.push(wk);
    else this.byDb[db].set(hash, [wk]);
    if (this.count++ === 0) this.keyspace.listen(this, LISTEN_ORDER.watch);
  }

  /** UNWATCH, EXEC, DISCARD, RESET, a closed connection — and a client already marked dirty. */
  unwatchAll(client: Watcher): void {
    if (client.watched.length === 0) return;
    for (const wk of client.watched) {
      const buckets = this.byDb[wk.db];
      const rest = buckets.get(wk.hash)!.filter((w) => w !== wk);
      if (rest.length) buckets.set(wk.hash, rest);
      else buckets.delete(wk.hash);
    }
    this.count -= client.watched.length;
    this.clients--;
    client.watched = [];
    if (this.count === 0) this.keyspace.unlisten(this);
  }

  /** Redis's isWatchedKeyExpired, checked at EXEC: a watched key that expired since, deleted yet or not. */
  anyExpired(client: Watcher, now: number): boolean {
    for (const wk of client.watched) if (!wk.expired && this.expiredIn(wk.db, wk.key, now)) return true;
    return false;
  }

  written(db: number, key: Uint8Array, off: number, len: number): void {
    const buckets = this.byDb[db];
    if (buckets.size === 0) return; // keys are watched, but in other databases
    const bucket = buckets.get(hashBytes(this.seed, key, off, len));
    if (!bucket) return;
    // Marking a client dirty unwatches all its keys, which edits this bucket: walk a copy.
    for (const wk of bucket.slice()) {
      if (!sameKey(wk.key, key, off, len)) continue;
      // An expired key deleted is logically no change; anything else done to it is one.
      if (wk.expired && !this.presentIn(db, wk.key)) wk.expired = false;
      else this.touch(wk.client);
    }
  }

  /** Redis's touchAllWatchedKeysInDb(emptied, replaced_with), called before the flush or swap. */
  databaseReplaced(db: number, by: number): void {
    const now = Date.now();
    for (const bucket of [...this.byDb[db].values()]) {
      for (const wk of bucket.slice()) {
        const inEmptied = this.presentIn(db, wk.key);
        const inReplacement = by >= 0 && this.presentIn(by, wk.key);
        if (!inEmptied && !inReplacement) continue;
        if (wk.expired) {
          if (!inReplacement) {
            wk.expired = false; // an expired key deleted: no change
            continue;
          }
          if (this.expiredIn(by, wk.key, now)) continue; // replaced by another expired key
        } else if (!inEmptied && this.expiredIn(by, wk.key, now)) {
          wk.expired = true; // a missing key replaced by an expired one: still missing
          continue;
        }
        this.touch(wk.client);
      }
    }
  }

  /** The client's EXEC will fail; its watches have done their job (Redis unwatches it at once too). */
  private touch(client: Watcher): void {
    client.dirtyCas = true;
    this.unwatchAll(client);
  }

  /** Whether the key is in the table, expired or not (Redis's dbFind). */
  private presentIn(db: number, key: Buffer): boolean {
    return this.keyspace.databases[db].table.find(key, 0, key.length) >= 0;
  }

  private expiredIn(db: number, key: Buffer, now: number): boolean {
    const table = this.keyspace.databases[db].table;
    const id = table.find(key, 0, key.length);
    if (id < 0) return false;
    const at = table.expire(id);
    return at !== 0 && at <= now;
  }
}
