// What the keyspace raises keyspace events through (`new`, `expired`, `evicted`, and the host imports'
// generic events): an interface, so that the keyspace and the plugin host below the notifications
// service never import it. The server passes its Notifications (notifications/notify.ts).
export interface KeyEvents {
  /** True when an event of class `cls` would reach anyone (callers skip building what they would pass). */
  listenedTo(cls: number): boolean;
  /** Emit `event` of class `cls` about key[off, off + len) of database `db` (the bytes are copied first). */
  notify(cls: number, event: string | Buffer, db: number, key: Uint8Array, off?: number, len?: number): void;
}

/** For a keyspace no one listens to (unit tests, micro benchmarks). */
export const NO_KEY_EVENTS: KeyEvents = { listenedTo: () => false, notify: () => undefined };
