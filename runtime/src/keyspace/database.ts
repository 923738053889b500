// One numbered database: the key table plus what a key's lifetime means to the host — lazy expiry,
// releasing a value through its owning plugin, and per-type key counts.
import { KeyTable } from "./key-table.js";
import type { ValueTypes } from "./value-types.js";
import { listenedTo, notify, NOTIFY_EVICTED, NOTIFY_EXPIRED, NOTIFY_NEW } from "../notifications/index.js";
import { preImage } from "../persistence/pre-image.js";
import type { ExpiryReport } from "./key-listener.js";

/** Checked before the key is touched, so a plugin's bad handle leaves no half-made key behind. */
function checkHandle(handle: number): void {
  if (handle >>> 0 !== handle) throw new RangeError(`value handle ${handle} is not an integer in [0, 2^32)`);
}

export class Database {
  table = new KeyTable();
  expiredKeys = 0;

  constructor(readonly index: number, private readonly types: ValueTypes, private readonly expiries: ExpiryReport) {}

  get size(): number {
    return this.table.size;
  }

  /** Entry id of a live key, deleting it first if its time has passed; -1 when absent. */
  lookup(src: Uint8Array, off: number, len: number, now: number): number {
    const id = this.table.find(src, off, len);
    if (id < 0) return -1;
    const at = this.table.expire(id);
    if (at !== 0 && at <= now) {
      this.expire(id);
      return -1;
    }
    return id;
  }

  /** Bind a new key (caller checked it is absent). */
  insert(src: Uint8Array, off: number, len: number, typeId: number, handle: number, now: number): number {
    checkHandle(handle);
    // Created, not accessed: the LFU counter starts at LFU_INIT_VAL, as a new key's does in Redis.
    const id = this.table.insert(src, off, len, now);
    this.table.setType(id, typeId);
    this.table.setHandle(id, handle);
    this.types.get(typeId).keys++;
    // Redis's dbAdd: every key created, by any command or import, is `new` (RENAME, COPY and RESTORE too).
    notify(NOTIFY_NEW, "new", this.index, src, off, len);
    return id;
  }

  /** Replace a key's value, releasing the old one unless it is the very same value. */
  replace(id: number, typeId: number, handle: number): void {
    checkHandle(handle);
    const oldType = this.table.type(id);
    const oldHandle = this.table.handle(id);
    if (oldType === typeId && oldHandle === handle) return;
    preImage.hook?.entry(this.table, id);
    this.table.setType(id, typeId);
    this.table.setHandle(id, handle);
    this.types.get(typeId).keys++;
    this.release(oldType, oldHandle);
  }

  /** Unbind a key without releasing its value, which the caller moves elsewhere (RENAME, MOVE). */
  take(id: number): { typeId: number; handle: number; expire: number } {
    preImage.hook?.entry(this.table, id);
    const taken = { typeId: this.table.type(id), handle: this.table.handle(id), expire: this.table.expire(id) };
    this.table.setExpire(id, 0);
    this.table.remove(id);
    this.types.get(taken.typeId).keys--;
    return taken;
  }

  remove(id: number): void {
    preImage.hook?.entry(this.table, id);
    const typeId = this.table.type(id);
    const handle = this.table.handle(id);
    this.table.setExpire(id, 0);
    this.table.remove(id);
    this.release(typeId, handle);
  }

  /** Drop every key; values are released through their owners. */
  clear(): void {
    preImage.hook?.table(this.table);
    this.table.scan(0, Number.MAX_SAFE_INTEGER, (id) => this.release(this.table.type(id), this.table.handle(id)));
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
    this.removeRaising(id, NOTIFY_EXPIRED, "expired");
    this.expiredKeys++;
  }

  /** Delete a key to free memory (maxmemory eviction): the `evicted` event. */
  evict(id: number): void {
    this.removeRaising(id, NOTIFY_EVICTED, "evicted");
  }

  /**
   * remove(), raising `event` about the key and telling the keyspace's listeners (WATCH) that it changed;
   * its name is copied only when someone listens.
   */
  private removeRaising(id: number, cls: number, event: string): void {
    if (!listenedTo(cls) && !this.expiries.listening) {
      this.remove(id);
      return;
    }
    const key = this.table.keyBuffer(id);
    this.remove(id);
    this.expiries.keyExpired(this.index, key, 0, key.length);
    notify(cls, event, this.index, key);
  }

  private release(typeId: number, handle: number): void {
    const type = this.types.get(typeId);
    type.keys--;
    type.owner.free(type.local, handle);
  }
}
