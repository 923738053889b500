// TIER key: which storage tier holds the key's value — "hot" (plugin memory), "warm" (memory-mapped
// segment) or "cold" (segment on disk) — or nil when the key does not exist. Looking does not promote the
// value nor count as an access, like OBJECT.
import type { CoreHandler } from "../command/command-table.js";

export const tierHandlers: Record<string, CoreHandler> = {
  tier(c, s) {
    const db = s.keyspace.databases[c.db];
    const key = c.argBuffer(1);
    const id = db.lookup(key, 0, key.length, Date.now());
    if (id < 0) return c.writer.null();
    c.writer.bulkString(s.keyspace.tiers.tierName(db.table, id));
  },
};
