// The one way a key leaves the keyspace because of maxmemory: Database.evict raises the `evicted` event
// and fails the EXEC of clients WATCHing it; `onEvicted` lets the AOF log a DEL.
import type { Database } from "../keyspace/database.js";
import type { Keyspace } from "../keyspace/keyspace.js";

export function evictKey(keyspace: Keyspace, db: Database, id: number): void {
  const memory = keyspace.memory;
  const key = memory.onEvicted ? db.table.keyBuffer(id) : null;
  db.evict(id);
  memory.evictedKeys++;
  if (key) memory.onEvicted!(db.index, key);
}
