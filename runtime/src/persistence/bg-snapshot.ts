// A snapshot at a point in time without forking (BGSAVE, the AOF rewrite's base): wasm memories cannot be
// shared with a child process, so the dump runs in the server process, a few milliseconds per event-loop
// turn. At its start the live entry ids of every database are marked pending; each step saves pending
// entries in id order; and a write to a pending entry saves it first through the pre-image hook, so the
// file holds every key exactly as it was at the start. Keys created later are never pending.
import type { KeyTable } from "../keyspace/key-table.js";
import type { Keyspace } from "../keyspace/keyspace.js";
import type { SnapshotWriter } from "./snapshot-writer.js";

interface Pending {
  db: number;
  table: KeyTable;
  bits: Uint8Array;
  cursor: number;
}

/** Time one step may hold the event loop. */
const STEP_MS = 4;

export class BgSnapshot {
  private readonly pending: Pending[] = [];
  private readonly byTable = new Map<KeyTable, Pending>();
  private current = 0;
  private stopped = false;
  /** A save callback that failed inside a write's pre-image: the snapshot fails at its next step. */
  private failure: Error | null = null;
  readonly startedAt = Date.now();

  constructor(private readonly keyspace: Keyspace, private readonly writer: SnapshotWriter, private readonly done: (err: Error | null) => void) {
    for (const db of keyspace.databases) {
      const table = db.table;
      if (table.size === 0) continue;
      const ids: number[] = [];
      let high = 0;
      table.scan(0, Number.MAX_SAFE_INTEGER, (id) => {
        ids.push(id);
        high = id;
      });
      const bits = new Uint8Array((high >> 3) + 1);
      for (const id of ids) bits[id >> 3] |= 1 << (id & 7);
      const p = { db: db.index, table, bits, cursor: 0 };
      this.pending.push(p);
      this.byTable.set(table, p);
    }
    keyspace.preImage.hook = {
      entry: (table, id) => this.saveEarly(table, id),
      table: (table) => this.drain(table),
    };
    setImmediate(() => this.step());
  }

  /** Stop without a file (the AOF was turned off meanwhile, shutdown). */
  cancel(): void {
    if (this.stopped) return;
    this.release();
    this.writer.abort();
  }

  private step(): void {
    if (this.stopped) return;
    const deadline = performance.now() + STEP_MS;
    try {
      if (this.failure) throw this.failure;
      while (this.current < this.pending.length) {
        const p = this.pending[this.current];
        if (!this.advance(p, deadline)) return void setImmediate(() => this.step());
        this.current++;
      }
    } catch (e) {
      this.release();
      this.writer.abort();
      return this.done(e as Error);
    }
    this.release();
    this.writer.finish((err) => this.done(err));
  }

  /** Save pending entries of `p` until the deadline; true when the table is finished. */
  private advance(p: Pending, deadline: number): boolean {
    const bits = p.bits;
    let n = 0;
    for (let id = p.cursor; id < bits.length * 8; id++) {
      if (!(bits[id >> 3] & (1 << (id & 7)))) {
        if (bits[id >> 3] === 0) id |= 7; // skip a cleared byte at once
        continue;
      }
      this.save(p, id);
      if (++n % 64 === 0 && performance.now() > deadline) {
        p.cursor = id + 1;
        return false;
      }
    }
    p.cursor = bits.length * 8;
    return true;
  }

  private save(p: Pending, id: number): void {
    p.bits[id >> 3] &= ~(1 << (id & 7));
    this.writer.addEntry(p.db, p.table, id, this.keyspace);
  }

  // The hooks run inside a client's write: a failure there fails the snapshot, never the write.
  private saveEarly(table: KeyTable, id: number): void {
    const p = this.byTable.get(table);
    if (!p || id >> 3 >= p.bits.length || !(p.bits[id >> 3] & (1 << (id & 7)))) return;
    try {
      this.save(p, id);
    } catch (e) {
      this.failure ??= e as Error;
    }
  }

  private drain(table: KeyTable): void {
    const p = this.byTable.get(table);
    try {
      if (p) this.advance(p, Infinity);
    } catch (e) {
      this.failure ??= e as Error;
    }
  }

  private release(): void {
    this.stopped = true;
    if (this.keyspace.preImage.hook) this.keyspace.preImage.hook = null;
  }
}
