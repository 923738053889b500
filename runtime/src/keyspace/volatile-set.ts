// The keys that have a TTL: a dense array of (entry id, expiry) plus each entry's position in it, so
// adding, removing and drawing a random volatile key are all O(1) — what Redis's active-expiry cycle
// needs. Keeping the expiry here rather than per entry means keys without a TTL pay 4 bytes, not 8.

export class VolatileSet {
  count = 0;
  private slotOf: Uint32Array; // per entry id: position + 1, 0 = no TTL
  private ids = new Uint32Array(16);
  private expires = new Float64Array(16);

  constructor(capacity: number) {
    this.slotOf = new Uint32Array(capacity);
  }

  /** Absolute unix ms, 0 when the entry has no TTL. */
  get(id: number): number {
    const slot = this.slotOf[id]!;
    return slot === 0 ? 0 : this.expires[slot - 1]!;
  }

  set(id: number, ms: number): void {
    if (ms === 0) return this.delete(id);
    const slot = this.slotOf[id]!;
    if (slot !== 0) {
      this.expires[slot - 1] = ms;
      return;
    }
    if (this.count === this.ids.length) this.growDense();
    this.ids[this.count] = id;
    this.expires[this.count] = ms;
    this.slotOf[id] = ++this.count;
  }

  delete(id: number): void {
    const slot = this.slotOf[id]!;
    if (slot === 0) return;
    this.slotOf[id] = 0;
    const last = --this.count;
    if (slot - 1 === last) return;
    // Fill the hole with the last element so the array stays dense.
    const moved = this.ids[last]!;
    this.ids[slot - 1] = moved;
    this.expires[slot - 1] = this.expires[last]!;
    this.slotOf[moved] = slot;
  }

  /** A uniformly drawn entry id with a TTL, -1 when there is none. */
  random(): number {
    return this.count === 0 ? -1 : this.ids[Math.floor(Math.random() * this.count)]!;
  }

  /** Make room for entry ids up to `capacity`. */
  grow(capacity: number): void {
    const slotOf = new Uint32Array(capacity);
    slotOf.set(this.slotOf);
    this.slotOf = slotOf;
  }

  memoryBytes(): number {
    return this.slotOf.byteLength + this.ids.byteLength + this.expires.byteLength;
  }

  private growDense(): void {
    const ids = new Uint32Array(this.ids.length * 2);
    ids.set(this.ids);
    this.ids = ids;
    const expires = new Float64Array(this.expires.length * 2);
    expires.set(this.expires);
    this.expires = expires;
  }
}
