// The `ferrite.*` imports one plugin instance is linked with: host API v1 as host-api/abi.json defines
// it. Typed against the generated HostImports, so a missing or mistyped import fails the build.
import { randomFillSync } from "node:crypto";
import { Status, type HostImports } from "./abi.generated.js";
import { ctx } from "./call-context.js";
import { PluginAbort, refuel } from "./sandbox.js";
import { encodeDump, decodeDump } from "./dump-payload.js";
import { globMatch } from "../keyspace/glob.js";
import type { Plugin } from "./plugin.js";
import type { Keyspace } from "../keyspace/keyspace.js";
import type { CommandTable } from "../command/command-table.js";
import { callCommand, type InnerCallGate } from "./call-command.js";
import { log, type LogLevel } from "../log.js";
import { listenedTo, notify, subscribePlugin, NOTIFY_GENERIC, NOTIFY_KEY_MISS, NOTIFY_NEW } from "../notifications/index.js";
import { untrackedObjectField } from "../memory/object-policy.js";
import { countLookup } from "../observability/keyspace-stats.js";
import { preImage } from "../persistence/pre-image.js";
import { noteExpiry } from "../persistence/propagate.js";
import { pageImports } from "../tiers/page-imports.js";

const KEEPTTL = 1, NX = 2, XX = 4;
const WRITE = 1, NOTOUCH = 2;
const REPLACE = 1, ABSTTL = 2;
const LEVELS: LogLevel[] = ["debug", "verbose", "notice", "warning"];

/** AssemblyScript strings: UTF-16LE with their byte length in the u32 before the pointer. */
function readAsString(p: Plugin, ptr: number): string {
  if (ptr === 0) return "";
  const mem = p.view();
  const len = new DataView(mem.buffer).getUint32(ptr - 4, true);
  return Buffer.from(mem.buffer, ptr, len).toString("utf16le");
}

/** What a plugin's imports reach beyond the plugin itself. */
export interface HostServices {
  keyspace: Keyspace;
  commands: CommandTable;
  /** Checks the commands it runs through call_command as the server checks a client's. */
  calls: InnerCallGate;
}

export function hostImports(p: Plugin, host: HostServices): HostImports {
  const ks = host.keyspace;
  /** Entry id of the key named in plugin memory, in the calling client's database (-1: absent or expired). */
  const liveKey = (kp: number, kl: number) => ctx.db.lookup(p.view(), kp, kl, ctx.now);
  /** A generic event the host raises for the key named in plugin memory (ADR 0006: who emits what). */
  const generic = (event: string, kp: number, kl: number, db = ctx.dbIndex) => notify(NOTIFY_GENERIC, event, db, p.view(), kp, kl);
  /** Redis's lookupKeyRead: a read that finds nothing raises `keymiss` (class m). */
  const keyMiss = (kp: number, kl: number) => notify(NOTIFY_KEY_MISS, "keymiss", ctx.dbIndex, p.view(), kp, kl);
  /** Redis replaces a key by deleting it and adding it again (RENAME, COPY, RESTORE): `new` either way. */
  const recreated = (kp: number, kl: number, db = ctx.dbIndex) => notify(NOTIFY_NEW, "new", db, p.view(), kp, kl);
  const keyScratch = { buf: Buffer.alloc(256) };
  /** key_object answers UNTRACKED only to plugins built for 1.2+; older ones keep their numbers. */
  const objectPolicyErrors = Number(p.manifest.abi.split(".")[1]) >= 2;

  function keyBytesOf(db: { table: { keyLength(id: number): number; copyKey(id: number, dst: Uint8Array, off: number): void } }, id: number): Buffer {
    const len = db.table.keyLength(id);
    if (keyScratch.buf.length < len) keyScratch.buf = Buffer.alloc(len * 2);
    db.table.copyKey(id, keyScratch.buf, 0);
    return keyScratch.buf.subarray(0, len);
  }

  /**
   * key_set and key_put: bind `handle` to the key. The previous value is released, or with `handBack`
   * returned when its owner is the caller (same type, in plugin memory); otherwise the result is BOUND.
   * EXISTS / MISSING: NX / XX refused. `bytes`: the value's size, -1 to ask the type's callback.
   */
  function bind(kp: number, kl: number, type: number, handle: number, flags: number, bytes: number, handBack: boolean): number {
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
    ks.keyModified(ctx.dbIndex, mem, kp, kl);
    ks.blocking.signal(ctx.dbIndex, mem, kp, kl);
    return old >= 0 ? old : Status.BOUND;
  }

  return {
    reply_simple: (ptr, len) => {
      ctx.replies.item();
      ctx.writer.simple(Buffer.from(p.view().buffer, ptr, len).toString("utf8"));
    },
    reply_ok: () => {
      ctx.replies.item();
      ctx.writer.ok();
    },
    reply_error: (ptr, len) => {
      ctx.replies.item();
      ctx.writer.error(Buffer.from(p.view().buffer, ptr, len).toString("utf8"));
    },
    reply_int: (v) => {
      ctx.replies.item();
      ctx.writer.bigint(v);
    },
    reply_small_int: (v) => {
      ctx.replies.item();
      ctx.writer.int(v);
    },
    reply_bulk: (ptr, len) => {
      ctx.replies.item();
      ctx.writer.bulk(p.view(), ptr, len);
    },
    reply_null: () => {
      ctx.replies.item();
      ctx.writer.null();
    },
    reply_null_array: () => {
      ctx.replies.item();
      ctx.writer.nullArray();
    },
    reply_array: (n) => {
      if (n === -1) ctx.replies.item(); // `*-1`, RESP2's null array
      else ctx.replies.open(n);
      ctx.writer.array(n);
    },
    reply_map: (n) => {
      ctx.replies.open(n < 0 ? n : n * 2); // RESP2 writes the pairs as one flat array
      ctx.writer.map(n);
    },
    reply_set: (n) => {
      ctx.replies.open(n);
      ctx.writer.set(n);
    },
    reply_double: (v) => {
      ctx.replies.item();
      ctx.writer.double(v);
    },
    reply_double_text: (ptr, len) => {
      ctx.replies.item();
      ctx.writer.doubleText(Buffer.from(p.view().buffer, ptr, len).toString("latin1"));
    },
    reply_bool: (v) => {
      ctx.replies.item();
      ctx.writer.bool(v !== 0);
    },
    reply_big_number: (ptr, len) => {
      ctx.replies.item();
      ctx.writer.bigNumber(Buffer.from(p.view().buffer, ptr, len).toString("latin1"));
    },
    reply_verbatim: (ptr, len) => {
      ctx.replies.item();
      ctx.writer.verbatim(Buffer.from(p.view().buffer, ptr, len));
    },
    reply_protocol: () => ctx.writer.proto,

    key_find(kp, kl, type, flags) {
      const db = ctx.db;
      const id = db.lookup(p.view(), kp, kl, ctx.now);
      countLookup(id);
      if (id < 0) {
        if (!(flags & WRITE)) keyMiss(kp, kl);
        return Status.MISSING;
      }
      if (type >= 0 && db.table.type(id) !== p.types[type].id) return Status.WRONGTYPE;
      if (!(flags & NOTOUCH) && !ctx.noTouch) ks.touch(db.table, id, ctx.now);
      // Write intent is the write: the value changes in place, where the host cannot see it (as a Redis
      // module's key opened for writing is signalled modified when closed).
      if (flags & WRITE) {
        preImage.hook?.entry(db.table, id);
        ks.keyModified(ctx.dbIndex, p.view(), kp, kl);
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
      const id = liveKey(kp, kl);
      if (id < 0) return 0;
      ctx.db.remove(id);
      ks.keyModified(ctx.dbIndex, p.view(), kp, kl);
      generic("del", kp, kl);
      return 1;
    },
    key_type(kp, kl) {
      const id = liveKey(kp, kl);
      countLookup(id);
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
      const id = liveKey(kp, kl);
      if (id < 0) return 0;
      const had = ctx.db.table.expire(id) !== 0;
      preImage.hook?.entry(ctx.db.table, id);
      if (at >= 0 && at <= ctx.now) ctx.db.remove(id);
      else ctx.db.table.setExpire(id, at < 0 ? 0 : at);
      noteExpiry(p.view(), kp, kl);
      ks.keyModified(ctx.dbIndex, p.view(), kp, kl);
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
      ks.keyModified(ctx.dbIndex, p.view(), sp, sl);
      ks.keyModified(ctx.dbIndex, p.view(), dp, dl);
      ks.blocking.signal(ctx.dbIndex, p.view(), dp, dl);
      generic("rename_from", sp, sl);
      generic("rename_to", dp, dl);
      return 1;
    },
    key_copy(sp, sl, dp, dl, dbIndex, flags) {
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
      ks.keyModified(target.index, p.view(), dp, dl);
      ks.blocking.signal(target.index, p.view(), dp, dl);
      generic("copy_to", dp, dl, target.index);
      return 1;
    },
    key_move(kp, kl, dbIndex) {
      const target = ks.databases[dbIndex];
      if (!target || dbIndex < 0) return Status.BADDB;
      const mem = p.view();
      const src = ctx.db.lookup(mem, kp, kl, ctx.now);
      if (src < 0 || target.lookup(mem, kp, kl, ctx.now) >= 0) return 0;
      const moved = ctx.db.take(src);
      const id = target.insert(p.view(), kp, kl, moved.typeId, moved.handle, ctx.now);
      target.table.setExpire(id, moved.expire);
      ks.keyModified(ctx.dbIndex, p.view(), kp, kl);
      ks.keyModified(dbIndex, p.view(), kp, kl);
      ks.blocking.signal(dbIndex, p.view(), kp, kl);
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
      return ctx.setResult(encodeDump(value, type.spec.name, type.spec.encver));
    },
    key_restore(kp, kl, pp, pl, ttl, flags) {
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
          ks.keyModified(ctx.dbIndex, key, 0, key.length);
          notify(NOTIFY_GENERIC, "del", ctx.dbIndex, key);
        }
        type.owner.free(type.local, handle);
        return 1;
      }
      const id = existing >= 0 ? existing : ctx.db.insert(key, 0, key.length, type.id, handle, ctx.now);
      if (existing >= 0) {
        ctx.db.replace(id, type.id, handle);
        notify(NOTIFY_NEW, "new", ctx.dbIndex, key);
      }
      ctx.db.table.setExpire(id, at);
      if (at !== 0 && !(flags & ABSTTL)) noteExpiry(key, 0, key.length);
      ks.keyModified(ctx.dbIndex, key, 0, key.length);
      ks.blocking.signal(ctx.dbIndex, key, 0, key.length);
      notify(NOTIFY_GENERIC, "restore", ctx.dbIndex, key);
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
          const untracked = objectPolicyErrors ? untrackedObjectField(ks.memory.policy, field) : null;
          if (untracked) {
            ctx.setResult(Buffer.from(untracked, "latin1"));
            return Status.UNTRACKED;
          }
          return field === 1 ? table.lfu(id, ctx.now, ks.lfuDecayTime) : Math.floor(table.idleMs(id, ctx.now) / 1000);
        }
        default: return 1;
      }
    },
    key_scan(cursor, pp, pl, tp, tl, count) {
      const db = ctx.db;
      const mem = p.view();
      // Like Redis, a lone "*" skips matching (the glob itself would not match the empty key).
      const pattern = pl > 0 && !(pl === 1 && mem[pp] === 0x2a) ? Buffer.from(mem.subarray(pp, pp + pl)) : null;
      const typeName = tl > 0 ? Buffer.from(mem.subarray(tp, tp + tl)).toString("latin1") : "";
      const wanted = typeName ? ks.types.named(typeName)?.id ?? -1 : 0;
      let out = ctx.reserveResult(4);
      let len = 4;
      let n = 0;
      const next = db.table.scan(cursor, count <= 0 ? Number.MAX_SAFE_INTEGER : count, (id) => {
        if (wanted !== 0 && db.table.type(id) !== wanted) return;
        const at = db.table.expire(id);
        if (at !== 0 && at <= ctx.now) return;
        const key = keyBytesOf(db, id);
        if (pattern && !globMatch(pattern, 0, pattern.length, key, 0, key.length)) return;
        out = ctx.reserveResult(len + 4 + key.length);
        out.writeUInt32LE(key.length, len);
        key.copy(out, len + 4);
        len += 4 + key.length;
        n++;
      });
      out.writeUInt32LE(n, 0);
      ctx.resultLen = len;
      return next;
    },
    key_random() {
      const db = ctx.db;
      for (let tries = 0; tries < 100 && db.size > 0; tries++) {
        const id = db.table.randomEntry();
        const at = db.table.expire(id);
        if (at !== 0 && at <= ctx.now) {
          db.expire(id);
          continue;
        }
        return ctx.setResult(keyBytesOf(db, id));
      }
      return Status.MISSING;
    },
    ...pageImports(p, ks),
    db_size: () => ctx.db.size,
    db_current: () => ctx.dbIndex,
    db_count: () => ks.databases.length,

    result_read: (dst) => p.view().set(ctx.result.subarray(0, ctx.resultLen), dst),
    result_len: () => ctx.resultLen,
    save_write(ptr, len) {
      if (!ctx.saveChunks) throw new PluginAbort("save_write called outside ferrite_type_save or ferrite_aux_save");
      ctx.saveChunks.push(Buffer.from(p.view().subarray(ptr, ptr + len)));
    },
    block_on_keys(first, last, step, timeoutMs, flags, dp, dl) {
      if (!ctx.canBlock) return 0;
      const data = ks.blocking.rerun?.data ?? Buffer.from(p.view().subarray(dp, dp + dl));
      ks.blocking.request = { first, last, step, timeoutMs, flags, data };
      return 1;
    },
    block_context() {
      const bc = ks.blocking.rerun;
      return bc ? ctx.setResult(bc.data) : -1;
    },
    call_command: (argv, argc, flags) => callCommand(p, host.commands, host.calls, argv, argc, flags),
    key_signal_ready: (kp, kl) => ks.blocking.signal(ctx.dbIndex, p.view(), kp, kl),
    event_emit(cls, ep, el, kp, kl) {
      if (!listenedTo(cls)) return;
      notify(cls, Buffer.from(p.view().subarray(ep, ep + el)), ctx.dbIndex, p.view(), kp, kl);
    },
    event_subscribe: (classes) => subscribePlugin(p, classes),
    time_ms: () => ctx.now,
    time_us: () => ctx.micros(),
    random_fill: (ptr, len) => void randomFillSync(p.view(), ptr, len),
    log: (level, ptr, len) =>
      log(LEVELS[level] ?? "notice", `<${p.name}> ${Buffer.from(p.view().buffer, ptr, len).toString("utf8")}`),
    abort(msg, file, line, column) {
      const where = file ? ` at ${readAsString(p, file)}:${line}:${column}` : "";
      throw new PluginAbort(`${readAsString(p, msg) || "abort"}${where}`);
    },
    fuel: refuel,
  };
}
