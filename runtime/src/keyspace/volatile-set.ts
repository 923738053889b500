// The keys that have a TTL: a dense array of (entry id, expiry) plus each entry's position in it, so
// adding, removing and drawing a random volatile key are all O(1) — what Redis's active-expiry cycle
// needs. Keeping the expiry here rather than per entry means keys without a TTL pay 4 bytes, not 8.
// All three arrays are paged (pages.ts): growing never copies millions of elements at once.
import { growPages, nextCapacity, PAGE_MASK, PAGE_SHIFT, pagesBytes } from "./pages.js";

export class VolatileSet {
  count = 0;
  private slotOf: Uint32Array[] = []; // per entry id: position + 1, 0 = no TTL
  private ids: Uint32Array[] = [];
  private expires: Float64Array[] = [];
  private denseCapacity = 0;

  /** Absolute unix ms, 0 when the entry has no TTL. */
  get(id: number): number {
    const slot = this.slotOf[id >>> PAGE_SHIFT]![id & PAGE_MASK]!;
    return slot === 0 ? 0 : this.expires[(slot - 1) >>> PAGE_SHIFT]![(slot - 1) & PAGE_MASK]!;
  }

  set(id: number, ms: number): void {
    if (ms === 0) return this.delete(id);
    const slot = this.slotOf[id >>> PAGE_SHIFT]![id & PAGE_MASK]!;
    if (slot !== 0) {
      this.expires[(slot - 1) >>> PAGE_SHIFT]![(slot - 1) & PAGE_MASK] = ms;
      return;
    }
    if (this.count === this.denseCapacity) this.growDense();
    const at = this.count++;
    this.ids[at >>> PAGE_SHIFT]![at & PAGE_MASK] = id;
    this.expires[at >>> PAGE_SHIFT]![at & PAGE_MASK] = ms;
    this.slotOf[id >>> PAGE_SHIFT]![id & PAGE_MASK] = at + 1;
  }

  delete(id: number): void {
    const slotPage = this.slotOf[id >>> PAGE_SHIFT]!;
    const slot = slotPage[id & PAGE_MASK]!;
    if (slot === 0) return;
    slotPage[id & PAGE_MASK] = 0;
    const last = --this.count;
    const hole = slot - 1;
    if (hole === last) return;
    // Fill the hole with the last element so the array stays dense.
    const moved = this.ids[last >>> PAGE_SHIFT]![last & PAGE_MASK]!;
    this.ids[hole >>> PAGE_SHIFT]![hole & PAGE_MASK] = moved;
    this.expires[hole >>> PAGE_SHIFT]![hole & PAGE_MASK] = this.expires[last >>> PAGE_SHIFT]![last & PAGE_MASK]!;
    this.slotOf[moved >>> PAGE_SHIFT]![moved & PAGE_MASK] = slot;
  }

  /** A uniformly drawn entry id with a TTL, -1 when there is none. */
  random(): number {
    if (this.count === 0) return -1;
    const at = Math.floor(Math.random() * this.count);
    return this.ids[at >>> PAGE_SHIFT]![at & PAGE_MASK]!;
  }

  /** Make room for entry ids up to `capacity`: one step of pages.ts's growth sequence. */
  grow(capacity: number): void {
    growPages(this.slotOf, capacity, 1, (n) => new Uint32Array(n));
  }

  memoryBytes(): number {
    return pagesBytes(this.slotOf) + pagesBytes(this.ids) + pagesBytes(this.expires);
  }

  private growDense(): void {
    this.denseCapacity = nextCapacity(this.denseCapacity);
    growPages(this.ids, this.denseCapacity, 1, (n) => new Uint32Array(n));
    growPages(this.expires, this.denseCapacity, 1, (n) => new Float64Array(n));
  }
}
