// All databases and the value-type registry: what host imports and keyspace commands operate on.
import { Database } from "../keyspace/database.js";
import { ValueTypes } from "../keyspace/value-types.js";
import { Blocking } from "./blocking.js";
import { MaxMemory } from "../memory/maxmemory.js";

export class Keyspace {
  readonly types = new ValueTypes();
  /** Clients blocked on keys: here because every write to a key may wake them. */
  readonly blocking = new Blocking();
  readonly databases: Database[];
  readonly memory = new MaxMemory(this);
  lfuLogFactor = 10;
  lfuDecayTime = 1;
  /** Writes since start (INFO's rdb_changes_since_last_save will build on it). */
  dirty = 0;

  constructor(count: number) {
    this.databases = Array.from({ length: count }, (_, i) => new Database(i, this.types));
  }

  keyWritten(): void {
    this.dirty++;
  }

  swap(a: number, b: number): void {
    const da = this.databases[a].table;
    this.databases[a].table = this.databases[b].table;
    this.databases[b].table = da;
  }

  totalKeys(): number {
    let n = 0;
    for (const db of this.databases) n += db.size;
    return n;
  }
}
