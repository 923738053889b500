// The key imports: find, bind, delete, expire, rename, copy, move, dump and restore one key of the calling
// client's database. Every change goes through the keyspace's write funnel once (keyspace/key-listener.ts),
// and raises the keyspace event Redis raises for it (ADR 0006: who emits what).
import { Status, type HostImports } from "../abi.generated.js";
import { encodeDump, decodeDump } from "../dump-payload.js";
import type { Plugin } from "../plugin.js";
import type { HostServices } from "../host-services.js";
import { EXPIRY_SET, KEY_CHANGED, KEY_DELETED, KEY_STORED } from "../../keyspace/key-listener.js";
import { NOTIFY_GENERIC, NOTIFY_KEY_MISS, NOTIFY_NEW } from "../../config/event-classes.js";
import { untrackedObjectField } from "./object-policy.js";
import { PluginAbort } from "../sandbox.js";

const KEEPTTL = 1, NX = 2, XX = 4;
const WRITE = 1, NOTOUCH = 2;
const REPLACE = 1, ABSTTL = 2;

export function keyImports(p: Plugin, host: HostServices): Pick<HostImports, "key_find" | "key_set" | "key_put" | "key_delete" | "key_type" | "key_get_expire" | "key_set_expire" | "key_touch" | "key_set_access" | "key_rename" | "key_copy" | "key_move" | "key_dump" | "key_restore" | "key_object"> {
  const { ctx, keyspace: ks, events } = host;
  /** Entry id of the key named in plugin memory, in the calling client's database (-1: absent or expired). */
  const liveKey = (kp: number, kl: number) => ctx.db.lookup(p.view(), kp, kl, ctx.now);
  /** A generic event the host raises for the key named in plugin memory (ADR 0006: who emits what). */
  const generic = (event: string, kp: number, kl: number, db = ctx.dbIndex) => events.notify(NOTIFY_GENERIC, event, db, p.view(), kp, kl);
  /** Redis's lookupKeyRead: a read that finds nothing raises `keymiss` (class m). */
  const keyMiss = (kp: number, kl: number) => events.notify(NOTIFY_KEY_MISS, "keymiss", ctx.dbIndex, p.view(), kp, kl);
  /** Redis replaces a key by deleting it and adding it again (RENAME, COPY, RESTORE): `new` either way. */
  const recreated = (kp: number, kl: number, db = ctx.dbIndex) => events.notify(NOTIFY_NEW, "new", db, p.view(), kp, kl);
  /** key_object answers UNTRACKED only to plugins built for 1.2+; older ones keep their numbers. */
  const objectPolicyErrors = Number(p.manifest.abi.split(".")[1]) >= 2;
  /** A function run for plugin_call is read-only (host API 1.8): a write fails it like abort. */
  const writable = (what: string) => {
    if (ctx.inFunction > 0) throw new PluginAbort(`${what}: a function called through plugin_call is read-only`);
  };

  /**
   * key_set and key_put: bind `handle` to the key. The previous value is released, or with `handBack`
   * returned when its owner is the caller (same type, in plugin memory); otherwise the result is BOUND.
   * EXISTS / MISSING: NX / XX refused. `bytes`: the value's size, -1 to ask the type's callback.
   */
  function bind(kp: number, kl: number, type: number, handle: number, flags: number, bytes: number, handBack: boolean): number {
    writable(handBack ? "key_put" : "key_set");
    const db = ctx.db;
    const mem = p.view(); // valid throughout: the host does not grow plugin memory here
    const id = db.lookup(mem, kp, kl, ctx.now);
    let old = -1;
    if (id >= 0) {
      if (flags & NX) return Status.EXISTS;
      old = db.replace(id, p.types[type].id, handle, bytes, handBack);
      if (!(flags & KEEPTTL)) db.table.setExpire(id, 0);
      if (!ctx.noTouch) ks.touch(db.table, id, ctx.now);
    } else {
      if (flags & XX) return Status.MISSING;
      db.insert(mem, kp, kl, p.types[type].id, handle, ctx.now, bytes);
    }
    ks.written(ctx.dbIndex, mem, kp, kl, KEY_CHANGED | KEY_STORED);
    return old >= 0 ? old : Status.BOUND;
  }

  return {
    key_find(kp, kl, type, flags) {
      const db = ctx.db;
      const id = db.lookup(p.view(), kp, kl, ctx.now);
      if (ctx.lookupStats) ks.stats.count(id);
      if (id < 0) {
        if (!(flags & WRITE)) keyMiss(kp, kl);
        return Status.MISSING;
      }
      if (type >= 0 && db.table.type(id) !== p.types[type].id) return Status.WRONGTYPE;
      if (!(flags & NOTOUCH) && !ctx.noTouch) ks.touch(db.table, id, ctx.now);
      // Write intent is the write: the value changes in place, where the host cannot see it (as a Redis
      // module's key opened for writing is signalled modified when closed).
      if (flags & WRITE) {
        writable("key_find for writing");
        ks.preImage.hook?.entry(db.table, id);
        ks.written(ctx.dbIndex, p.view(), kp, kl, KEY_CHANGED);
      }
      const handle = db.value(id, (flags & WRITE) !== 0, p);
      // After db.value, which promotes a demoted value: compared with what its type saves of it in
      // memory, not with the tier's bytes (a type's load and save need not round-trip byte for byte).
      if (!(flags & WRITE) && ks.readOnlyOpens !== null)
        ks.readOnlyOpens.opening(p.name, db, id, Buffer.from(p.view().subarray(kp, kp + kl)).toString("latin1"));
      return handle;
    },
    key_set: (kp, kl, type, handle, flags) => (bind(kp, kl, type, handle, flags, -1, false) === Status.BOUND ? 1 : 0),
    key_put: (kp, kl, type, handle, flags, bytes) =>
      bind(kp, kl, type, handle, flags, bytes >= 0 && bytes < 2 ** 32 ? Math.floor(bytes) : -1, true),
    key_delete(kp, kl) {
      writable("key_delete");
      const id = liveKey(kp, kl);
      if (id < 0) return 0;
      ctx.db.remove(id);
      ks.written(ctx.dbIndex, p.view(), kp, kl, KEY_CHANGED | KEY_DELETED);
      generic("del", kp, kl);
      return 1;
    },
    key_type(kp, kl) {
      const id = liveKey(kp, kl);
      if (ctx.lookupStats) ks.stats.count(id);
      if (id < 0) {
        keyMiss(kp, kl);
        return Status.MISSING;
      }
      return ctx.setResult(Buffer.from(ks.types.get(ctx.db.table.type(id)).spec.name, "latin1"));
    },
    key_get_expire(kp, kl) {
      const id = liveKey(kp, kl);
      if (id < 0) return -2;
      const at = ctx.db.table.expire(id);
      return at === 0 ? -1 : at;
    },
    key_set_expire(kp, kl, at) {
      writable("key_set_expire");
      const id = liveKey(kp, kl);
      if (id < 0) return 0;
      const had = ctx.db.table.expire(id) !== 0;
      ks.preImage.hook?.entry(ctx.db.table, id);
      if (at >= 0 && at <= ctx.now) ctx.db.remove(id);
      else ctx.db.table.setExpire(id, at < 0 ? 0 : at);
      ks.written(ctx.dbIndex, p.view(), kp, kl, KEY_CHANGED | EXPIRY_SET);
      if (at >= 0) generic(at <= ctx.now ? "del" : "expire", kp, kl);
      else if (had) generic("persist", kp, kl);
      return 1;
    },
    key_touch(kp, kl) {
      const id = liveKey(kp, kl);
      if (id < 0) {
        keyMiss(kp, kl);
        return 0;
      }
      ks.touch(ctx.db.table, id, ctx.now);
      return 1;
    },
    key_set_access(kp, kl, idleSeconds, freq) {
      const id = liveKey(kp, kl);
      if (id < 0) return 0;
      const table = ctx.db.table;
      const lastAccess = idleSeconds >= 0 ? ctx.now - idleSeconds * 1000 : ctx.now - table.idleMs(id, ctx.now);
      table.setAccess(id, lastAccess, freq);
      return 1;
    },
    key_rename(sp, sl, dp, dl, flags) {
      writable("key_rename");
      const db = ctx.db;
      const mem = p.view();
      const src = db.lookup(mem, sp, sl, ctx.now);
      if (src < 0) return Status.MISSING;
      const dst = db.lookup(mem, dp, dl, ctx.now);
      if (dst === src) return (flags & NX) ? 0 : 1;
      if (dst >= 0 && (flags & NX)) return 0;
      const moved = db.take(src);
      if (dst >= 0) {
        db.replace(dst, moved.typeId, moved.handle);
        db.table.setExpire(dst, moved.expire);
        recreated(dp, dl);
      } else {
        const id = db.insert(p.view(), dp, dl, moved.typeId, moved.handle, ctx.now);
        db.table.setExpire(id, moved.expire);
      }
      ks.written(ctx.dbIndex, p.view(), sp, sl, KEY_CHANGED);
      ks.written(ctx.dbIndex, p.view(), dp, dl, KEY_CHANGED | KEY_STORED);
      generic("rename_from", sp, sl);
      generic("rename_to", dp, dl);
      return 1;
    },
    key_copy(sp, sl, dp, dl, dbIndex, flags) {
      writable("key_copy");
      const target = dbIndex < 0 ? ctx.db : ks.databases[dbIndex];
      if (!target) return Status.BADDB;
      const mem = p.view();
      const src = ctx.db.lookup(mem, sp, sl, ctx.now);
      if (src < 0) return Status.MISSING;
      const dst = target.lookup(mem, dp, dl, ctx.now);
      if (dst >= 0 && !(flags & REPLACE)) return 0;
      if (dst === src && target === ctx.db) return 1;
      const type = ks.types.get(ctx.db.table.type(src));
      const expire = ctx.db.table.expire(src);
      const handle = type.owner.copy(type.local, ctx.db.value(src));
      if (dst >= 0) {
        target.replace(dst, type.id, handle);
        target.table.setExpire(dst, expire);
        recreated(dp, dl, target.index);
      } else {
        const id = target.insert(p.view(), dp, dl, type.id, handle, ctx.now);
        target.table.setExpire(id, expire);
      }
      ks.written(target.index, p.view(), dp, dl, KEY_CHANGED | KEY_STORED);
      generic("copy_to", dp, dl, target.index);
      return 1;
    },
    key_move(kp, kl, dbIndex) {
      writable("key_move");
      const target = ks.databases[dbIndex];
      if (!target || dbIndex < 0) return Status.BADDB;
      const mem = p.view();
      const src = ctx.db.lookup(mem, kp, kl, ctx.now);
      if (src < 0 || target.lookup(mem, kp, kl, ctx.now) >= 0) return 0;
      const moved = ctx.db.take(src);
      const id = target.insert(p.view(), kp, kl, moved.typeId, moved.handle, ctx.now);
      target.table.setExpire(id, moved.expire);
      ks.written(ctx.dbIndex, p.view(), kp, kl, KEY_CHANGED);
      ks.written(dbIndex, p.view(), kp, kl, KEY_CHANGED | KEY_STORED);
      generic("move_from", kp, kl);
      generic("move_to", kp, kl, dbIndex);
      return 1;
    },
    key_dump(kp, kl) {
      const id = liveKey(kp, kl);
      if (id < 0) {
        keyMiss(kp, kl);
        return Status.MISSING;
      }
      const type = ks.types.get(ctx.db.table.type(id));
      const value = ctx.db.serialized(id);
      return ctx.setResult(encodeDump(value, type.spec.name, ctx.db.serializedEncver(id)));
    },
    key_restore(kp, kl, pp, pl, ttl, flags) {
      writable("key_restore");
      const payload = Buffer.from(p.view().subarray(pp, pp + pl)); // the owner's load reuses the arena
      const decoded = decodeDump(payload);
      const type = decoded && ks.types.named(decoded.typeName);
      if (!decoded || !type) return Status.BADPAYLOAD;
      const at = ttl === 0 ? 0 : flags & ABSTTL ? ttl : ctx.now + ttl;
      const key = Buffer.from(p.view().subarray(kp, kp + kl));
      const existing = ctx.db.lookup(key, 0, key.length, ctx.now);
      if (existing >= 0 && !(flags & REPLACE)) return Status.EXISTS;
      const handle = type.owner.load(type.local, decoded.encver, decoded.value);
      if (handle < 0) return Status.BADPAYLOAD;
      if (at !== 0 && at <= ctx.now) {
        // Redis: a RESTORE whose TTL is already in the past deletes the key and stores nothing.
        if (existing >= 0) {
          ctx.db.remove(existing);
          ks.written(ctx.dbIndex, key, 0, key.length, KEY_CHANGED);
          events.notify(NOTIFY_GENERIC, "del", ctx.dbIndex, key);
        }
        type.owner.free(type.local, handle);
        return 1;
      }
      const id = existing >= 0 ? existing : ctx.db.insert(key, 0, key.length, type.id, handle, ctx.now);
      if (existing >= 0) {
        ctx.db.replace(id, type.id, handle);
        events.notify(NOTIFY_NEW, "new", ctx.dbIndex, key);
      }
      ctx.db.table.setExpire(id, at);
      ks.written(ctx.dbIndex, key, 0, key.length, KEY_CHANGED | KEY_STORED | (at !== 0 && !(flags & ABSTTL) ? EXPIRY_SET : 0));
      events.notify(NOTIFY_GENERIC, "restore", ctx.dbIndex, key);
      return 1;
    },
    key_object(kp, kl, field) {
      const id = liveKey(kp, kl);
      if (id < 0) return Status.MISSING;
      const table = ctx.db.table;
      switch (field) {
        case 0: {
          const type = ks.types.get(table.type(id));
          const index = type.owner.encoding(type.local, ctx.db.value(id));
          return ctx.setResult(Buffer.from(type.spec.encodings[index] ?? type.spec.encodings[0], "latin1"));
        }
        case 1:
        case 2: {
          const untracked = objectPolicyErrors ? untrackedObjectField(ks.lfuPolicy, field) : null;
          if (untracked) {
            ctx.setResult(Buffer.from(untracked, "latin1"));
            return Status.UNTRACKED;
          }
          return field === 1 ? table.lfu(id, ctx.now, ks.lfuDecayTime) : Math.floor(table.idleMs(id, ctx.now) / 1000);
        }
        default: return 1;
      }
    },
  };
}
