// The keyspace index of one database: key bytes -> entry id -> (type, value handle, expiry, access stats),
// in typed arrays only, so millions of keys create no JS objects for the garbage collector to trace.
//
// Entries: struct-of-arrays indexed by a stable entry id (it never moves while its key exists — SCAN
// cursors and random sampling rely on that), in fixed-size pages (pages.ts) so that growing never copies
// them. Freed ids are recycled LIFO through a free list threaded through the entries' REF field. The
// first INLINE_BYTES of each key sit in the entry itself and only the rest goes to the key heap: a hit on
// a typical short key then costs two dependent cache misses (slot, entry) instead of three, and the bytes
// cost the same wherever they are kept.
//
// The hash index (slot-index.ts) grows incrementally. The entry keeps no copy of its hash: the index
// needs one only to move or shift a slot, and then rehashing the key (inline for short keys) costs about
// what reading a stored hash did, a cache miss on the entry, and saves 4 bytes per key.
//
// Limits: ids < 2^31 (slot packing); handles are u32 (plugin pointers: wasm32 memories are ≤ 4 GiB);
// type ids < 2^16; the LRU clock is u32 seconds.
import { hashBytes } from "./hash-bytes.js";
import { KeyHeap } from "./key-heap.js";
import { LiveIdSet } from "./live-id-set.js";
import { LFU_INIT_VAL, lfuDecay, lfuLogIncr } from "./lfu.js";
import { growPages, nextCapacity, PAGE_MASK, PAGE_SHIFT, pagesBytes } from "./pages.js";
import { SlotIndex, type IndexedEntries } from "./slot-index.js";
import { VolatileSet } from "./volatile-set.js";

// Fields of the meta pages: eight u32 (32 bytes, aligned) per entry, so a lookup and a touch stay within
// one cache line.
const LEN = 0;
const LRU = 1; // last access, unix seconds
const REF = 2; // key-heap ref of the bytes after the inline prefix; for a free entry, the next free id
const TYPE_LFU = 3; // storage tier << 24 | value type id << 8 | LFU counter
const STRIDE = 8;
const INLINE_OFFSET = 16; // byte offset of the key's prefix within an entry
const INLINE_BYTES = 16;

const MIN_CAPACITY = 32;
const NO_ENTRY = -1;
/** Uniform rejection draws over the id range before falling back to an O(log n) rank select. */
const RANDOM_PROBES = 8;

export class KeyTable implements IndexedEntries {
  size = 0;
  private readonly seed = (Math.random() * 2 ** 32) >>> 0;
  private readonly heap = new KeyHeap();
  private readonly index: SlotIndex;
  private capacity = 0;
  private meta: Uint32Array[] = [];
  private metaBytes: Buffer[] = []; // byte views of `meta`, for the inline key prefixes
  private handles: Uint32Array[] = [];
  private hotSizes: Uint32Array[] = [];
  private live!: LiveIdSet;
  private volatile!: VolatileSet;
  private freeHead = NO_ENTRY;
  /** Ids at or above this were never handed out. */
  private highWater = 0;
  /** Holds a long key's bytes while it is rehashed. */
  private readonly scratch = Buffer.alloc(4096);

  /** `initialCapacity`: keys the index takes before its first growth. */
  constructor(initialCapacity = MIN_CAPACITY) {
    this.index = new SlotIndex(this, powerOfTwoAtLeast(2 * Math.max(MIN_CAPACITY, initialCapacity)));
    this.reset();
  }

  /** Entry id of the key `src[off, off+len)`, or -1. */
  find(src: Uint8Array, off: number, len: number): number {
    return this.index.find(hashBytes(this.seed, src, off, len), src, off, len);
  }

  /** Add a key the caller knows is absent; returns its new entry id (type 0, handle 0, no TTL). */
  insert(src: Uint8Array, off: number, len: number, nowMs = Date.now()): number {
    let id: number;
    if (this.freeHead !== NO_ENTRY) {
      id = this.freeHead;
      this.freeHead = this.meta[id >>> PAGE_SHIFT]![(id & PAGE_MASK) * STRIDE + REF]! | 0; // NO_ENTRY reads back as 2^32-1
    } else {
      if (this.highWater === this.capacity) this.grow();
      id = this.highWater++;
    }
    const meta = this.meta[id >>> PAGE_SHIFT]!;
    const m = (id & PAGE_MASK) * STRIDE;
    meta[m + LEN] = len;
    const bytes = this.metaBytes[id >>> PAGE_SHIFT]!;
    const at = m * 4 + INLINE_OFFSET;
    const inlineLen = Math.min(len, INLINE_BYTES);
    for (let i = 0; i < inlineLen; i++) bytes[at + i] = src[off + i]!;
    if (len > INLINE_BYTES) meta[m + REF] = this.heap.store(src, off + INLINE_BYTES, len - INLINE_BYTES);
    meta[m + LRU] = nowMs / 1000;
    meta[m + TYPE_LFU] = LFU_INIT_VAL;
    this.hotSizes[id >>> PAGE_SHIFT]![id & PAGE_MASK] = 0;
    this.handles[id >>> PAGE_SHIFT]![id & PAGE_MASK] = 0;
    this.index.insert(hashBytes(this.seed, src, off, len), id);
    this.live.add(id);
    this.size++;
    return id;
  }

  remove(id: number): void {
    this.index.remove(this.hashOf(id), id);
    const meta = this.meta[id >>> PAGE_SHIFT]!;
    const m = (id & PAGE_MASK) * STRIDE;
    const len = meta[m + LEN]!;
    if (len > INLINE_BYTES) this.heap.free(meta[m + REF]!, len - INLINE_BYTES);
    this.live.delete(id);
    this.volatile.delete(id);
    meta[m + REF] = this.freeHead;
    this.freeHead = id;
    this.size--;
  }

  isLive(id: number): boolean {
    return id < this.highWater && this.live.has(id);
  }

  keyLength(id: number): number {
    return this.meta[id >>> PAGE_SHIFT]![(id & PAGE_MASK) * STRIDE + LEN]!;
  }

  copyKey(id: number, dst: Uint8Array, dstOff: number): void {
    const meta = this.meta[id >>> PAGE_SHIFT]!;
    const bytes = this.metaBytes[id >>> PAGE_SHIFT]!;
    const m = (id & PAGE_MASK) * STRIDE;
    const len = meta[m + LEN]!;
    const at = m * 4 + INLINE_OFFSET;
    const inlineLen = Math.min(len, INLINE_BYTES);
    for (let i = 0; i < inlineLen; i++) dst[dstOff + i] = bytes[at + i]!;
    if (len > INLINE_BYTES) this.heap.copyTo(meta[m + REF]!, len - INLINE_BYTES, dst, dstOff + INLINE_BYTES);
  }

  keyLatin1(id: number): string {
    const meta = this.meta[id >>> PAGE_SHIFT]!;
    const m = (id & PAGE_MASK) * STRIDE;
    const len = meta[m + LEN]!;
    const at = m * 4 + INLINE_OFFSET;
    const prefix = this.metaBytes[id >>> PAGE_SHIFT]!.toString("latin1", at, at + Math.min(len, INLINE_BYTES));
    return len > INLINE_BYTES ? prefix + this.heap.latin1(meta[m + REF]!, len - INLINE_BYTES) : prefix;
  }

  /** A new Buffer holding the key's bytes. */
  keyBuffer(id: number): Buffer {
    const out = Buffer.allocUnsafe(this.keyLength(id));
    this.copyKey(id, out, 0);
    return out;
  }

  keyEquals(id: number, src: Uint8Array, off: number, len: number): boolean {
    return this.matches(id, src, off, len);
  }

  type(id: number): number {
    return (this.meta[id >>> PAGE_SHIFT]![(id & PAGE_MASK) * STRIDE + TYPE_LFU]! >>> 8) & 0xffff;
  }

  setType(id: number, type: number): void {
    const meta = this.meta[id >>> PAGE_SHIFT]!;
    const at = (id & PAGE_MASK) * STRIDE + TYPE_LFU;
    meta[at] = (type << 8) | (meta[at]! & 0xff0000ff);
  }

  /** Storage tier (tiers/tiering.ts): 0 = hot, the handle is the owner's; otherwise the handle is a tier record. */
  tier(id: number): number {
    return this.meta[id >>> PAGE_SHIFT]![(id & PAGE_MASK) * STRIDE + TYPE_LFU]! >>> 24;
  }

  setTier(id: number, tier: number): void {
    const meta = this.meta[id >>> PAGE_SHIFT]!;
    const at = (id & PAGE_MASK) * STRIDE + TYPE_LFU;
    meta[at] = ((tier << 24) | (meta[at]! & 0xffffff)) >>> 0;
  }

  /** Bytes of plugin memory the value used when last measured (tiers/), 0 while demoted. */
  hotSize(id: number): number {
    return this.hotSizes[id >>> PAGE_SHIFT]![id & PAGE_MASK]!;
  }

  setHotSize(id: number, bytes: number): void {
    this.hotSizes[id >>> PAGE_SHIFT]![id & PAGE_MASK] = bytes;
  }

  handle(id: number): number {
    return this.handles[id >>> PAGE_SHIFT]![id & PAGE_MASK]!;
  }

  /** `handle` must be a u32: a RangeError otherwise, rather than a silently truncated pointer. */
  setHandle(id: number, handle: number): void {
    if (handle >>> 0 !== handle) throw new RangeError(`value handle ${handle} is not a u32`);
    this.handles[id >>> PAGE_SHIFT]![id & PAGE_MASK] = handle;
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

  /**
   * Record an access: the LRU clock and, with `lfu`, Redis's probabilistic LFU counter (with decay).
   * Redis too updates the counter only while something ranks keys by it.
   */
  touch(id: number, nowMs: number, lfu = true, lfuLogFactor = 10, lfuDecayTimeMinutes = 1): void {
    const meta = this.meta[id >>> PAGE_SHIFT]!;
    const m = (id & PAGE_MASK) * STRIDE;
    if (lfu) meta[m + TYPE_LFU] = (meta[m + TYPE_LFU]! & ~0xff) | lfuLogIncr(this.lfu(id, nowMs, lfuDecayTimeMinutes), lfuLogFactor);
    meta[m + LRU] = nowMs / 1000;
  }

  /** Set the access statistics outright (RESTORE IDLETIME/FREQ); freq < 0 keeps the LFU counter. */
  setAccess(id: number, lastAccessMs: number, freq: number): void {
    const meta = this.meta[id >>> PAGE_SHIFT]!;
    const m = (id & PAGE_MASK) * STRIDE;
    meta[m + LRU] = Math.max(0, lastAccessMs) / 1000;
    if (freq >= 0) meta[m + TYPE_LFU] = (meta[m + TYPE_LFU]! & ~0xff) | (freq & 0xff);
  }

  /** Milliseconds since the last access, at the LRU clock's one-second resolution (like Redis). */
  idleMs(id: number, nowMs: number): number {
    return Math.max(0, nowMs - this.meta[id >>> PAGE_SHIFT]![(id & PAGE_MASK) * STRIDE + LRU]! * 1000);
  }

  /** The LFU counter as OBJECT FREQ reports it: decayed to `nowMs`, without counting an access. */
  lfu(id: number, nowMs: number, lfuDecayTimeMinutes = 1): number {
    const meta = this.meta[id >>> PAGE_SHIFT]!;
    const m = (id & PAGE_MASK) * STRIDE;
    const lastMinutes = Math.floor(meta[m + LRU]! / 60);
    return lfuDecay(meta[m + TYPE_LFU]! & 0xff, lastMinutes, Math.floor(nowMs / 60_000), lfuDecayTimeMinutes);
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
    this.index.clear();
    this.reset();
  }

  /** Bytes held by the index: typed arrays plus key storage (INFO memory). */
  memoryBytes(): number {
    return (
      pagesBytes(this.meta) +
      pagesBytes(this.handles) +
      pagesBytes(this.hotSizes) +
      this.index.memoryBytes() +
      this.live.memoryBytes() +
      this.volatile.memoryBytes() +
      this.heap.bytesReserved()
    );
  }

  /**
   * What one key costs the index (MEMORY USAGE): its meta and handle slots, two hash slots (the index
   * stays at most half full) and the key bytes beyond the inline prefix.
   */
  entryBytes(id: number): number {
    return STRIDE * 4 + 4 + 2 * 4 + Math.max(0, this.keyLength(id) - INLINE_BYTES);
  }

  /** IndexedEntries: rehash the stored key. */
  hashOf(id: number): number {
    const len = this.keyLength(id);
    if (len <= INLINE_BYTES) {
      return hashBytes(this.seed, this.metaBytes[id >>> PAGE_SHIFT]!, (id & PAGE_MASK) * STRIDE * 4 + INLINE_OFFSET, len);
    }
    // Keys too long for the scratch buffer are rare: a temporary beats pinning the longest one seen.
    const buf = len <= this.scratch.length ? this.scratch : Buffer.allocUnsafe(len);
    this.copyKey(id, buf, 0);
    return hashBytes(this.seed, buf, 0, len);
  }

  /** IndexedEntries: whether entry `id`'s key is `src[off, off+len)`. */
  matches(id: number, src: Uint8Array, off: number, len: number): boolean {
    const meta = this.meta[id >>> PAGE_SHIFT]!;
    const m = (id & PAGE_MASK) * STRIDE;
    if (meta[m + LEN] !== len) return false;
    const bytes = this.metaBytes[id >>> PAGE_SHIFT]!;
    const at = m * 4 + INLINE_OFFSET;
    const inlineLen = len < INLINE_BYTES ? len : INLINE_BYTES;
    for (let i = 0; i < inlineLen; i++) if (bytes[at + i] !== src[off + i]) return false;
    return len <= INLINE_BYTES || this.heap.equals(meta[m + REF]!, len - INLINE_BYTES, src, off + INLINE_BYTES);
  }

  private reset(): void {
    this.meta = [];
    this.metaBytes = [];
    this.handles = [];
    this.hotSizes = [];
    this.capacity = 0;
    this.live = new LiveIdSet();
    this.volatile = new VolatileSet();
    this.grow();
    this.freeHead = NO_ENTRY;
    this.highWater = 0;
    this.size = 0;
  }

  /** One growth step: a new page, or a doubling of the first one while it is smaller than a page. */
  private grow(): void {
    const capacity = nextCapacity(this.capacity);
    growPages(this.meta, capacity, STRIDE, (n) => new Uint32Array(n));
    const page = this.meta[this.meta.length - 1]!;
    this.metaBytes[this.meta.length - 1] = Buffer.from(page.buffer, page.byteOffset, page.byteLength);
    growPages(this.handles, capacity, 1, (n) => new Uint32Array(n));
    growPages(this.hotSizes, capacity, 1, (n) => new Uint32Array(n));
    this.live.grow(capacity);
    this.volatile.grow(capacity);
    this.capacity = capacity;
  }
}

function powerOfTwoAtLeast(n: number): number {
  return 2 ** Math.ceil(Math.log2(n));
}
