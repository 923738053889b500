// One numbered database: the key table plus what a key's lifetime means to the host — lazy expiry,
// releasing a value through its owning plugin, and per-type key counts.
import { KeyTable } from "./key-table.js";
import type { TypeOwner, ValueTypes } from "./value-types.js";
import type { ValueTiers } from "./value-tiers.js";
import { NOTIFY_EVICTED, NOTIFY_EXPIRED, NOTIFY_NEW } from "../config/event-classes.js";
import type { KeyEvents } from "./key-events.js";
import type { PreImage } from "./pre-image.js";
import type { Lazyfree } from "./lazyfree.js";
import { KEY_EVICTED, KEY_EXPIRED, type ExpiryReport } from "./key-listener.js";

/** Checked before the key is touched, so a plugin's bad handle leaves no half-made key behind. */
function checkHandle(handle: number): void {
  if (handle >>> 0 !== handle) throw new RangeError(`value handle ${handle} is not an integer in [0, 2^32)`);
}

export class Database {
  table = new KeyTable();
  expiredKeys = 0;

  constructor(
    readonly index: number,
    private readonly types: ValueTypes,
    private readonly expiries: ExpiryReport,
    private readonly tiers: ValueTiers,
    private readonly events: KeyEvents,
    private readonly preImage: PreImage,
    private readonly lazyfree: Lazyfree,
  ) {}

  get size(): number {
    return this.table.size;
  }

  /** Entry id of a live key, deleting it first if its time has passed; -1 when absent. */
  lookup(src: Uint8Array, off: number, len: number, now: number): number {
    const id = this.table.find(src, off, len);
    if (id < 0) return -1;
    const at = this.table.expire(id);
    if (at !== 0 && at <= now) {
      if (!this.expiries.expiryPaused) this.expire(id);
      return -1;
    }
    return id;
  }

  /** Bind a new key (caller checked it is absent); `bytes`: the value's size when the caller knows it. */
  insert(src: Uint8Array, off: number, len: number, typeId: number, handle: number, now: number, bytes = -1): number {
    checkHandle(handle);
    if (this.expiries.expiryPaused) {
      // A key kept past its time by CLIENT PAUSE read as absent: a write that makes it anew deletes it first.
      const stale = this.table.find(src, off, len);
      if (stale >= 0) this.removeRaising(stale, NOTIFY_EXPIRED, "expired", KEY_EXPIRED);
    }
    // Created, not accessed: the LFU counter starts at LFU_INIT_VAL, as a new key's does in Redis.
    const id = this.table.insert(src, off, len, now);
    this.table.setType(id, typeId);
    this.table.setHandle(id, handle);
    this.types.get(typeId).keys++;
    this.tiers.admit(this.table, id, bytes);
    // Redis's dbAdd: every key created, by any command or import, is `new` (RENAME, COPY and RESTORE too).
    this.events.notify(NOTIFY_NEW, "new", this.index, src, off, len);
    return id;
  }

  /**
   * The owner's handle of entry `id`'s value, promoted first if it was demoted; `write`: it will change.
   * A `caller` that does not own the value's type gets 0 for a demoted value, which is not promoted: a
   * handle is meaningless outside its owner (EXISTS, SORT's type probe).
   */
  value(id: number, write = false, caller?: TypeOwner): number {
    return this.tiers.value(this.table, id, write, caller);
  }

  /** Entry `id`'s value in its type's serialized form, read from its tier without promoting it. */
  serialized(id: number): Buffer {
    return this.tiers.serialized(this.table, id);
  }

  /** The encver that serialized form was written at. */
  serializedEncver(id: number): number {
    return this.tiers.serializedEncver(this.table, id);
  }

  /**
   * Replace a key's value, releasing the old one unless it is the very same value. `bytes`: the new
   * value's size when the caller knows it. With `handBack`, an old value of the same type in its owner's
   * memory is not freed but returned, for the caller (its owner) to free; otherwise the result is -1.
   */
  replace(id: number, typeId: number, handle: number, bytes = -1, handBack = false): number {
    checkHandle(handle);
    const table = this.table;
    let old = -1;
    if (this.tiers.isHot(table, id) && table.type(id) === typeId) {
      // The common overwrite (SET on a string key): same type, same tier, so the per-type key count
      // and the entry's type stay as they are; only the handle changes and the bytes are re-counted.
      if (table.handle(id) !== handle) {
        this.preImage.hook?.entry(table, id);
        old = table.handle(id);
        table.setHandle(id, handle);
        if (!handBack) {
          const type = this.types.get(typeId);
          // An overwrite is one of Redis's implicit deletes (dbOverwrite): lazy under lazyfree-lazy-server-del.
          if (this.lazyfree.serverDel) this.lazyfree.freeing(type.owner, type.local, old, table.hotSize(id));
          type.owner.free(type.local, old);
          old = -1;
        }
      }
      this.tiers.admit(table, id, bytes);
      return old;
    }
    this.preImage.hook?.entry(this.table, id);
    this.release(id, this.lazyfree.serverDel || this.lazyfree.active !== 0);
    this.table.setType(id, typeId);
    this.table.setHandle(id, handle);
    this.types.get(typeId).keys++;
    this.tiers.admit(this.table, id, bytes);
    return old;
  }

  /** Unbind a key without releasing its value, which the caller moves elsewhere (RENAME, MOVE). */
  take(id: number): { typeId: number; handle: number; expire: number } {
    this.preImage.hook?.entry(this.table, id);
    const taken = { typeId: this.table.type(id), handle: this.value(id), expire: this.table.expire(id) };
    this.tiers.drop(this.table, id);
    this.table.setExpire(id, 0);
    this.table.remove(id);
    this.types.get(taken.typeId).keys--;
    return taken;
  }

  remove(id: number): void {
    this.preImage.hook?.entry(this.table, id);
    this.release(id);
    this.table.setExpire(id, 0);
    this.table.remove(id);
  }

  /** Drop every key; values are released through their owners (demoted ones by dropping their records). */
  clear(): void {
    this.preImage.hook?.table(this.table);
    this.table.scan(0, Number.MAX_SAFE_INTEGER, (id) => this.release(id));
    this.table.clear();
  }

  /** Active expiry: sample keys with a TTL and delete the expired ones (Redis's adaptive cycle, simplified). */
  expireCycle(now: number, maxSamples: number): number {
    let deleted = 0;
    for (let i = 0; i < maxSamples && this.table.volatileCount() > 0; i++) {
      const id = this.table.randomVolatile();
      if (this.table.expire(id) <= now) {
        this.expire(id);
        deleted++;
      }
    }
    return deleted;
  }

  /** Delete a key whose time has passed (lazily or actively): the `expired` event. */
  expire(id: number): void {
    this.removeLazilyIf(this.lazyfree.expire, id, NOTIFY_EXPIRED, "expired", KEY_EXPIRED);
    this.expiredKeys++;
  }

  /** Delete a key to free memory (maxmemory eviction): the `evicted` event. */
  evict(id: number): void {
    this.removeLazilyIf(this.lazyfree.eviction, id, NOTIFY_EVICTED, "evicted", KEY_EXPIRED | KEY_EVICTED);
  }

  /**
   * remove(), raising `event` about the key and telling the keyspace's write funnel (WATCH) that it changed;
   * its name is copied only when someone listens.
   */
  /** removeRaising, the value freed as lazily as Redis would when `lazy` (a lazyfree-lazy-* config) is on. */
  private removeLazilyIf(lazy: boolean, id: number, cls: number, event: string, how: number): void {
    if (!lazy) return this.removeRaising(id, cls, event, how);
    this.lazyfree.active++;
    try {
      this.removeRaising(id, cls, event, how);
    } finally {
      this.lazyfree.active--;
    }
  }

  private removeRaising(id: number, cls: number, event: string, how: number): void {
    if (!this.events.listenedTo(cls) && !this.expiries.listening) {
      this.remove(id);
      return;
    }
    const key = this.table.keyBuffer(id);
    this.remove(id);
    this.expiries.written(this.index, key, 0, key.length, how);
    this.events.notify(cls, event, this.index, key);
  }

  /** Release entry `id`'s value, still bound to it; `lazy`: where Redis would free it in the background. */
  private release(id: number, lazy = this.lazyfree.active !== 0): void {
    const type = this.types.get(this.table.type(id));
    type.keys--;
    const bytes = this.table.hotSize(id); // before drop() forgets it
    if (this.tiers.drop(this.table, id)) return;
    const handle = this.table.handle(id);
    if (lazy) this.lazyfree.freeing(type.owner, type.local, handle, bytes);
    type.owner.free(type.local, handle);
  }
}
