// What the keyspace tells about changes to keys. Every host path that changes a key reports it through
// Keyspace.keyModified (a write by a command) or keyExpired (lazy and active expiry), as Redis's
// signalModifiedKey; WATCH listens today, keyspace events and AOF can listen the same way.

export interface KeyListener {
  /**
   * Key key[off, off + len) of database `db` was written, deleted, renamed, moved or expired — or opened
   * with write intent (FIND_WRITE), whose in-place change follows. The bytes are valid during the call only.
   */
  keyModified(db: number, key: Uint8Array, off: number, len: number): void;
  /** Database `db`'s keys are about to be replaced: emptied (`by` = -1: FLUSHDB, FLUSHALL) or swapped with database `by`'s (SWAPDB). */
  databaseReplaced(db: number, by: number): void;
}

/** What a database needs to report the keys it expires itself. */
export interface ExpiryReport {
  /** Whether anyone listens: a database copies an expiring key's bytes only then. */
  readonly listening: boolean;
  keyExpired(db: number, key: Uint8Array, off: number, len: number): void;
}
