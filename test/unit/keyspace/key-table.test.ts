import { describe, expect, it, vi } from "vitest";
import { KeyTable } from "../../../runtime/src/keyspace/key-table.js";
import { prng } from "../../helpers/prng.js";

const key = (s: string): Buffer => Buffer.from(s, "latin1");

function find(t: KeyTable, s: string): number {
  const k = key(s);
  return t.find(k, 0, k.length);
}

function insert(t: KeyTable, s: string): number {
  const k = key(s);
  return t.insert(k, 0, k.length, 0);
}

/** Keys of assorted shapes: empty, binary, short, and past the key heap's small-key limit. */
function randomKey(rand: () => number): string {
  const r = rand();
  if (r < 0.01) return "";
  if (r < 0.02) return "big:" + "x".repeat(4096 + Math.floor(rand() * 5000)) + Math.floor(rand() * 50);
  if (r < 0.1) return String.fromCharCode(...Array.from({ length: Math.floor(rand() * 12) }, () => Math.floor(rand() * 256)));
  return "k:" + Math.floor(rand() * 3000) + "x".repeat(20 * Math.floor(rand() * 4));
}

function scanAll(t: KeyTable, count: number): number[] {
  const seen: number[] = [];
  let cursor = 0;
  do cursor = t.scan(cursor, count, (id) => seen.push(id));
  while (cursor !== 0);
  return seen;
}

describe("KeyTable", () => {
  it("finds, inserts and removes binary keys, including the empty key", () => {
    const t = new KeyTable();
    expect(find(t, "")).toBe(-1);
    const empty = insert(t, "");
    const bin = insert(t, "\x00\xff\x80");
    expect(find(t, "")).toBe(empty);
    expect(find(t, "\x00\xff\x80")).toBe(bin);
    expect(find(t, "\x00\xff")).toBe(-1);
    expect(t.size).toBe(2);
    expect(t.keyLatin1(bin)).toBe("\x00\xff\x80");
    expect(t.keyBuffer(bin)).toEqual(key("\x00\xff\x80"));
    expect(t.keyLength(empty)).toBe(0);
    const k = key("\x00\xff\x80");
    expect(t.keyEquals(bin, k, 0, 3)).toBe(true);
    expect(t.keyEquals(bin, k, 0, 2)).toBe(false);
    t.remove(empty);
    expect(find(t, "")).toBe(-1);
    expect(find(t, "\x00\xff\x80")).toBe(bin);
    expect(t.size).toBe(1);
  });

  it("tells apart keys that share prefixes, on both sides of the inline-prefix boundary", () => {
    const t = new KeyTable();
    const ids = Array.from({ length: 41 }, (_, n) => insert(t, "a".repeat(n)));
    ids.push(insert(t, "a".repeat(16) + "b"), insert(t, "a".repeat(15) + "b"));
    expect(new Set(ids).size).toBe(43);
    for (let n = 0; n <= 40; n++) {
      expect(find(t, "a".repeat(n))).toBe(ids[n]);
      expect(t.keyLatin1(ids[n]!)).toBe("a".repeat(n));
    }
    expect(find(t, "a".repeat(16) + "b")).toBe(ids[41]);
    expect(find(t, "a".repeat(16) + "c")).toBe(-1);
    expect(t.keyBuffer(ids[41]!).toString()).toBe("a".repeat(16) + "b");
  });

  it("looks keys up inside a larger buffer by offset and length", () => {
    const t = new KeyTable();
    const id = insert(t, "hello");
    const frame = key("*2\r\n$3\r\nGET\r\n$5\r\nhello\r\n");
    expect(t.find(frame, 17, 5)).toBe(id);
    expect(t.find(frame, 17, 4)).toBe(-1);
    const dst = Buffer.alloc(9, 0x2e);
    t.copyKey(id, dst, 2);
    expect(dst.toString("latin1")).toBe("..hello..");
  });

  it("matches a Map under random inserts and removes, through growth and id recycling", () => {
    const rand = prng(1);
    const t = new KeyTable(32);
    const ref = new Map<string, { id: number; handle: number; type: number }>();
    // Plain comparisons in the loop (an expect() per step would dominate the run time); the first
    // divergence is reported with its step.
    let divergence = "";
    for (let step = 0; step < 30_000 && !divergence; step++) {
      const s = randomKey(rand);
      const id = find(t, s);
      const expected = ref.get(s);
      if (id !== (expected ? expected.id : -1)) divergence = `step ${step}: find gave ${id}, expected ${expected?.id}`;
      else if (expected && (t.handle(id) !== expected.handle || t.type(id) !== expected.type)) divergence = `step ${step}: value`;
      else if (expected) {
        if (rand() < 0.5) {
          t.remove(id);
          ref.delete(s);
        }
      } else {
        const nid = insert(t, s);
        const entry = { id: nid, handle: Math.floor(rand() * 2 ** 32), type: Math.floor(rand() * 65536) };
        t.setHandle(nid, entry.handle);
        t.setType(nid, entry.type);
        ref.set(s, entry);
      }
      if (t.size !== ref.size) divergence = `step ${step}: size ${t.size}, expected ${ref.size}`;
    }
    expect(divergence).toBe("");
    for (const [s, e] of ref) {
      expect(find(t, s)).toBe(e.id);
      expect(t.keyLatin1(e.id)).toBe(s);
    }
    const live = new Set([...ref.values()].map((e) => e.id));
    expect(new Set(scanAll(t, 100))).toEqual(live);
  });

  it("keeps entry ids stable while the table grows", () => {
    const t = new KeyTable();
    const first = insert(t, "first");
    for (let i = 0; i < 5000; i++) insert(t, "k" + i);
    expect(find(t, "first")).toBe(first);
    expect(t.keyLatin1(first)).toBe("first");
  });

  it("scan visits every key present throughout exactly once despite concurrent inserts, removes and growth", () => {
    const rand = prng(7);
    const t = new KeyTable();
    const stable = new Set<number>();
    for (let i = 0; i < 2000; i++) stable.add(insert(t, "stable:" + i));
    const churn: number[] = [];
    for (let i = 0; i < 2000; i++) churn.push(insert(t, "churn:" + i));
    const visits = new Map<number, number>();
    let next = 0;
    let cursor = 0;
    do {
      cursor = t.scan(cursor, 50, (id) => visits.set(id, (visits.get(id) ?? 0) + 1));
      // Between steps: remove some churn keys, add many new ones (forcing growth and id reuse). Fewer
      // inserts per step than visits, or the scan would never reach the end.
      for (let i = 0; i < 5 && churn.length > 0; i++) t.remove(churn.splice(Math.floor(rand() * churn.length), 1)[0]!);
      for (let i = 0; i < 30; i++) churn.push(insert(t, "new:" + next++));
    } while (cursor !== 0);
    for (const id of stable) expect(visits.get(id)).toBe(1);
    expect(t.size).toBeGreaterThan(4000 + 2000);
  });

  it("scan lets the visitor remove the entry it is given", () => {
    const t = new KeyTable();
    for (let i = 0; i < 300; i++) insert(t, "k" + i);
    let cursor = 0;
    let visited = 0;
    do cursor = t.scan(cursor, 7, (id) => (visited++, t.remove(id)));
    while (cursor !== 0);
    expect(visited).toBe(300);
    expect(t.size).toBe(0);
    expect(scanAll(t, 10)).toEqual([]);
  });

  it("tracks TTLs in a volatile set", () => {
    const t = new KeyTable();
    const ids = Array.from({ length: 100 }, (_, i) => insert(t, "k" + i));
    expect(t.randomVolatile()).toBe(-1);
    for (let i = 0; i < 100; i += 2) t.setExpire(ids[i]!, 1_000 + i);
    expect(t.volatileCount()).toBe(50);
    expect(t.expire(ids[4]!)).toBe(1_004);
    expect(t.expire(ids[5]!)).toBe(0);
    t.setExpire(ids[4]!, 9_999);
    expect(t.expire(ids[4]!)).toBe(9_999);
    expect(t.volatileCount()).toBe(50);
    t.setExpire(ids[4]!, 0); // PERSIST
    t.remove(ids[6]!); // a deleted key leaves the set
    expect(t.volatileCount()).toBe(48);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(t.randomVolatile());
    expect(seen.size).toBe(48);
    for (const id of seen) expect(t.expire(id)).not.toBe(0);
    // A recycled id starts without a TTL.
    const reused = insert(t, "fresh");
    expect(reused).toBe(ids[6]);
    expect(t.expire(reused)).toBe(0);
  });

  it("randomEntry is uniform over live entries, also when deletions left the ids sparse", () => {
    const t = new KeyTable();
    const ids = Array.from({ length: 20_000 }, (_, i) => insert(t, "k" + i));
    expect(new KeyTable().randomEntry()).toBe(-1);
    // Keep 10 scattered keys out of 20 000: rejection sampling alone would need ~2000 draws.
    const kept = new Set(ids.filter((_, i) => i % 2000 === 1999));
    for (const id of ids) if (!kept.has(id)) t.remove(id);
    const counts = new Map<number, number>();
    const draws = 20_000;
    for (let i = 0; i < draws; i++) {
      const id = t.randomEntry();
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    expect(new Set(counts.keys())).toEqual(kept);
    for (const n of counts.values()) expect(Math.abs(n - draws / 10)).toBeLessThan(draws / 10 / 5);
  });

  it("keeps LRU idle time at one-second resolution and an LFU counter like Redis", () => {
    const t = new KeyTable();
    const k = key("hot");
    const id = t.insert(k, 0, k.length, 1_000_000);
    expect(t.idleMs(id, 1_000_000)).toBe(0);
    expect(t.idleMs(id, 1_010_500)).toBe(10_500);
    expect(t.lfu(id, 1_000_000)).toBe(5); // LFU_INIT_VAL
    // The counter is probabilistic: 200 hits land anywhere from 7 to 19 (about 0.7 % of unseeded runs
    // fell outside 9..15), so the draws come from a seeded generator to make the run replayable.
    const random = vi.spyOn(Math, "random").mockImplementation(prng(200));
    try {
      for (let i = 0; i < 200; i++) t.touch(id, 1_020_000);
    } finally {
      random.mockRestore();
    }
    expect(t.idleMs(id, 1_020_000)).toBe(0);
    const counter = t.lfu(id, 1_020_000);
    // log factor 10: ~100 hits reach ~10, 1000 reach ~18 (Redis's table), so 200 lands in between.
    expect(counter).toBeGreaterThan(8);
    expect(counter).toBeLessThan(16);
    // One point of decay per idle minute (lfu-decay-time 1), never below 0.
    expect(t.lfu(id, 1_020_000 + 3 * 60_000)).toBe(counter - 3);
    expect(t.lfu(id, 1_020_000 + 3 * 60_000, 2)).toBe(counter - 1);
    expect(t.lfu(id, 1_020_000 + 1_000 * 60_000)).toBe(0);
    for (let i = 0; i < 100_000; i++) t.touch(id, 1_020_000, true, 0);
    expect(t.lfu(id, 1_020_000)).toBe(255);
    // Without `lfu` (no LFU policy nor tier budget reads it) only the LRU clock moves.
    t.touch(id, 1_030_000, false, 0);
    expect(t.idleMs(id, 1_030_000)).toBe(0);
    expect(t.lfu(id, 1_030_000)).toBe(255);
  });

  it("sets access statistics outright, as RESTORE IDLETIME/FREQ do", () => {
    const t = new KeyTable();
    const key = Buffer.from("k");
    const now = 1_700_000_000_000;
    const id = t.insert(key, 0, 1, now);
    t.setAccess(id, now - 3_600_000, 42);
    expect(t.idleMs(id, now)).toBe(3_600_000);
    expect(t.lfu(id, now, 0)).toBe(42);
    t.setAccess(id, now, -1);
    expect(t.lfu(id, now, 0)).toBe(42);
  });

  it("clear() empties the table and memoryBytes() reports its arrays and key bytes", () => {
    const t = new KeyTable();
    const empty = t.memoryBytes();
    for (let i = 0; i < 10_000; i++) insert(t, "key:" + i);
    const full = t.memoryBytes();
    expect(full).toBeGreaterThan(empty + 10_000 * 40);
    expect(full).toBeLessThan(empty + 10_000 * 120);
    t.clear();
    expect(t.size).toBe(0);
    expect(find(t, "key:1")).toBe(-1);
    expect(scanAll(t, 10)).toEqual([]);
    expect(t.memoryBytes()).toBe(empty);
    expect(find(t, "key:1")).toBe(-1);
    insert(t, "key:1");
    expect(find(t, "key:1")).toBe(0);
  });

  it("stays consistent with a Map while growing from 0 to 200k keys, operations interleaved with each resize", () => {
    const rand = prng(11);
    const t = new KeyTable();
    const ref = new Map<string, { id: number; handle: number; type: number; expire: number }>();
    const keys: string[] = [];
    let divergence = "";
    let step = 0;
    for (; ref.size < 200_000 && !divergence; step++) {
      const r = rand();
      // Mostly inserts so the table grows, with finds (hits and misses), removes and updates in between.
      const s = r < 0.3 && keys.length > 0 ? keys[Math.floor(rand() * keys.length)]! : `k:${Math.floor(rand() * 1e9)}${r < 0.02 ? "x".repeat(40) : ""}`;
      const id = find(t, s);
      const expected = ref.get(s);
      if (id !== (expected ? expected.id : -1)) divergence = `step ${step}: find ${s} gave ${id}, expected ${expected?.id}`;
      else if (expected) {
        if (t.handle(id) !== expected.handle || t.type(id) !== expected.type || t.expire(id) !== expected.expire) divergence = `step ${step}: value`;
        else if (rand() < 0.25) {
          t.remove(id);
          ref.delete(s);
        } else {
          expected.handle = Math.floor(rand() * 2 ** 32);
          expected.expire = rand() < 0.5 ? 0 : 1 + Math.floor(rand() * 1e12);
          t.setHandle(id, expected.handle);
          t.setExpire(id, expected.expire);
        }
      } else {
        const entry = { id: insert(t, s), handle: step, type: step & 0xffff, expire: step % 3 === 0 ? step + 1 : 0 };
        t.setHandle(entry.id, entry.handle);
        t.setType(entry.id, entry.type);
        t.setExpire(entry.id, entry.expire);
        ref.set(s, entry);
        keys.push(s);
      }
      if (t.size !== ref.size) divergence = `step ${step}: size ${t.size}, expected ${ref.size}`;
    }
    expect(divergence).toBe("");
    let wrong = 0;
    for (const [s, e] of ref) if (find(t, s) !== e.id || t.keyLatin1(e.id) !== s || t.handle(e.id) !== e.handle) wrong++;
    expect(wrong).toBe(0);
    expect(t.volatileCount()).toBe([...ref.values()].filter((e) => e.expire !== 0).length);
    expect(new Set(scanAll(t, 1000))).toEqual(new Set([...ref.values()].map((e) => e.id)));
  });

  it("scan visits each key present throughout exactly once while the table grows from 1k to 150k keys", () => {
    const t = new KeyTable();
    const stable = Array.from({ length: 1000 }, (_, i) => insert(t, "stable:" + i));
    const doomed = Array.from({ length: 1000 }, (_, i) => insert(t, "doomed:" + i));
    const visits = new Map<number, number>();
    let next = 0;
    let cursor = 0;
    let steps = 0;
    do {
      cursor = t.scan(cursor, 10, (id) => visits.set(id, (visits.get(id) ?? 0) + 1));
      // Insert faster than the scan advances (crossing several index growths), then stop so it can finish.
      for (let i = 0; i < 150 && t.size < 150_000; i++) insert(t, "new:" + next++);
      if (++steps === 50) for (const id of doomed) t.remove(id); // their ids get recycled behind the cursor
    } while (cursor !== 0);
    expect(t.size).toBeGreaterThan(100_000);
    for (const id of stable) expect(visits.get(id)).toBe(1);
    expect([...visits.values()].filter((n) => n !== 1)).toEqual([]);
  });

  it("randomEntry stays uniform over every page after growth", () => {
    const t = new KeyTable();
    const n = 200_000; // several 64 Ki-entry pages
    for (let i = 0; i < n; i++) insert(t, "k" + i);
    // Free every other key of the first half: rejection sampling and rank select both get exercised.
    for (let i = 0; i < n / 2; i += 2) t.remove(find(t, "k" + i));
    const buckets = 20;
    const counts = new Array<number>(buckets).fill(0);
    const draws = 200_000;
    // Live keys per bucket of ids: ids were handed out in insertion order.
    const live = new Array<number>(buckets).fill(0);
    for (let i = 0; i < n; i++) if (i >= n / 2 || i % 2 === 1) live[Math.floor((i * buckets) / n)]!++;
    for (let i = 0; i < draws; i++) counts[Math.floor((t.randomEntry() * buckets) / n)]!++;
    for (let b = 0; b < buckets; b++) {
      const expected = (draws * live[b]!) / t.size;
      expect(Math.abs(counts[b]! - expected)).toBeLessThan(6 * Math.sqrt(expected));
    }
  });

  it("refuses a value handle that is not a u32", () => {
    const t = new KeyTable();
    const id = insert(t, "k");
    t.setHandle(id, 2 ** 32 - 1);
    expect(t.handle(id)).toBe(2 ** 32 - 1);
    expect(() => t.setHandle(id, 2 ** 32)).toThrow(RangeError);
    expect(() => t.setHandle(id, -1)).toThrow(RangeError);
    expect(() => t.setHandle(id, 1.5)).toThrow(RangeError);
  });
});
