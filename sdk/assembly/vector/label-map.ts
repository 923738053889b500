// Label → internal id: an open-addressing table of u32 pairs in one heap block (linear probing,
// backward-shift deletion, so no tombstones), sized to stay at most half full.
import { heapFootprint } from "../collections/heap-size";

const EMPTY: u32 = 0xffffffff;
const MIN_SLOTS: u32 = 16;

@unmanaged
export class LabelMap {
  slots: usize; // [label u32, id u32] × capacity
  capacity: u32; // a power of two
  size: u32;

  static create(): LabelMap {
    const map = changetype<LabelMap>(heap.alloc(offsetof<LabelMap>()));
    map.size = 0;
    map.allocate(MIN_SLOTS);
    return map;
  }

  free(): void {
    heap.free(this.slots);
    heap.free(changetype<usize>(this));
  }

  private allocate(capacity: u32): void {
    this.capacity = capacity;
    this.slots = heap.alloc(<usize>capacity << 3);
    memory.fill(this.slots, 0xff, <usize>capacity << 3);
  }

  @inline private home(label: u32): u32 {
    return <u32>((<u64>label * 0x9e3779b97f4a7c15) >> 32) & (this.capacity - 1);
  }

  /** The id stored for `label`, or -1. */
  get(label: u32): i32 {
    const mask = this.capacity - 1;
    let i = this.home(label);
    while (true) {
      const slot = this.slots + (<usize>i << 3);
      const key = load<u32>(slot);
      if (key == label) return load<i32>(slot, 4);
      if (key == EMPTY) return -1;
      i = (i + 1) & mask;
    }
    return -1; // unreachable: the table is never full
  }

  /** Stores `id` for `label`, replacing what was there. */
  set(label: u32, id: u32): void {
    if ((this.size + 1) << 1 > this.capacity) this.grow();
    const mask = this.capacity - 1;
    for (let i = this.home(label); ; i = (i + 1) & mask) {
      const slot = this.slots + (<usize>i << 3);
      const key = load<u32>(slot);
      if (key == EMPTY) this.size++;
      if (key == EMPTY || key == label) {
        store<u32>(slot, label);
        store<u32>(slot, id, 4);
        return;
      }
    }
  }

  /** Removes `label`; false when it was absent. */
  delete(label: u32): bool {
    const mask = this.capacity - 1;
    let i = this.home(label);
    for (; ; i = (i + 1) & mask) {
      const key = load<u32>(this.slots + (<usize>i << 3));
      if (key == label) break;
      if (key == EMPTY) return false;
    }
    // Backward shift: pull each later entry of the run into the hole when its home allows it.
    for (let j = (i + 1) & mask; ; j = (j + 1) & mask) {
      const slot = this.slots + (<usize>j << 3);
      const key = load<u32>(slot);
      if (key == EMPTY) break;
      const home = this.home(key);
      const fits = i <= j ? home <= i || home > j : home <= i && home > j;
      if (fits) {
        store<u64>(this.slots + (<usize>i << 3), load<u64>(slot));
        i = j;
      }
    }
    store<u64>(this.slots + (<usize>i << 3), <u64>-1);
    this.size--;
    return true;
  }

  private grow(): void {
    const old = this.slots, oldCapacity = this.capacity;
    this.allocate(oldCapacity << 1);
    this.size = 0;
    for (let i: u32 = 0; i < oldCapacity; i++) {
      const slot = old + (<usize>i << 3);
      if (load<u32>(slot) != EMPTY) this.set(load<u32>(slot), load<u32>(slot, 4));
    }
    heap.free(old);
  }

  memory(): usize {
    return heapFootprint(offsetof<LabelMap>()) + heapFootprint(<usize>this.capacity << 3);
  }
}
