// Key bytes live here, off the JS heap: packed into a few big Buffers so a million keys cost the
// garbage collector nothing. Small keys are carved from chunks in 8-byte granules and recycled through
// one free list per size class; a key above MAX_SMALL_KEY gets a Buffer of its own (rare, and a
// per-key object is then negligible next to its size).
//
// A ref is a u32 so the key table can keep it in a Uint32Array:
//   small key: chunkIndex << OFFSET_BITS | byteOffset >>> GRANULE_SHIFT   (< 2^31, so up to 16 GiB of small keys)
//   large key: LARGE_FLAG + index into `large`

const GRANULE_SHIFT = 3;
const CHUNK_SHIFT = 20;
const MAX_CHUNK_BYTES = 1 << CHUNK_SHIFT;
const MIN_CHUNK_BYTES = 8 << 10;
const OFFSET_BITS = CHUNK_SHIFT - GRANULE_SHIFT;
const OFFSET_MASK = (1 << OFFSET_BITS) - 1;
const MAX_CHUNKS = 1 << (31 - OFFSET_BITS);
const LARGE_FLAG = 2 ** 31;
export const MAX_SMALL_KEY = 4096;
/** Below this length a byte loop beats a native call (compare/copy) on V8. */
const NATIVE_THRESHOLD = 48;
const NO_BLOCK = -1;

// Size classes: every multiple of 8 up to 256 B (where almost all keys are), then four steps per
// doubling up to MAX_SMALL_KEY, so rounding wastes at most 25% of a block.
const CLASS_SIZES: number[] = [];
for (let size = 8; size <= 256; size += 8) CLASS_SIZES.push(size);
for (let base = 256; base < MAX_SMALL_KEY; base *= 2) {
  for (let q = 1; q <= 4; q++) CLASS_SIZES.push(base + (q * base) / 4);
}
const CLASS_BY_GRANULES = new Uint8Array((MAX_SMALL_KEY >>> GRANULE_SHIFT) + 1);
for (let g = 0, cls = 0; g < CLASS_BY_GRANULES.length; g++) {
  while (CLASS_SIZES[cls]! < g << GRANULE_SHIFT) cls++;
  CLASS_BY_GRANULES[g] = cls;
}

function classOf(len: number): number {
  return CLASS_BY_GRANULES[(len + 7) >>> GRANULE_SHIFT]!;
}

export class KeyHeap {
  private chunks: Buffer[] = [];
  private top = 0; // bump offset in the last chunk
  private readonly freeHeads = new Int32Array(CLASS_SIZES.length).fill(NO_BLOCK);
  private large: (Buffer | undefined)[] = [];
  private largeFree: number[] = [];
  private used = 0;
  private reserved = 0;

  /** Copy `len` bytes of `src` from `off` into the heap; returns the ref to pass to the other methods. */
  store(src: Uint8Array, off: number, len: number): number {
    if (len > MAX_SMALL_KEY) return this.storeLarge(src, off, len);
    const cls = classOf(len);
    let ref = this.freeHeads[cls]!;
    if (ref === NO_BLOCK) ref = this.bump(CLASS_SIZES[cls]!);
    else this.freeHeads[cls] = this.chunks[ref >>> OFFSET_BITS]!.readInt32LE((ref & OFFSET_MASK) << GRANULE_SHIFT);
    this.used += CLASS_SIZES[cls]!;
    const buf = this.chunks[ref >>> OFFSET_BITS]!;
    const pos = (ref & OFFSET_MASK) << GRANULE_SHIFT;
    if (len < NATIVE_THRESHOLD) for (let i = 0; i < len; i++) buf[pos + i] = src[off + i]!;
    else buf.set(src.subarray(off, off + len), pos);
    return ref;
  }

  /** Give a key's space back; `len` must be the length it was stored with. */
  free(ref: number, len: number): void {
    if (ref >= LARGE_FLAG) {
      const index = ref - LARGE_FLAG;
      this.large[index] = undefined;
      this.largeFree.push(index);
      this.used -= len;
      this.reserved -= len;
      return;
    }
    const cls = classOf(len);
    // The free list is threaded through the freed blocks themselves: no side allocation.
    this.chunks[ref >>> OFFSET_BITS]!.writeInt32LE(this.freeHeads[cls]!, (ref & OFFSET_MASK) << GRANULE_SHIFT);
    this.freeHeads[cls] = ref;
    this.used -= CLASS_SIZES[cls]!;
  }

  equals(ref: number, len: number, src: Uint8Array, off: number): boolean {
    const buf = this.bufferOf(ref);
    const pos = offsetOf(ref);
    if (len >= NATIVE_THRESHOLD) return buf.compare(src, off, off + len, pos, pos + len) === 0;
    for (let i = 0; i < len; i++) if (buf[pos + i] !== src[off + i]) return false;
    return true;
  }

  copyTo(ref: number, len: number, dst: Uint8Array, dstOff: number): void {
    const buf = this.bufferOf(ref);
    const pos = offsetOf(ref);
    if (len < NATIVE_THRESHOLD) for (let i = 0; i < len; i++) dst[dstOff + i] = buf[pos + i]!;
    else buf.copy(dst, dstOff, pos, pos + len);
  }

  latin1(ref: number, len: number): string {
    const pos = offsetOf(ref);
    return this.bufferOf(ref).toString("latin1", pos, pos + len);
  }

  /** Bytes held by live keys, rounded up to their size class. */
  bytesUsed(): number {
    return this.used;
  }

  /** Bytes of every Buffer the heap holds, free space included. */
  bytesReserved(): number {
    return this.reserved;
  }

  clear(): void {
    this.chunks = [];
    this.top = 0;
    this.freeHeads.fill(NO_BLOCK);
    this.large = [];
    this.largeFree = [];
    this.used = 0;
    this.reserved = 0;
  }

  private bufferOf(ref: number): Buffer {
    return ref >= LARGE_FLAG ? this.large[ref - LARGE_FLAG]! : this.chunks[ref >>> OFFSET_BITS]!;
  }

  private bump(size: number): number {
    let last = this.chunks.length - 1;
    if (last < 0 || this.top + size > this.chunks[last]!.length) {
      // The tail of the old chunk (< MAX_SMALL_KEY bytes) is abandoned: at most 0.4% of a full chunk.
      if (this.chunks.length === MAX_CHUNKS) throw new RangeError("key heap is full (16 GiB of small keys)");
      // Chunks start small so an empty database costs little, then double up to 1 MiB.
      const bytes = last < 0 ? MIN_CHUNK_BYTES : Math.min(MAX_CHUNK_BYTES, this.chunks[last]!.length * 2);
      this.chunks.push(Buffer.allocUnsafeSlow(bytes));
      this.reserved += bytes;
      this.top = 0;
      last++;
    }
    const ref = (last << OFFSET_BITS) | (this.top >>> GRANULE_SHIFT);
    this.top += size;
    return ref;
  }

  private storeLarge(src: Uint8Array, off: number, len: number): number {
    const buf = Buffer.allocUnsafeSlow(len);
    buf.set(src.subarray(off, off + len));
    const index = this.largeFree.length > 0 ? this.largeFree.pop()! : this.large.length;
    this.large[index] = buf;
    this.used += len;
    this.reserved += len;
    return LARGE_FLAG + index;
  }
}

function offsetOf(ref: number): number {
  return ref >= LARGE_FLAG ? 0 : (ref & OFFSET_MASK) << GRANULE_SHIFT;
}
