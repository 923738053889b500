// A binary max-heap of (key f64, id u32) pairs in two growable heap blocks: the candidate and result
// queues of a vector search. A min-heap is the same heap over negated keys.
import { heapFootprint } from "../collections/heap-size";

@unmanaged
export class PairHeap {
  keys: usize; // f64 × capacity
  ids: usize; // u32 × capacity
  size: i32;
  capacity: i32;

  static create(capacity: i32): PairHeap {
    const h = changetype<PairHeap>(heap.alloc(offsetof<PairHeap>()));
    h.size = 0;
    h.capacity = capacity;
    h.keys = heap.alloc(<usize>capacity << 3);
    h.ids = heap.alloc(<usize>capacity << 2);
    return h;
  }

  free(): void {
    heap.free(this.keys);
    heap.free(this.ids);
    heap.free(changetype<usize>(this));
  }

  @inline topKey(): f64 {
    return load<f64>(this.keys);
  }

  @inline topId(): u32 {
    return load<u32>(this.ids);
  }

  @inline keyAt(i: i32): f64 {
    return load<f64>(this.keys + (<usize>i << 3));
  }

  @inline idAt(i: i32): u32 {
    return load<u32>(this.ids + (<usize>i << 2));
  }

  push(key: f64, id: u32): void {
    if (this.size == this.capacity) this.grow();
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentKey = this.keyAt(parent);
      if (parentKey >= key) break;
      store<f64>(this.keys + (<usize>i << 3), parentKey);
      store<u32>(this.ids + (<usize>i << 2), this.idAt(parent));
      i = parent;
    }
    store<f64>(this.keys + (<usize>i << 3), key);
    store<u32>(this.ids + (<usize>i << 2), id);
  }

  /** Removes the largest pair (read it first with topKey/topId). */
  pop(): void {
    const n = --this.size;
    if (n == 0) return;
    const key = this.keyAt(n), id = this.idAt(n);
    let i = 0;
    while (true) {
      let child = (i << 1) + 1;
      if (child >= n) break;
      if (child + 1 < n && this.keyAt(child + 1) > this.keyAt(child)) child++;
      const childKey = this.keyAt(child);
      if (childKey <= key) break;
      store<f64>(this.keys + (<usize>i << 3), childKey);
      store<u32>(this.ids + (<usize>i << 2), this.idAt(child));
      i = child;
    }
    store<f64>(this.keys + (<usize>i << 3), key);
    store<u32>(this.ids + (<usize>i << 2), id);
  }

  /** Room for `n` pairs, for a caller using keys/ids as plain arrays. */
  reserve(n: i32): void {
    while (this.capacity < n) this.grow();
  }

  private grow(): void {
    this.capacity <<= 1;
    this.keys = heap.realloc(this.keys, <usize>this.capacity << 3);
    this.ids = heap.realloc(this.ids, <usize>this.capacity << 2);
  }

  memory(): usize {
    return heapFootprint(offsetof<PairHeap>()) + heapFootprint(<usize>this.capacity << 3) + heapFootprint(<usize>this.capacity << 2);
  }
}
