// The one way a key leaves the keyspace because of maxmemory. Whatever must follow an eviction belongs
// here: the `evicted` keyspace event, invalidating WATCHed keys, propagating a DEL to the AOF/replicas.
import type { Database } from "../keyspace/database.js";
import type { Keyspace } from "../server/keyspace.js";

export function evictKey(keyspace: Keyspace, db: Database, id: number): void {
  const memory = keyspace.memory;
  const key = memory.onEvicted ? db.table.keyBuffer(id) : null;
  db.evict(id);
  memory.evictedKeys++;
  if (key) memory.onEvicted!(db.index, key);
}
