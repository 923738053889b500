// The one funnel for key writes (issue 12, ADR 0022): every host path that changes a key reports it once,
// through Keyspace.written(db, key, how), as Valkey's setKey → signalModifiedKey does. What cares about
// writes listens there instead of being called by each host import in a row.
//
// Listeners run in this fixed order, whatever order they started listening in (LISTEN_ORDER):
//   1. WATCH invalidation (transactions/watched-keys.ts): a later listener may run commands, EXEC must
//      already know its keys changed;
//   2. plugin-debug-write-intent (keyspace/read-only-opens.ts): a key written is no longer "opened read-only";
//   3. the AOF's notes (persistence/aof-key-notes.ts): keys whose expiry was set from a relative time,
//      keys evicted;
//   4. blocked clients (server/blocking.ts): keys that now hold a value, or were deleted, wake their
//      waiters, served after the command; so does a database emptied or swapped;
//   5. client-side caching (tracking/tracking.ts): clients that read the key are told it changed.
// Not listeners, and why:
//   - keyspace events are raised where the event's name is known (the command's `hset`, the host's `del`,
//     `rename_from`…), through the KeyEvents the keyspace was given (Redis: notifyKeyspaceEvent is a call
//     of its own too);
//   - the snapshot pre-image must see the value *before* it changes: Database calls keyspace.preImage
//     first (pre-image.ts);
//   - tiering holds the values themselves: the Database admits, re-measures and drops them as it binds
//     and releases (tiers/tiering.ts), and a key opened for writing is queued for re-measuring there.
// A write costs one length check while nothing listens.

/** `how` bits: what a write did. */
/** The key's value, existence or expiry changed, or it was opened for writing (its in-place change follows): the dataset is dirty. */
export const KEY_CHANGED = 1;
/** A value was stored under the key (set, renamed or copied to, restored): clients blocked on it may be served. */
export const KEY_STORED = 2;
/** Its expiry was set from a relative time: the AOF logs the absolute one after the command. */
export const EXPIRY_SET = 4;
/** The host deleted it: its time passed (lazily or actively) or memory ran out (eviction). A change for WATCH, not a write of the dataset. */
export const KEY_EXPIRED = 8;
/** With KEY_EXPIRED: it was evicted to free memory (maxmemory): the AOF logs a DEL. */
export const KEY_EVICTED = 16;

/** The host deleted it on a command's behalf (DEL, UNLINK, a plugin's key_delete): clients blocked on it run again, and a command that needs the key itself fails (Redis's signalDeletedKeyAsReady). */
export const KEY_DELETED = 32;

/** The listeners' places in the funnel (see above). */
export const LISTEN_ORDER = { watch: 0, writeIntent: 1, aof: 2, blockedClients: 3, tracking: 4 } as const;

export interface KeyListener {
  /** Key key[off, off + len) of database `db` was written (`how`: bits above). The bytes are valid during the call only. */
  written(db: number, key: Uint8Array, off: number, len: number, how: number): void;
  /** Database `db`'s keys are about to be replaced: emptied (`by` = -1: FLUSHDB, FLUSHALL) or swapped with database `by`'s (SWAPDB). */
  databaseReplaced(db: number, by: number): void;
}

/** What a database needs to report the keys it expires itself. */
export interface ExpiryReport {
  /** Whether anyone listens: a database copies an expiring key's bytes only then. */
  readonly listening: boolean;
  /** CLIENT PAUSE holds expiry (Redis's PAUSE_ACTION_EXPIRE): an expired key reads as absent but stays. */
  readonly expiryPaused: boolean;
  written(db: number, key: Uint8Array, off: number, len: number, how: number): void;
}
