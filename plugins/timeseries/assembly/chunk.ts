// A chunk: a run of samples in time order, in one heap block (header, then `capacity` bytes of data).
// COMPRESSED chunks are Gorilla streams as RedisTimeSeries keeps them: the first sample lives in the
// header; each later timestamp is a delta-of-delta in a variable-length bucket, each value the XOR with
// the previous one, written as the meaningful bits inside a leading/trailing-zero window.
// UNCOMPRESSED chunks are (i64 timestamp, f64 value) pairs.
import { heapFootprint } from "ferrite-sdk";
import { readBits, writeBits } from "./bits";

export const ENC_COMPRESSED: i32 = 0;
export const ENC_UNCOMPRESSED: i32 = 1;

const NO_WINDOW: u8 = 0xff;
const SAMPLE_BYTES: u32 = 16;

// 80 bytes of header per chunk (a 4 KiB chunk's 2 %): the window fields are bytes, and the state before
// the last sample keeps only what cannot be derived (its end timestamp is endTs - prevDelta).
@unmanaged export class Chunk {
  startTs: i64;
  endTs: i64;
  firstValue: f64;
  lastValue: f64;
  prevDelta: i64;
  count: u32;
  capacity: u32; // data bytes (a multiple of 8)
  used: u32; // compressed: bits written; uncompressed: bytes
  // The encoder's state before the last sample, so that the last sample can be rewritten in O(1)
  // (a duplicate timestamp at the head of the series: TS.ADD * many times a millisecond).
  beforeUsed: u32;
  beforeDelta: i64;
  beforeValue: f64;
  leading: u8; // the XOR window of the previous value (NO_WINDOW before the first)
  trailing: u8;
  beforeLeading: u8;
  beforeTrailing: u8;
  encoding: u8;
}

// @ts-ignore: decorator
@inline export function chunkData(c: Chunk): usize { return changetype<usize>(c) + offsetof<Chunk>(); }

/** Heap bytes a chunk occupies (MEMORY USAGE). */
export function chunkFootprint(c: Chunk): i64 { return <i64>heapFootprint(offsetof<Chunk>() + <usize>c.capacity); }

export function chunkNew(encoding: i32, capacity: u32): Chunk {
  const size = offsetof<Chunk>() + <usize>capacity;
  const c = changetype<Chunk>(heap.alloc(size));
  memory.fill(changetype<usize>(c), 0, size);
  c.capacity = capacity;
  c.encoding = <u8>encoding;
  c.leading = NO_WINDOW;
  return c;
}

/** Bits the timestamp's delta-of-delta takes after the chunk's last sample. */
function deltaBits(c: Chunk, ts: i64): u32 {
  const dod = ts - c.endTs - c.prevDelta;
  if (dod == 0) return 1;
  if (dod >= -63 && dod <= 64) return 2 + 7;
  if (dod >= -255 && dod <= 256) return 3 + 9;
  if (dod >= -2047 && dod <= 2048) return 4 + 12;
  return dod >= i32.MIN_VALUE && dod <= i32.MAX_VALUE ? 5 + 32 : 5 + 64;
}

/** Bits the value's XOR with the chunk's last value takes. */
function valueBits(c: Chunk, v: f64): u32 {
  const xor = reinterpret<u64>(v) ^ reinterpret<u64>(c.lastValue);
  if (xor == 0) return 1;
  let lead = <u32>clz(xor);
  if (lead > 31) lead = 31;
  const trail = <u32>ctz(xor);
  if (c.leading != NO_WINDOW && lead >= c.leading && trail >= c.trailing) return 2 + 64 - c.leading - c.trailing;
  return 2 + 5 + 6 + 64 - lead - trail;
}

/** Whether the sample fits after the chunk's last one: compressed chunks fill to their last bit. */
export function chunkHasRoom(c: Chunk, ts: i64, v: f64): bool {
  if (c.count == 0) return true;
  if (c.encoding == <u8>ENC_UNCOMPRESSED) return c.used + SAMPLE_BYTES <= c.capacity;
  return c.used + deltaBits(c, ts) + valueBits(c, v) <= c.capacity << 3;
}

/** Appends a sample newer than the chunk's last one (the caller checked chunkHasRoom). */
export function chunkAppend(c: Chunk, ts: i64, v: f64): void {
  if (c.encoding == <u8>ENC_UNCOMPRESSED) {
    const at = chunkData(c) + <usize>c.used;
    store<i64>(at, ts);
    store<f64>(at, v, 8);
    c.used += SAMPLE_BYTES;
  } else if (c.count > 0) {
    c.beforeUsed = c.used;
    c.beforeLeading = c.leading;
    c.beforeTrailing = c.trailing;
    c.beforeDelta = c.prevDelta;
    c.beforeValue = c.lastValue;
    appendCompressed(c, ts, v);
  }
  if (c.count == 0) {
    c.startTs = ts;
    c.firstValue = v;
  }
  c.endTs = ts;
  c.lastValue = v;
  c.count++;
}

/** Rewrites the value of the chunk's last sample; false when the new value does not fit (nothing changed). */
export function chunkReplaceLast(c: Chunk, v: f64): bool {
  const ts = c.endTs;
  if (c.encoding == <u8>ENC_UNCOMPRESSED) {
    store<f64>(chunkData(c) + <usize>c.used - 8, v);
  } else if (c.count == 1) {
    c.firstValue = v;
  } else {
    const used = c.used, leading = c.leading, trailing = c.trailing, delta = c.prevDelta, last = c.lastValue;
    c.used = c.beforeUsed;
    c.leading = c.beforeLeading;
    c.trailing = c.beforeTrailing;
    c.prevDelta = c.beforeDelta;
    c.endTs = ts - delta;
    c.lastValue = c.beforeValue;
    if (!chunkHasRoom(c, ts, v)) { // put the state back as it was
      c.used = used;
      c.leading = leading;
      c.trailing = trailing;
      c.prevDelta = delta;
      c.endTs = ts;
      c.lastValue = last;
      return false;
    }
    clearBits(chunkData(c), c.used, used);
    appendCompressed(c, ts, v);
    c.endTs = ts;
  }
  c.lastValue = v;
  return true;
}

/** Zeroes bits [from, to) of a bit stream (the writer ORs, so rewritten bits must start at 0). */
function clearBits(base: usize, from: u32, to: u32): void {
  let pos = from;
  while (pos < to) {
    const word = base + (<usize>(pos >> 6) << 3);
    const off = pos & 63;
    store<u64>(word, off == 0 ? 0 : load<u64>(word) & ((<u64>1 << <u64>off) - 1));
    pos = (pos | 63) + 1;
  }
}

function appendCompressed(c: Chunk, ts: i64, v: f64): void {
  const base = chunkData(c);
  let pos = c.used;
  const delta = ts - c.endTs;
  const dod = delta - c.prevDelta;
  c.prevDelta = delta;
  if (dod == 0) pos = writeBits(base, pos, 0, 1);
  else if (dod >= -63 && dod <= 64) pos = writeBits(base, writeBits(base, pos, 0b01, 2), <u64>(dod + 63), 7);
  else if (dod >= -255 && dod <= 256) pos = writeBits(base, writeBits(base, pos, 0b011, 3), <u64>(dod + 255), 9);
  else if (dod >= -2047 && dod <= 2048) pos = writeBits(base, writeBits(base, pos, 0b0111, 4), <u64>(dod + 2047), 12);
  else if (dod >= i32.MIN_VALUE && dod <= i32.MAX_VALUE) pos = writeBits(base, writeBits(base, pos, 0b01111, 5), <u64>dod, 32);
  else pos = writeBits(base, writeBits(base, pos, 0b11111, 5), <u64>dod, 64);

  const xor = reinterpret<u64>(v) ^ reinterpret<u64>(c.lastValue);
  if (xor == 0) {
    pos = writeBits(base, pos, 0, 1);
  } else {
    let lead = <u32>clz(xor);
    if (lead > 31) lead = 31;
    const trail = <u32>ctz(xor);
    if (c.leading != NO_WINDOW && lead >= c.leading && trail >= c.trailing) {
      pos = writeBits(base, pos, 0b01, 2);
      pos = writeBits(base, pos, xor >> <u64>c.trailing, <i32>(64 - c.leading - c.trailing));
    } else {
      const meaningful = 64 - lead - trail;
      pos = writeBits(base, pos, 0b11, 2);
      pos = writeBits(base, pos, <u64>lead, 5);
      pos = writeBits(base, pos, <u64>(meaningful - 1), 6);
      pos = writeBits(base, pos, xor >> <u64>trail, <i32>meaningful);
      c.leading = <u8>lead;
      c.trailing = <u8>trail;
    }
  }
  c.used = pos;
}

// The reader: one chunk at a time, its state in module variables (nothing allocated per sample).
let rChunk: Chunk = changetype<Chunk>(0);
let rIndex: u32 = 0;
let rPos: u32 = 0;
let rDelta: i64 = 0;
let rLeading: u32 = 0;
let rTrailing: u32 = 0;
/** The sample readNext() produced. */
export let readTs: i64 = 0;
export let readValue: f64 = 0;

export function readStart(c: Chunk): void {
  rChunk = c;
  rIndex = 0;
  rPos = 0;
  rDelta = 0;
}

/** The next sample of the chunk into readTs/readValue; false at its end. */
export function readNext(): bool {
  const c = rChunk;
  if (rIndex >= c.count) return false;
  const base = chunkData(c);
  if (c.encoding == <u8>ENC_UNCOMPRESSED) {
    const at = base + (<usize>rIndex << 4);
    readTs = load<i64>(at);
    readValue = load<f64>(at, 8);
  } else if (rIndex == 0) {
    readTs = c.startTs;
    readValue = c.firstValue;
  } else {
    readTs += readDelta(base);
    readValue = readXor(base);
  }
  rIndex++;
  return true;
}

function readDelta(base: usize): i64 {
  let prefix = 0;
  while (prefix < 5 && readBits(base, rPos, 1) == 1) { prefix++; rPos++; }
  if (prefix < 5) rPos++; // the terminating 0
  let dod: i64 = 0;
  if (prefix == 1) dod = <i64>readBits(base, rPos, 7) - 63;
  else if (prefix == 2) dod = <i64>readBits(base, rPos, 9) - 255;
  else if (prefix == 3) dod = <i64>readBits(base, rPos, 12) - 2047;
  else if (prefix == 4) dod = <i64><i32>readBits(base, rPos, 32);
  else if (prefix == 5) dod = <i64>readBits(base, rPos, 64);
  rPos += prefix == 1 ? 7 : prefix == 2 ? 9 : prefix == 3 ? 12 : prefix == 4 ? 32 : prefix == 5 ? 64 : 0;
  rDelta += dod;
  return rDelta;
}

function readXor(base: usize): f64 {
  const prev = reinterpret<u64>(readValue);
  if (readBits(base, rPos, 1) == 0) { rPos++; return readValue; }
  const reuse = readBits(base, rPos + 1, 1) == 0;
  rPos += 2;
  if (!reuse) {
    rLeading = <u32>readBits(base, rPos, 5);
    const meaningful = <u32>readBits(base, rPos + 5, 6) + 1;
    rTrailing = 64 - rLeading - meaningful;
    rPos += 11;
  }
  const n = 64 - rLeading - rTrailing;
  const xor = readBits(base, rPos, <i32>n) << <u64>rTrailing;
  rPos += n;
  return reinterpret<f64>(prev ^ xor);
}
