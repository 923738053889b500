// Writes one snapshot file: to a temp file in the target's directory, fsynced, then renamed over the
// target, so a crash at any point leaves either the old snapshot or the new one, never half of one.
import { closeSync, fsync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import type { KeyTable } from "../keyspace/key-table.js";
import type { Keyspace } from "../keyspace/keyspace.js";
import { BlockKind, frameBlock, header, KeysPayload, type BlockOptions, type SnapshotMeta } from "./snapshot-format.js";

/** A KEYS block is cut when its payload passes this: bounds the memory and the time of one write. */
const BLOCK_BYTES = 1 << 20;

let tempSeq = 0;
/** The temp file names below, with the writing process's pid (stale-temp-files.ts reads it). */
export const TEMP_NAME = /^temp-(\d+)-\d+\.fsnap$/;

export class SnapshotWriter {
  private readonly fd: number;
  readonly temp: string;
  private readonly keys = new KeysPayload(0);
  private scratch = Buffer.alloc(256);
  count = 0;
  bytes = 0;

  constructor(readonly target: string, private readonly opts: BlockOptions, meta: SnapshotMeta) {
    this.temp = join(dirname(target), `temp-${process.pid}-${++tempSeq}.fsnap`);
    this.fd = openSync(this.temp, "w");
    try {
      this.write(header());
      this.write(frameBlock(BlockKind.Meta, Buffer.from(JSON.stringify(meta)), opts));
    } catch (e) {
      this.abort();
      throw e;
    }
  }

  /** Save entry `id` of `table` (database `db`): its type's save callback, or its demoted record as it is. */
  addEntry(db: number, table: KeyTable, id: number, keyspace: Keyspace): void {
    const type = keyspace.types.get(table.type(id));
    const value = keyspace.tiers.serialized(table, id);
    const len = table.keyLength(id);
    if (this.scratch.length < len) this.scratch = Buffer.alloc(len * 2);
    table.copyKey(id, this.scratch, 0);
    this.addKey(db, this.scratch.subarray(0, len), type.spec.name, keyspace.tiers.serializedEncver(table, id), table.expire(id), value);
  }

  addKey(db: number, key: Uint8Array, typeName: string, encver: number, expire: number, value: Uint8Array): void {
    if (this.keys.db !== db || this.keys.length >= BLOCK_BYTES) this.flushKeys(db);
    this.keys.add(key, typeName, encver, expire, value);
    this.count++;
  }

  /** END block, fsync, rename. `done` (async form) gets null or the error; without it all is synchronous. */
  finish(done?: (err: Error | null) => void): void {
    try {
      this.flushKeys(0);
      const end = Buffer.alloc(8);
      end.writeDoubleLE(this.count, 0);
      this.write(frameBlock(BlockKind.End, end, this.opts));
    } catch (e) {
      this.abort();
      if (done) return done(e as Error);
      throw e;
    }
    if (!done) {
      try {
        fsyncSync(this.fd);
        this.commit();
      } catch (e) {
        this.abort();
        throw e;
      }
      return;
    }
    // fsync of a large file can take long: off the event loop, on libuv's thread pool.
    fsync(this.fd, (err) => {
      if (!err) {
        try {
          this.commit();
        } catch (e) {
          err = e as NodeJS.ErrnoException;
        }
      }
      if (err) this.abort();
      done(err);
    });
  }

  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    rmSync(this.temp, { force: true });
  }

  private commit(): void {
    closeSync(this.fd);
    renameSync(this.temp, this.target);
  }

  private flushKeys(nextDb: number): void {
    if (this.keys.count > 0) this.write(frameBlock(BlockKind.Keys, this.keys.bytes(), this.opts));
    this.keys.reset(nextDb);
  }

  private write(b: Buffer): void {
    let off = 0;
    while (off < b.length) off += writeSync(this.fd, b, off, b.length - off);
    this.bytes += b.length;
  }
}
