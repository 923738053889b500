// The keys whose expiry the running command set from a relative time (SET EX, EXPIRE, RESTORE without
// ABSTTL): after the command, the AOF logs PEXPIREAT with the absolute time for each, so that a replay at
// another time ends with the same expiries (propagate.ts). A listener of the write funnel while the AOF
// is on (keyspace/key-listener.ts); one per server.
import { EXPIRY_SET, type KeyListener } from "../keyspace/key-listener.js";

export class ExpiryNotes implements KeyListener {
  readonly keys: Buffer[] = [];

  written(_db: number, key: Uint8Array, off: number, len: number, how: number): void {
    if (how & EXPIRY_SET) this.keys.push(Buffer.from(key.subarray(off, off + len)));
  }

  databaseReplaced(): void {}

  clear(): void {
    if (this.keys.length !== 0) this.keys.length = 0; // a runtime call, even on an empty array
  }
}
