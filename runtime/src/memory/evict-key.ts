// The one way a key leaves the keyspace because of maxmemory. Whatever must follow an eviction belongs
// here: the `evicted` keyspace event, invalidating WATCHed keys, propagating a DEL to the AOF/replicas.
import type { Database } from "../keyspace/database.js";
import type { Keyspace } from "../server/keyspace.js";

export function evictKey(keyspace: Keyspace, db: Database, id: number): void {
  db.evict(id);
  keyspace.memory.evictedKeys++;
}
