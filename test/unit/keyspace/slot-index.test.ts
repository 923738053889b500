import { describe, expect, it } from "vitest";
import { SlotIndex, type IndexedEntries } from "../../../runtime/src/keyspace/slot-index.js";
import { prng } from "../../helpers/prng.js";

/**
 * Entries whose keys are u32s with a deliberately poor hash: groups of four keys share one hash, so
 * clusters are long, tags collide, and clusters wrap around the end of the slot array — the cases the
 * incremental drain has to get right.
 */
class Entries implements IndexedEntries {
  keys: number[] = [];
  constructor(readonly hash: (key: number) => number = poorHash) {}
  hashOf(id: number): number {
    return this.hash(this.keys[id]!);
  }
  matches(id: number, src: Uint8Array, off: number): boolean {
    return this.keys[id] === new DataView(src.buffer, src.byteOffset).getUint32(off, true);
  }
}

function poorHash(key: number): number {
  return Math.imul((key >>> 2) ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
}

/** Homes in the last eight slots whatever the array size: one cluster, wrapping around the end. */
function wrappingHash(key: number): number {
  return (poorHash(key) | 0xffff) - (key & 7);
}

describe("SlotIndex", () => {
  it("matches a Map through every incremental growth, with colliding hashes and removals mid-drain", () => {
    const rand = prng(3);
    const entries = new Entries();
    const index = new SlotIndex(entries, 64);
    const ref = new Map<number, number>(); // key -> id
    const freeIds: number[] = [];
    const buf = new Uint8Array(4);
    const view = new DataView(buf.buffer);
    const lookup = (key: number): number => (view.setUint32(0, key, true), index.find(poorHash(key), buf, 0, 4));
    let divergence = "";
    for (let step = 0; step < 400_000 && !divergence; step++) {
      const key = Math.floor(rand() * 150_000);
      const id = lookup(key);
      const expected = ref.get(key) ?? -1;
      if (id !== expected) divergence = `step ${step}: key ${key} found as ${id}, expected ${expected}`;
      else if (id >= 0 && rand() < 0.3) {
        index.remove(poorHash(key), id);
        ref.delete(key);
        freeIds.push(id);
      } else if (id < 0) {
        // Ids are recycled like the key table does: never above the peak count.
        const nid = freeIds.length > 0 ? freeIds.pop()! : entries.keys.length;
        entries.keys[nid] = key;
        index.insert(poorHash(key), nid);
        ref.set(key, nid);
      }
      if (index.count !== ref.size) divergence = `step ${step}: count ${index.count}, expected ${ref.size}`;
    }
    expect(divergence).toBe("");
    expect(ref.size).toBeGreaterThan(50_000);
    let wrong = 0;
    for (const [key, id] of ref) if (lookup(key) !== id) wrong++;
    expect(wrong).toBe(0);
  });

  it("finds every key after every single step of a growth, removals included", () => {
    // A drain step can split a cluster: exhaustive checks after each operation catch a probe that starts
    // in the drained part. Small sizes keep that quadratic check cheap while crossing six growths.
    expect(exhaustiveGrowth(new Entries(), 3000)).toBe(0);
  });

  it("drains correctly when a cluster wraps around the end of the old array", () => {
    expect(exhaustiveGrowth(new Entries(wrappingHash), 300)).toBe(0);
  });

  it("keeps the load at or below one half and frees the old array once drained", () => {
    const entries = new Entries();
    const index = new SlotIndex(entries, 64);
    for (let id = 0; id < 10_000; id++) {
      entries.keys[id] = id * 4; // distinct hashes
      index.insert(poorHash(id * 4), id);
    }
    // 10 000 keys need 2^15 slots; the previous 2^14-slot array is drained long before the next growth.
    for (let i = 0; i < 2000; i++) index.find(0, new Uint8Array(4), 0, 4);
    expect(index.memoryBytes()).toBe(2 ** 15 * 4);
    index.clear();
    expect(index.count).toBe(0);
    expect(index.memoryBytes()).toBe(64 * 4);
  });
});

/** Insert up to `size` keys (removing one per four inserts), checking every key after every step; returns the misses. */
function exhaustiveGrowth(entries: Entries, size: number): number {
  const rand = prng(5);
  const index = new SlotIndex(entries, 64);
  const ref = new Map<number, number>();
  const freeIds: number[] = [];
  const buf = new Uint8Array(4);
  const view = new DataView(buf.buffer);
  const lookup = (key: number): number => (view.setUint32(0, key, true), index.find(entries.hash(key), buf, 0, 4));
  for (let n = 0; ref.size < size; n++) {
    const key = Math.floor(rand() * 2 ** 32);
    const id = freeIds.length > 0 ? freeIds.pop()! : entries.keys.length;
    entries.keys[id] = key;
    index.insert(entries.hash(key), id);
    ref.set(key, id);
    if (n % 4 === 3) {
      const [victim, vid] = [...ref][Math.floor(rand() * ref.size)]!;
      index.remove(entries.hash(victim), vid);
      ref.delete(victim);
      freeIds.push(vid);
    }
    let wrong = 0;
    for (const [k, i] of ref) if (lookup(k) !== i) wrong++;
    if (wrong > 0) return wrong;
  }
  return 0;
}
