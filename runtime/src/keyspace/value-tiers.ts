// What the keyspace needs from the storage tiers that hold its values (ADR 0022): the Database admits,
// re-measures and drops a value as it binds and releases it, and reads a handle through the tiers (which
// promote a demoted value first). The tiers live above the keyspace (tiers/), so the keyspace declares
// this interface and the composition root (server/) makes the Tiering and passes it in.
import type { KeyTable } from "./key-table.js";
import type { TypeOwner } from "./value-types.js";

/** What the tiers read of the keyspace: every database's table, when choosing what to demote. */
export interface TieredTables {
  tables(): KeyTable[];
}

export interface ValueTiers {
  /** A hot value was just bound to entry `id`: count its bytes (`known` ≥ 0, else measured by its owner). */
  admit(table: KeyTable, id: number, known?: number): void;
  /** Entry `id` is about to lose its value: true when the tiers dropped it, false when its owner must free it. */
  drop(table: KeyTable, id: number): boolean;
  /** The owner's handle for entry `id`, promoted first if demoted. `write`: the caller will change it. */
  value(table: KeyTable, id: number, write: boolean, caller?: TypeOwner): number;
  /** Entry `id`'s value in its type's serialized form, without promoting it. */
  serialized(table: KeyTable, id: number): Buffer;
  /**
   * The encver of that serialized form: the type's own for a hot value, the one recorded at demotion for
   * a demoted value (it may be older than the type's after a MODULE RELOAD).
   */
  serializedEncver(table: KeyTable, id: number): number;
  isHot(table: KeyTable, id: number): boolean;
  /** Accesses should move LFU counters: demotion, which ranks by them, is near. */
  nearBudget(): boolean;
  /** The keyspace hands the tiers its tables once, as it is made. */
  attach(tables: TieredTables): void;
}

/**
 * Filled by declaration merging from tiers/tiering.ts (`tiers: Tiering`), so that `Keyspace.tiers` keeps
 * the full Tiering type for the layers above (INFO, MEMORY, snapshots) without keyspace/ importing it.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging
export interface KeyspaceBindings {}
export type KeyspaceTiers = KeyspaceBindings extends { tiers: infer T extends ValueTiers } ? T : ValueTiers;
