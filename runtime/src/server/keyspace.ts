// All databases and the value-type registry: what host imports and keyspace commands operate on.
import { Database } from "../keyspace/database.js";
import { ValueTypes } from "../keyspace/value-types.js";
import { Blocking } from "./blocking.js";
import { Tiering, type TierSettings } from "../tiers/tiering.js";
import { UNBOUNDED_TIERS } from "../tiers/settings.js";

export class Keyspace {
  readonly types = new ValueTypes();
  /** Clients blocked on keys: here because every write to a key may wake them. */
  readonly blocking = new Blocking();
  readonly databases: Database[];
  /** Hot / warm / cold storage of every database's values. */
  readonly tiers: Tiering;
  lfuLogFactor = 10;
  lfuDecayTime = 1;
  /** Writes since start (INFO's rdb_changes_since_last_save will build on it). */
  dirty = 0;

  constructor(count: number, tierSettings: TierSettings = UNBOUNDED_TIERS) {
    this.tiers = new Tiering(this.types, tierSettings);
    this.databases = Array.from({ length: count }, (_, i) => new Database(i, this.types, this.tiers));
    this.tiers.attach({ tables: () => this.databases.map((db) => db.table) });
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
