import { describe, expect, it } from "vitest";
import { KeyHeap, MAX_SMALL_KEY } from "../../../runtime/src/keyspace/key-heap.js";

describe("KeyHeap", () => {
  it("stores, compares and copies keys of every size class and past the small-key limit", () => {
    const heap = new KeyHeap();
    const keys = [0, 1, 7, 8, 9, 47, 48, 255, 256, 257, 1000, MAX_SMALL_KEY, MAX_SMALL_KEY + 1, 70_000].map((n) => {
      const k = Buffer.alloc(n);
      for (let i = 0; i < n; i++) k[i] = (i * 31 + n) & 0xff;
      return k;
    });
    const refs = keys.map((k) => heap.store(k, 0, k.length));
    keys.forEach((k, i) => {
      expect(heap.equals(refs[i]!, k.length, k, 0)).toBe(true);
      const out = Buffer.alloc(k.length + 2);
      heap.copyTo(refs[i]!, k.length, out, 1);
      expect(out.subarray(1, k.length + 1).equals(k)).toBe(true);
      expect(heap.latin1(refs[i]!, k.length)).toBe(k.toString("latin1"));
      if (k.length > 0) {
        const other = Buffer.from(k);
        other[k.length - 1]! ^= 1;
        expect(heap.equals(refs[i]!, k.length, other, 0)).toBe(false);
      }
    });
  });

  it("reuses freed space instead of growing", () => {
    const heap = new KeyHeap();
    const key = Buffer.alloc(100, 0x61);
    const refs = Array.from({ length: 10_000 }, (_, i) => heap.store(key, 0, 20 + (i % 60)));
    const reserved = heap.bytesReserved();
    const used = heap.bytesUsed();
    for (let round = 0; round < 5; round++) {
      refs.forEach((ref, i) => {
        heap.free(ref, 20 + (i % 60));
      });
      expect(heap.bytesUsed()).toBe(0);
      for (let i = 0; i < refs.length; i++) refs[i] = heap.store(key, 0, 20 + (i % 60));
    }
    expect(heap.bytesUsed()).toBe(used);
    expect(heap.bytesReserved()).toBe(reserved);
    heap.clear();
    expect(heap.bytesReserved()).toBe(0);
  });
});
