// The keyspace imports: the calling client's database as a whole — SCAN, RANDOMKEY, DBSIZE, SELECT's index,
// the number of databases.
import { Status, type HostImports } from "../abi.generated.js";
import type { Plugin } from "../plugin.js";
import type { HostServices } from "../host-services.js";
import { globMatch } from "../../keyspace/glob.js";

export function keyspaceImports(p: Plugin, host: HostServices): Pick<HostImports, "key_scan" | "key_random" | "db_size" | "db_current" | "db_count"> {
  const { ctx, keyspace: ks } = host;
  const keyScratch = { buf: Buffer.alloc(256) };
  function keyBytesOf(db: { table: { keyLength(id: number): number; copyKey(id: number, dst: Uint8Array, off: number): void } }, id: number): Buffer {
    const len = db.table.keyLength(id);
    if (keyScratch.buf.length < len) keyScratch.buf = Buffer.alloc(len * 2);
    db.table.copyKey(id, keyScratch.buf, 0);
    return keyScratch.buf.subarray(0, len);
  }

  return {
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
    db_size: () => ctx.db.size,
    db_current: () => ctx.dbIndex,
    db_count: () => ks.databases.length,

  };
}
