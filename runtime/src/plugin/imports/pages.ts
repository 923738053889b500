// Host API 1.2 page access (host-api/abi.json page_info, page_read): a plugin reads part of a demoted
// value's serialized form straight from its segment, without promoting it — GETRANGE on a cold 8 MB
// string reads the pages it needs, not 8 MB.
import { Status } from "../abi.generated.js";
import type { Plugin } from "../plugin.js";
import type { HostServices } from "../host-services.js";

export function pageImports(p: Plugin, host: HostServices) {
  const { ctx, keyspace: ks } = host;
  /** Entry id of a demoted key of the wanted type, or a status. */
  function demoted(kp: number, kl: number, type: number): number {
    const db = ctx.db;
    const id = db.lookup(p.view(), kp, kl, ctx.now);
    if (id < 0) return Status.MISSING;
    if (type >= 0 && db.table.type(id) !== p.types[type].id) return Status.WRONGTYPE;
    ks.touch(db.table, id, ctx.now);
    return ks.tiers.serializedLength(db.table, id) < 0 ? Status.RESIDENT : id;
  }
  return {
    page_info(kp: number, kl: number, type: number): number {
      const id = demoted(kp, kl, type);
      return id < 0 ? id : ks.tiers.serializedLength(ctx.db.table, id);
    },
    page_read(kp: number, kl: number, type: number, offset: number, len: number, dst: number): number {
      const id = demoted(kp, kl, type);
      if (id < 0) return id;
      if (offset < 0 || len < 0) return 0;
      return ks.tiers.readPage(ctx.db.table, id, offset, len, p.view(), dst);
    },
  };
}
