// Tiered storage: the host keeps the plugins' memory (the hot tier) under a budget by demoting the least
// frequently / least recently used values — saved through their type's save callback, freed in the
// plugin, the key's entry then naming a record in a segment file (segments.ts) — and promotes a value back
// (load callback, new handle) the moment anything reads its handle, so plugins and clients never see a
// demoted value. A key's entry keeps its type, TTL and access stats while demoted: TYPE, TTL, EXPIRE,
// EXISTS and DEL never promote, and DEL drops the record without loading it.
//
// Hot bytes are the owners' own measure (ferrite_type_memory), taken when a value is bound and again after
// a command that looked it up with write intent. Demotion runs in slices between event-loop turns and in
// serverCron, never inside a command (a command may hold handles).
import { PluginFailure } from "../plugin/plugin-failure.js";
import { log } from "../log.js";
import type { KeyTable } from "../keyspace/key-table.js";
import type { TieredTables, ValueTiers } from "../keyspace/value-tiers.js";
import type { TypeOwner, ValueTypes } from "../keyspace/value-types.js";
import { Compactor } from "./compaction.js";
import { Records } from "./records.js";
import { COLD, SegmentFiles, WARM } from "./segments.js";

export const HOT = 0;
/** The entry's tier bits while its value is in a segment (warm or cold: the segment says which). */
const DEMOTED = 1;

/** A slice of demotion work: long enough to move many values, short enough not to be felt as latency. */
const SLICE_MS = 3;
/** Random entries looked at to choose one victim (Redis samples 5 for eviction; most may be demoted already). */
const PROBES = 24;
const CANDIDATES = 5;

export interface TierSettings {
  hotMaxBytes(): number;
  warmMaxBytes(): number;
  segmentBytes(): number;
  compactGarbagePercent(): number;
  dir(): string;
}

declare module "../keyspace/value-tiers.js" {
  /** Keyspace.tiers is this Tiering (the keyspace itself knows it only as ValueTiers). */
  interface KeyspaceBindings {
    tiers: Tiering;
  }
}

export class Tiering implements ValueTiers {
  hotBytes = 0;
  demotions = 0;
  promotions = 0;
  /** Value lookups served per tier (index: 0 hot, WARM, COLD). */
  readonly hits = [0, 0, 0];
  pageReads = 0;
  readonly records = new Records();
  readonly files: SegmentFiles;
  readonly compactor: Compactor;
  private keyspace: TieredTables = { tables: () => [] };
  private readonly dirtyTables: KeyTable[] = [];
  private readonly dirtyIds: number[] = [];
  private scheduled = false;
  private lastFileError = 0;
  private readonly scanCursors = new WeakMap<KeyTable, number>();

  constructor(private readonly types: ValueTypes, readonly settings: TierSettings) {
    this.files = new SegmentFiles(settings.dir, settings.segmentBytes);
    this.compactor = new Compactor(this.files, this.records, settings.compactGarbagePercent);
  }

  attach(keyspace: TieredTables): void {
    this.keyspace = keyspace;
  }

  /** A hot value was just bound to entry `id`: count its bytes, measured by its owner unless given (≥ 0). */
  admit(table: KeyTable, id: number, known = -1): void {
    let bytes = known;
    if (bytes < 0) {
      const type = this.types.get(table.type(id));
      bytes = type.owner.memoryUsage(type.local, table.handle(id));
    }
    this.hotBytes += bytes - table.hotSize(id);
    table.setHotSize(id, bytes);
    this.schedule();
  }

  /**
   * Entry `id` is about to lose its value. A demoted value's record is dropped here and true is returned
   * (nothing for its owner to free); a hot value's bytes are uncounted and false tells the caller to free it.
   */
  drop(table: KeyTable, id: number): boolean {
    if (table.tier(id) === HOT) {
      this.hotBytes -= table.hotSize(id);
      table.setHotSize(id, 0);
      return false;
    }
    this.dropRecord(table.handle(id));
    table.setTier(id, HOT);
    return true;
  }

  /** The owner's handle for entry `id`, promoting a demoted value first. `write`: the caller will change it. */
  value(table: KeyTable, id: number, write: boolean, caller?: TypeOwner): number {
    if (table.tier(id) !== HOT) return caller && this.types.get(table.type(id)).owner !== caller ? 0 : this.promote(table, id);
    this.hits[HOT]++;
    const n = this.dirtyIds.length;
    // Once per entry per slice for a key written over and over (a pipelined run of writes to one key).
    if (write && (n === 0 || this.dirtyIds[n - 1] !== id || this.dirtyTables[n - 1] !== table)) {
      this.dirtyTables.push(table);
      this.dirtyIds.push(id);
      this.schedule();
    }
    return table.handle(id);
  }

  /**
   * Hot bytes are at least half the budget: demotion, which ranks values by their LFU counters, is near
   * enough that accesses should move them.
   */
  nearBudget(): boolean {
    const max = this.settings.hotMaxBytes();
    return max > 0 && this.hotBytes * 2 >= max;
  }

  /** Whether entry `id`'s value is in its owner's memory (its handle is the owner's). */
  isHot(table: KeyTable, id: number): boolean {
    return table.tier(id) === HOT;
  }

  /** Entry `id`'s tier as TIER and INFO name it. */
  tierName(table: KeyTable, id: number): string {
    if (table.tier(id) === HOT) return "hot";
    return this.files.get(this.records.seg(table.handle(id))).tier === WARM ? "warm" : "cold";
  }

  /** The serialized length of a demoted value, -1 for a hot one (page access reads demoted values only). */
  serializedLength(table: KeyTable, id: number): number {
    return table.tier(id) === HOT ? -1 : this.records.len(table.handle(id));
  }

  /** Copy up to `len` bytes of a demoted value's serialized form from `offset` into `dst`; returns the count. */
  readPage(table: KeyTable, id: number, offset: number, len: number, dst: Uint8Array, dstOff: number): number {
    const rec = table.handle(id);
    const n = Math.max(0, Math.min(len, this.records.len(rec) - offset));
    if (n > 0) this.files.get(this.records.seg(rec)).read(this.records.off(rec) + offset, n, dst, dstOff);
    this.pageReads++;
    return n;
  }

  /**
   * The value of entry `id` in its type's serialized form, without promoting it: the bytes of a demoted
   * value's record, or the owner's save of a hot one (snapshots and DUMP call this).
   */
  serializedEncver(table: KeyTable, id: number): number {
    return table.tier(id) === HOT ? this.types.get(table.type(id)).spec.encver : this.records.encver(table.handle(id));
  }

  serialized(table: KeyTable, id: number): Buffer {
    if (table.tier(id) === HOT) {
      const type = this.types.get(table.type(id));
      return type.owner.save(type.local, table.handle(id));
    }
    const rec = table.handle(id);
    const out = Buffer.allocUnsafe(this.records.len(rec));
    this.files.get(this.records.seg(rec)).read(this.records.off(rec), out.length, out, 0);
    return out;
  }

  /** Move a demoted value back into its owner's memory; returns its new handle. */
  promote(table: KeyTable, id: number): number {
    const rec = table.handle(id);
    const seg = this.files.get(this.records.seg(rec));
    this.hits[seg.tier]++;
    const type = this.types.get(table.type(id));
    const len = this.records.len(rec);
    const off = this.records.off(rec);
    // A warm record is handed over straight from the mapping; load copies it into the plugin.
    const bytes = seg.map ? seg.map.subarray(off, off + len) : this.serialized(table, id);
    const handle = type.owner.load(type.local, this.records.encver(rec), bytes);
    if (handle < 0 || handle >>> 0 !== handle)
      throw new PluginFailure(`ERR plugin '${type.owner.name}' could not load a value back from the ${seg.tier === WARM ? "warm" : "cold"} tier`);
    this.dropRecord(rec);
    table.setTier(id, HOT);
    table.setHandle(id, handle);
    this.promotions++;
    this.admit(table, id);
    return handle;
  }

  /** Save entry `id`'s hot value to a segment and free it in its owner. */
  demote(table: KeyTable, id: number): void {
    const type = this.types.get(table.type(id));
    const handle = table.handle(id);
    const bytes = type.owner.save(type.local, handle);
    type.owner.reserveLoadRoom(bytes.length);
    const rec = this.records.add(0, 0, bytes.length, type.spec.encver);
    let at: { seg: number; off: number };
    try {
      at = this.files.append(rec, bytes);
    } catch (e) {
      this.records.free(rec); // the value stays hot
      throw e;
    }
    this.records.move(rec, at.seg, at.off);
    type.owner.free(type.local, handle);
    this.hotBytes -= table.hotSize(id);
    table.setHotSize(id, 0);
    table.setTier(id, DEMOTED);
    table.setHandle(id, rec);
    this.demotions++;
  }

  /**
   * Loading a snapshot (nothing else runs): demote the entries just loaded while the hot tier is over
   * budget, newest first — no search, however many keys are demoted already — then one ordinary slice.
   */
  settleLoaded(table: KeyTable, ids: number[]): void {
    try {
      while (this.overBudget() && ids.length > 0) {
        const id = ids.pop()!;
        if (table.isLive(id) && table.tier(id) === HOT) this.demote(table, id);
      }
    } catch (e) {
      // A segment could not be written: what is left stays hot, as in step(); the load goes on.
      log("warning", `tiered storage while loading: ${(e as Error).message}`);
    }
    this.step();
  }

  /**
   * One slice of background work: re-measure written values, demote over budget, age warm segments, compact.
   * With no time limit (loading, when nothing else runs) it walks whole tables to find what to demote.
   */
  step(sliceMs = SLICE_MS): void {
    const deadline = performance.now() + sliceMs;
    const thorough = sliceMs === Infinity;
    this.measureWritten();
    try {
      const max = this.settings.hotMaxBytes();
      const now = Date.now();
      while (max > 0 && this.hotBytes > max && performance.now() < deadline) {
        if (!this.demoteOne(now, thorough)) break;
      }
      while (this.files.warmBytes > this.settings.warmMaxBytes() && this.files.coolOldest());
      this.compactor.step(deadline);
    } catch (e) {
      // A segment file could not be written (disk full, permissions): values stay where they are, the
      // server keeps serving, and the next cron tick tries again.
      const now = Date.now();
      if (now - this.lastFileError > 10_000) log("warning", `tiered storage: ${(e as Error).message}`);
      this.lastFileError = now;
      return;
    }
    this.schedule();
  }

  /** Whether the hot tier is over budget (more slices are due). */
  overBudget(): boolean {
    const max = this.settings.hotMaxBytes();
    return max > 0 && this.hotBytes > max;
  }

  private dropRecord(rec: number): void {
    this.files.release(this.records.seg(rec), this.records.len(rec));
    this.records.free(rec);
  }

  private schedule(): void {
    if (this.scheduled || (!this.overBudget() && this.dirtyIds.length === 0)) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.step();
    });
  }

  private measureWritten(): void {
    for (let i = 0; i < this.dirtyIds.length; i++) {
      const table = this.dirtyTables[i]!;
      const id = this.dirtyIds[i]!;
      // Deleted (or FLUSHed) meanwhile, or already demoted: nothing to measure.
      if (table.isLive(id) && table.tier(id) === HOT) this.admit(table, id);
    }
    this.dirtyTables.length = 0;
    this.dirtyIds.length = 0;
  }

  /** Demote the coldest of a few sampled hot values (LFU counter first, then idle time); false if none found. */
  private demoteOne(now: number, thorough: boolean): boolean {
    const table = this.pickTable();
    if (!table) return false;
    let best = -1;
    let bestScore = Infinity;
    for (let i = 0, found = 0; i < PROBES && found < CANDIDATES; i++) {
      const id = table.randomEntry();
      if (id < 0 || table.tier(id) !== HOT) continue;
      found++;
      const score = table.lfu(id, now) * 2 ** 32 - table.idleMs(id, now);
      if (score < bestScore) {
        bestScore = score;
        best = id;
      }
    }
    if (best < 0) best = this.scanForHot(table, thorough);
    if (best < 0) return false;
    try {
      this.demote(table, best);
    } catch (e) {
      if (!(e instanceof PluginFailure)) throw e;
      // The owner could not save it: the value stays hot, and the next draw picks another.
    }
    return true;
  }

  /**
   * When sampling finds only demoted values (the hot tier a small part of the keys), walk the ids instead:
   * a few steps of the walk, or (`whole`) until it has gone round the table once.
   */
  private scanForHot(table: KeyTable, whole: boolean): number {
    let found = -1;
    let cursor = this.scanCursors.get(table) ?? 0;
    const rounds = whole ? Math.ceil(table.size / 256) + 4 : 4;
    for (let round = 0; round < rounds && found < 0; round++) {
      cursor = table.scan(cursor, 256, (id) => {
        if (found < 0 && table.tier(id) === HOT) found = id;
      });
    }
    this.scanCursors.set(table, cursor);
    return found;
  }

  /** A database drawn in proportion to its key count. */
  private pickTable(): KeyTable | null {
    const tables = this.keyspace.tables();
    let total = 0;
    for (const t of tables) total += t.size;
    if (total === 0) return null;
    let r = Math.random() * total;
    for (const t of tables) {
      r -= t.size;
      if (r < 0) return t;
    }
    return tables[tables.length - 1]!;
  }
}

export { COLD, WARM };
