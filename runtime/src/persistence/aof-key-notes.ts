// What the AOF learns from the write funnel while it is on (keyspace/key-listener.ts); one per server:
// - the keys whose expiry the running command set from a relative time (SET EX, EXPIRE, RESTORE without
//   ABSTTL): after the command, the AOF logs PEXPIREAT with the absolute time for each, so that a replay
//   at another time ends with the same expiries (propagate.ts);
// - the keys evicted for maxmemory, logged as a DEL at once (as Redis propagates an eviction).
import { EXPIRY_SET, KEY_EVICTED, type KeyListener } from "../keyspace/key-listener.js";

export class AofKeyNotes implements KeyListener {
  /** Keys whose expiry the running command set. */
  readonly keys: Buffer[] = [];

  /** `evicted`: logs the DEL of an evicted key. */
  constructor(private readonly evicted: (db: number, key: Buffer) => void) {}

  written(db: number, key: Uint8Array, off: number, len: number, how: number): void {
    if (how & EXPIRY_SET) this.keys.push(Buffer.from(key.subarray(off, off + len)));
    if (how & KEY_EVICTED) this.evicted(db, Buffer.from(key.subarray(off, off + len)));
  }

  databaseReplaced(): void {}

  clear(): void {
    if (this.keys.length !== 0) this.keys.length = 0; // a runtime call, even on an empty array
  }
}
