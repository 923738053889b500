// The copy-on-write hook of a background snapshot (persistence/bg-snapshot.ts): the keyspace calls it just
// before a key's value or expiry changes in place, is replaced or removed, so a snapshot in progress can
// save the value as it was at its point in time first. One per keyspace; its hook is null while no
// snapshot runs.
import type { KeyTable } from "./key-table.js";

export interface PreImageHook {
  /** Entry `id` of `table` is about to change. */
  entry(table: KeyTable, id: number): void;
  /** Every entry of `table` is about to go (FLUSHDB, FLUSHALL). */
  table(table: KeyTable): void;
}

export interface PreImage {
  hook: PreImageHook | null;
}
