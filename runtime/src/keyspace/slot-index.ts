// The hash index of a key table: open addressing with linear probing over u32 slots, at most half full so
// probes stay short. A slot packs an entry id (low `bits` bits) with a tag of the key's hash (the high
// bits, lowest tag bit forced to 1 so an occupied slot is never 0): most mismatches are rejected without
// touching the entry. Deletion shifts the rest of the cluster back, so there are no tombstones.
//
// Growth is incremental, like Redis's rehash: doubling rebuilt everything in one go (1.1 s at 4 M keys).
// Now a doubled array is allocated (zeroed lazily by the OS) and each operation drains a bounded number of
// old slots into it; until the old array is empty, inserts go to the new one and lookups consult both.
// The old array is drained in cyclic order from just after a slot that was empty when the growth began.
// That slot stays empty (nothing is inserted into the old array, and backward shifts only fill holes
// left by removals), so no old cluster straddles the drain's start: the part of a cluster not yet drained
// begins at the drain point, where a probe whose home slot was drained starts instead.
//
// Ids must stay below half the slot count: the owner never hands out an id above its peak key count,
// which the load limit keeps at or below slots / 2.

/** What the index needs from the entries it points to. */
export interface IndexedEntries {
  /** The hash the entry was indexed with. */
  hashOf(id: number): number;
  /** Whether the entry's key is `src[off, off+len)`. */
  matches(id: number, src: Uint8Array, off: number, len: number): boolean;
}

/** Old slots drained per insert or remove: ≥ 2 finishes a growth before the next one is due. */
const DRAIN_PER_WRITE = 16;
/** Lookups drain too, so a read-mostly load does not probe two arrays for long. */
const DRAIN_PER_FIND = 2;
const NONE = -1;

export class SlotIndex {
  count = 0;
  private slots!: Uint32Array;
  private bits = 0;
  /** The array being drained, if a growth is in progress. */
  private old: Uint32Array | null = null;
  private oldBits = 0;
  private drainStart = 0;
  /** Old slots drained so far, from `drainStart` on, cyclically. */
  private drained = 0;

  constructor(
    private readonly entries: IndexedEntries,
    private readonly minSlots: number,
  ) {
    this.clear();
  }

  /** The id of the entry whose key is `src[off, off+len)` and hashes to `hash`, or -1. */
  find(hash: number, src: Uint8Array, off: number, len: number): number {
    if (this.old !== null) {
      this.drain(DRAIN_PER_FIND);
      if (this.old !== null) {
        const id = this.probe(this.old, this.oldBits, this.oldHome(hash), hash, src, off, len);
        if (id !== NONE) return id;
      }
    }
    return this.probe(this.slots, this.bits, hash & (this.slots.length - 1), hash, src, off, len);
  }

  /** Index entry `id` (not yet indexed) under `hash`. */
  insert(hash: number, id: number): void {
    if (this.old !== null) this.drain(DRAIN_PER_WRITE);
    if (this.count >= this.slots.length >>> 1) this.beginGrowth();
    place(this.slots, this.bits, hash, id);
    this.count++;
  }

  /** Unindex entry `id`, indexed under `hash`. */
  remove(hash: number, id: number): void {
    if (this.old !== null) this.drain(DRAIN_PER_WRITE);
    if (!this.unplace(false, hash, id)) this.unplace(true, hash, id);
    this.count--;
  }

  clear(): void {
    this.slots = new Uint32Array(this.minSlots);
    this.bits = 31 - Math.clz32(this.minSlots) - 1;
    this.old = null;
    this.count = 0;
  }

  memoryBytes(): number {
    return this.slots.byteLength + (this.old === null ? 0 : this.old.byteLength);
  }

  private probe(slots: Uint32Array, bits: number, from: number, hash: number, src: Uint8Array, off: number, len: number): number {
    const mask = slots.length - 1;
    const idMask = (1 << bits) - 1;
    const tag = (hash >>> bits) | 1;
    for (let i = from; ; i = (i + 1) & mask) {
      const slot = slots[i]!;
      if (slot === 0) return NONE;
      if (slot >>> bits === tag && this.entries.matches(slot & idMask, src, off, len)) return slot & idMask;
    }
  }

  /** Where a probe of the old array starts: the home slot, or the drain point if the home was drained. */
  private oldHome(hash: number): number {
    const mask = this.old!.length - 1;
    const home = hash & mask;
    return ((home - this.drainStart) & mask) < this.drained ? (this.drainStart + this.drained) & mask : home;
  }

  private home(inOld: boolean, hash: number): number {
    return inOld ? this.oldHome(hash) : hash & (this.slots.length - 1);
  }

  /** Remove `id` from the new or the old array; false if it is not there. */
  private unplace(inOld: boolean, hash: number, id: number): boolean {
    const slots = inOld ? this.old! : this.slots;
    const bits = inOld ? this.oldBits : this.bits;
    const mask = slots.length - 1;
    const idMask = (1 << bits) - 1;
    let hole = this.home(inOld, hash);
    for (; ; hole = (hole + 1) & mask) {
      const slot = slots[hole]!;
      if (slot === 0) return false;
      if ((slot & idMask) === id) break;
    }
    // Backward-shift deletion: pull later members of the cluster into the hole unless that would move
    // one before its home slot.
    for (let j = (hole + 1) & mask; ; j = (j + 1) & mask) {
      const slot = slots[j]!;
      if (slot === 0) break;
      const home = this.home(inOld, this.entries.hashOf(slot & idMask));
      if (((j - home) & mask) >= ((j - hole) & mask)) {
        slots[hole] = slot;
        hole = j;
      }
    }
    slots[hole] = 0;
    return true;
  }

  private beginGrowth(): void {
    if (this.old !== null) this.drain(this.old.length); // unreachable while DRAIN_PER_WRITE >= 2
    const old = this.slots;
    let empty = 0;
    while (old[empty] !== 0) empty++;
    this.old = old;
    this.oldBits = this.bits;
    this.drainStart = (empty + 1) & (old.length - 1);
    this.drained = 0;
    this.slots = new Uint32Array(old.length * 2);
    this.bits++;
  }

  /** Move up to `n` old slots into the new array. */
  private drain(n: number): void {
    const old = this.old!;
    const mask = old.length - 1;
    const idMask = (1 << this.oldBits) - 1;
    const end = Math.min(old.length, this.drained + n);
    for (let k = this.drained; k < end; k++) {
      const i = (this.drainStart + k) & mask;
      const slot = old[i]!;
      if (slot === 0) continue;
      old[i] = 0;
      const id = slot & idMask;
      place(this.slots, this.bits, this.entries.hashOf(id), id);
    }
    this.drained = end;
    if (end === old.length) this.old = null;
  }
}

function place(slots: Uint32Array, bits: number, hash: number, id: number): void {
  const mask = slots.length - 1;
  let i = hash & mask;
  while (slots[i] !== 0) i = (i + 1) & mask;
  slots[i] = (((hash >>> bits) | 1) << bits) | id;
}
