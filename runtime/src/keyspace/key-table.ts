// The keyspace index of one database: key bytes -> entry id -> (type, value handle, expiry, access stats),
// in typed arrays only, so millions of keys create no JS objects for the garbage collector to trace.
//
// Entries: struct-of-arrays indexed by a stable entry id (it never moves while its key exists — SCAN
// cursors and random sampling rely on that). Freed ids are recycled LIFO through a free list threaded
// through the entries' REF field. The first INLINE_BYTES of each key sit in the entry itself and only
// the rest goes to the key heap: a hit on a typical short key then costs two dependent cache misses
// (slot, entry) instead of three, and the bytes cost the same wherever they are kept.
//
// Index: open addressing with linear probing over `slots`, twice the entry capacity, so the load factor
// never exceeds 0.5 and probes stay short. A slot packs the entry id (low `idBits` bits) with a tag of
// the key's hash (the remaining high bits, low tag bit forced to 1 so an occupied slot is never 0):
// most mismatches are rejected without touching the entry or the key bytes. Deletion shifts the
// following cluster back, so there are no tombstones.
//
// Capacity doubles when full; the index is then rebuilt from the stored hashes (no key is re-read). That
// rebuild is O(n) in one go (measured ≈ 0.25 s at 1 M keys on a busy 2-core machine): pass
// `initialCapacity` when the key count is known in advance (loading a snapshot).
// Limits: ids < 2^31 (slot packing); in practice the typed-array sizes (32 B of `meta` per entry) bind first.
import { hashBytes } from "./hash-bytes.js";
import { KeyHeap } from "./key-heap.js";
import { LiveIdSet } from "./live-id-set.js";
import { LFU_INIT_VAL, lfuDecay, lfuLogIncr } from "./lfu.js";
import { VolatileSet } from "./volatile-set.js";

// Fields of `meta`: eight u32 (32 bytes, aligned) per entry, so a lookup and a touch stay within one
// cache line.
const HASH = 0;
const LEN = 1;
const LRU = 2; // last access, unix seconds
const REF = 3; // key-heap ref of the bytes after the inline prefix; for a free entry, the next free id
const STRIDE = 8;
const INLINE_OFFSET = 16; // byte offset of the key's prefix within an entry
const INLINE_BYTES = 16;

const MIN_CAPACITY = 32;
const NO_ENTRY = -1;
/** Uniform rejection draws over the id range before falling back to an O(log n) rank select. */
const RANDOM_PROBES = 8;

export class KeyTable {
  size = 0;
  private readonly seed = (Math.random() * 2 ** 32) >>> 0;
  private readonly initialCapacity: number;
  private readonly heap = new KeyHeap();
  private capacity = 0;
  private idBits = 0;
  private meta!: Uint32Array;
  private metaBytes!: Buffer; // byte view of `meta`, for the inline key prefixes
  private handles!: Float64Array;
  private types!: Uint16Array;
  private lfuCounters!: Uint8Array;
  private live!: LiveIdSet;
  private volatile!: VolatileSet;
  private slots!: Uint32Array;
  private freeHead = NO_ENTRY;
  /** Ids at or above this were never handed out. */
  private highWater = 0;

  constructor(initialCapacity = MIN_CAPACITY) {
    this.initialCapacity = powerOfTwoAtLeast(Math.max(MIN_CAPACITY, initialCapacity));
    this.allocate(this.initialCapacity);
  }

  /** Entry id of the key `src[off, off+len)`, or -1. */
  find(src: Uint8Array, off: number, len: number): number {
    const hash = hashBytes(this.seed, src, off, len);
    const slots = this.slots;
    const meta = this.meta;
    const mask = slots.length - 1;
    const bits = this.idBits;
    const idMask = this.capacity - 1;
    const tag = (hash >>> bits) | 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const slot = slots[i]!;
      if (slot === 0) return NO_ENTRY;
      if (slot >>> bits !== tag) continue;
      const id = slot & idMask;
      const m = id * STRIDE;
      if (meta[m + HASH] === hash && meta[m + LEN] === len && this.keyBytesEqual(id, src, off, len)) return id;
    }
  }

  /** Add a key the caller knows is absent; returns its new entry id (type 0, handle 0, no TTL). */
  insert(src: Uint8Array, off: number, len: number, nowMs = Date.now()): number {
    if (this.freeHead === NO_ENTRY && this.highWater === this.capacity) this.grow();
    let id: number;
    if (this.freeHead !== NO_ENTRY) {
      id = this.freeHead;
      this.freeHead = this.meta[id * STRIDE + REF]! | 0; // stored as u32, NO_ENTRY reads back as 2^32-1
    } else {
      id = this.highWater++;
    }
    const hash = hashBytes(this.seed, src, off, len);
    const m = id * STRIDE;
    this.meta[m + HASH] = hash;
    this.meta[m + LEN] = len;
    const inlineLen = Math.min(len, INLINE_BYTES);
    const at = id * STRIDE * 4 + INLINE_OFFSET;
    for (let i = 0; i < inlineLen; i++) this.metaBytes[at + i] = src[off + i]!;
    if (len > INLINE_BYTES) this.meta[m + REF] = this.heap.store(src, off + INLINE_BYTES, len - INLINE_BYTES);
    this.meta[m + LRU] = nowMs / 1000;
    this.handles[id] = 0;
    this.types[id] = 0;
    this.lfuCounters[id] = LFU_INIT_VAL;
    this.place(hash, id);
    this.live.add(id);
    this.size++;
    return id;
  }

  remove(id: number): void {
    const m = id * STRIDE;
    this.unplace(this.meta[m + HASH]!, id);
    const len = this.meta[m + LEN]!;
    if (len > INLINE_BYTES) this.heap.free(this.meta[m + REF]!, len - INLINE_BYTES);
    this.live.delete(id);
    this.volatile.delete(id);
    this.meta[m + REF] = this.freeHead;
    this.freeHead = id;
    this.size--;
  }

  keyLength(id: number): number {
    return this.meta[id * STRIDE + LEN]!;
  }

  copyKey(id: number, dst: Uint8Array, dstOff: number): void {
    const m = id * STRIDE;
    const len = this.meta[m + LEN]!;
    const at = m * 4 + INLINE_OFFSET;
    const inlineLen = Math.min(len, INLINE_BYTES);
    for (let i = 0; i < inlineLen; i++) dst[dstOff + i] = this.metaBytes[at + i]!;
    if (len > INLINE_BYTES) this.heap.copyTo(this.meta[m + REF]!, len - INLINE_BYTES, dst, dstOff + INLINE_BYTES);
  }

  keyLatin1(id: number): string {
    const m = id * STRIDE;
    const len = this.meta[m + LEN]!;
    const at = m * 4 + INLINE_OFFSET;
    const prefix = this.metaBytes.toString("latin1", at, at + Math.min(len, INLINE_BYTES));
    return len > INLINE_BYTES ? prefix + this.heap.latin1(this.meta[m + REF]!, len - INLINE_BYTES) : prefix;
  }

  /** A new Buffer holding the key's bytes. */
  keyBuffer(id: number): Buffer {
    const out = Buffer.allocUnsafe(this.keyLength(id));
    this.copyKey(id, out, 0);
    return out;
  }

  keyEquals(id: number, src: Uint8Array, off: number, len: number): boolean {
    return this.meta[id * STRIDE + LEN] === len && this.keyBytesEqual(id, src, off, len);
  }

  type(id: number): number {
    return this.types[id]!;
  }

  setType(id: number, type: number): void {
    this.types[id] = type;
  }

  handle(id: number): number {
    return this.handles[id]!;
  }

  setHandle(id: number, handle: number): void {
    this.handles[id] = handle;
  }

  /** Absolute unix ms, 0 = no TTL. */
  expire(id: number): number {
    return this.volatile.get(id);
  }

  setExpire(id: number, ms: number): void {
    this.volatile.set(id, ms);
  }

  volatileCount(): number {
    return this.volatile.count;
  }

  /** A uniformly drawn entry id that has a TTL, -1 when none has. */
  randomVolatile(): number {
    return this.volatile.random();
  }

  /** A uniformly drawn live entry id, -1 when the table is empty. */
  randomEntry(): number {
    if (this.size === 0) return NO_ENTRY;
    // Rejection sampling is O(1) while live ids are dense; after mass deletions the rank select keeps it
    // bounded. Each path alone is uniform, so the combination is too.
    for (let i = 0; i < RANDOM_PROBES; i++) {
      const id = Math.floor(Math.random() * this.highWater);
      if (this.live.has(id)) return id;
    }
    return this.live.select(Math.floor(Math.random() * this.size));
  }

  /** Record an access: LRU clock and Redis's probabilistic LFU counter (with decay). */
  touch(id: number, nowMs: number, lfuLogFactor = 10, lfuDecayTimeMinutes = 1): void {
    const counter = this.lfu(id, nowMs, lfuDecayTimeMinutes);
    this.lfuCounters[id] = lfuLogIncr(counter, lfuLogFactor);
    this.meta[id * STRIDE + LRU] = nowMs / 1000;
  }

  /** Milliseconds since the last access, at the LRU clock's one-second resolution (like Redis). */
  idleMs(id: number, nowMs: number): number {
    return Math.max(0, nowMs - this.meta[id * STRIDE + LRU]! * 1000);
  }

  /** The LFU counter as OBJECT FREQ reports it: decayed to `nowMs`, without counting an access. */
  lfu(id: number, nowMs: number, lfuDecayTimeMinutes = 1): number {
    const lastMinutes = Math.floor(this.meta[id * STRIDE + LRU]! / 60);
    return lfuDecay(this.lfuCounters[id]!, lastMinutes, Math.floor(nowMs / 60_000), lfuDecayTimeMinutes);
  }

  /**
   * Visit up to `count` live entries with id >= `cursor`, in id order; returns the cursor to continue
   * from, 0 when the end is reached. Ids do not move, so a key present for the whole scan is visited
   * exactly once, whatever is inserted, removed or grown meanwhile (`visit` may itself remove entries).
   */
  scan(cursor: number, count: number, visit: (id: number) => void): number {
    let id = cursor;
    for (let n = 0; n < count; n++) {
      id = this.live.next(id, this.highWater);
      if (id >= this.highWater) return 0;
      visit(id);
      id++;
    }
    return id >= this.highWater ? 0 : id;
  }

  /** Drop every key and return to the initial capacity. */
  clear(): void {
    this.heap.clear();
    this.allocate(this.initialCapacity);
  }

  /** Bytes held by the index: typed arrays plus key storage (INFO memory). */
  memoryBytes(): number {
    return (
      this.meta.byteLength +
      this.handles.byteLength +
      this.types.byteLength +
      this.lfuCounters.byteLength +
      this.slots.byteLength +
      this.live.memoryBytes() +
      this.volatile.memoryBytes() +
      this.heap.bytesReserved()
    );
  }

  /** Whether entry `id`'s key, known to be `len` bytes long, equals `src[off, off+len)`. */
  private keyBytesEqual(id: number, src: Uint8Array, off: number, len: number): boolean {
    const bytes = this.metaBytes;
    const at = id * STRIDE * 4 + INLINE_OFFSET;
    const inlineLen = len < INLINE_BYTES ? len : INLINE_BYTES;
    for (let i = 0; i < inlineLen; i++) if (bytes[at + i] !== src[off + i]) return false;
    return len <= INLINE_BYTES || this.heap.equals(this.meta[id * STRIDE + REF]!, len - INLINE_BYTES, src, off + INLINE_BYTES);
  }

  private setMeta(meta: Uint32Array): void {
    this.meta = meta;
    this.metaBytes = Buffer.from(meta.buffer, meta.byteOffset, meta.byteLength);
  }

  private allocate(capacity: number): void {
    this.capacity = capacity;
    this.idBits = 31 - Math.clz32(capacity);
    this.setMeta(new Uint32Array(capacity * STRIDE));
    this.handles = new Float64Array(capacity);
    this.types = new Uint16Array(capacity);
    this.lfuCounters = new Uint8Array(capacity);
    this.live = new LiveIdSet(capacity);
    this.volatile = new VolatileSet(capacity);
    this.slots = new Uint32Array(capacity * 2);
    this.freeHead = NO_ENTRY;
    this.highWater = 0;
    this.size = 0;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    this.setMeta(grown(this.meta, new Uint32Array(capacity * STRIDE)));
    this.handles = grown(this.handles, new Float64Array(capacity));
    this.types = grown(this.types, new Uint16Array(capacity));
    this.lfuCounters = grown(this.lfuCounters, new Uint8Array(capacity));
    this.live.grow(capacity);
    this.volatile.grow(capacity);
    this.capacity = capacity;
    this.idBits++;
    // Tags and positions depend on the capacity: re-place every entry from its stored hash.
    this.slots = new Uint32Array(capacity * 2);
    for (let id = this.live.next(0, this.highWater); id < this.highWater; id = this.live.next(id + 1, this.highWater)) {
      this.place(this.meta[id * STRIDE + HASH]!, id);
    }
  }

  private place(hash: number, id: number): void {
    const slots = this.slots;
    const mask = slots.length - 1;
    let i = hash & mask;
    while (slots[i] !== 0) i = (i + 1) & mask;
    slots[i] = (((hash >>> this.idBits) | 1) << this.idBits) | id;
  }

  private unplace(hash: number, id: number): void {
    const slots = this.slots;
    const mask = slots.length - 1;
    const idMask = this.capacity - 1;
    let hole = hash & mask;
    while (slots[hole] === 0 || (slots[hole]! & idMask) !== id) hole = (hole + 1) & mask;
    // Backward-shift deletion: pull later members of the cluster into the hole unless that would move
    // one before its home slot.
    for (let j = (hole + 1) & mask; ; j = (j + 1) & mask) {
      const slot = slots[j]!;
      if (slot === 0) break;
      const home = this.meta[(slot & idMask) * STRIDE + HASH]! & mask;
      if (((j - home) & mask) >= ((j - hole) & mask)) {
        slots[hole] = slot;
        hole = j;
      }
    }
    slots[hole] = 0;
  }
}

function grown<T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}

function powerOfTwoAtLeast(n: number): number {
  return 2 ** Math.ceil(Math.log2(n));
}
