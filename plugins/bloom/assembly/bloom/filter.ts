// One Bloom filter (RedisBloom's `struct bloom`, from libbloom) sized as RedisBloom sizes it with
// BLOOM_OPT_NOROUND | BLOOM_OPT_FORCE64: bits = entries × bpe, rounded up to whole 64-bit words, and
// ceil(ln 2 × bpe) hashes; bit i of an item is (a + i·b) mod bits, a and b its two 64-bit hashes.
// Laid out as a fixed 64-byte record inside its chain's link array; the bits are a block of their own.

import { murmurHash64A } from "ferrite-sdk";

export const F_BYTES: usize = 0; // u64: size of the bit array
export const F_BITS: usize = 8; // u64: bytes × 8
export const F_SIZE: usize = 16; // u64: items added to this filter
export const F_ERROR: usize = 24; // f64
export const F_BPE: usize = 32; // f64: bits per entry
export const F_ENTRIES: usize = 40; // u64: capacity
export const F_HASHES: usize = 48; // u32
export const F_N2: usize = 52; // u32: log2 of bits for filters RedisBloom sized as powers of two (loaded dumps), else 0
export const F_DATA: usize = 56; // usize: the bit array
export const FILTER_RECORD: usize = 64;

const LN2: f64 = 0.693147180559945;
const LN2_SQUARED: f64 = 0.480453013918201;
const SEED: u64 = 0xc6a4a7935bd1e995;

/** The two hashes of the item last passed to hashItem (no tuple: that would allocate). */
export let hashA: u64 = 0;
export let hashB: u64 = 0;

export function hashItem(ptr: usize, len: i32): void {
  hashA = murmurHash64A(ptr, len, SEED);
  hashB = murmurHash64A(ptr, len, hashA);
}

export function bitsPerEntry(error: f64): f64 { return Math.abs(Math.log(error) / LN2_SQUARED); }

export function hashesFor(bpe: f64): u32 { return <u32>Math.ceil(LN2 * bpe); }

/** Fills the record at f for `entries` items at `error`; false when the bits cannot be allocated. */
export function filterInit(f: usize, entries: u64, error: f64): bool {
  const bpe = bitsPerEntry(error);
  let bits = <u64>(<f64>entries * bpe);
  if (bits == 0) bits = 1;
  const bytes = (bits & 63) != 0 ? ((bits >> 6) + 1) << 3 : bits >> 3;
  if (bytes > 0x3fff_ffff) return false; // 1 GiB: the most one allocation can hold
  const data = heap.alloc(<usize>bytes);
  memory.fill(data, 0, <usize>bytes);
  store<u64>(f + F_BYTES, bytes);
  store<u64>(f + F_BITS, bytes << 3);
  store<u64>(f + F_SIZE, 0);
  store<f64>(f + F_ERROR, error);
  store<f64>(f + F_BPE, bpe);
  store<u64>(f + F_ENTRIES, entries);
  store<u32>(f + F_HASHES, hashesFor(bpe));
  store<u32>(f + F_N2, 0);
  store<usize>(f + F_DATA, data);
  return true;
}

function modulus(f: usize): u64 {
  const n2 = load<u32>(f + F_N2);
  return n2 > 0 ? <u64>1 << <u64>n2 : load<u64>(f + F_BITS);
}

/** Whether every bit of the last hashed item is set. */
export function filterHas(f: usize): bool {
  const data = load<usize>(f + F_DATA);
  const mod = modulus(f);
  const hashes = <u64>load<u32>(f + F_HASHES);
  for (let i: u64 = 0; i < hashes; i++) {
    const x = (hashA + i * hashB) % mod;
    if ((load<u8>(data + <usize>(x >> 3)) & (<u8>1 << <u8>(x & 7))) == 0) return false;
  }
  return true;
}

/** Sets the bits of the last hashed item; true when one of them was unset (the item is new). */
export function filterSet(f: usize): bool {
  const data = load<usize>(f + F_DATA);
  const mod = modulus(f);
  const hashes = <u64>load<u32>(f + F_HASHES);
  let fresh = false;
  for (let i: u64 = 0; i < hashes; i++) {
    const x = (hashA + i * hashB) % mod;
    const at = data + <usize>(x >> 3);
    const mask = <u8>1 << <u8>(x & 7);
    const c = load<u8>(at);
    if ((c & mask) == 0) { store<u8>(at, c | mask); fresh = true; }
  }
  return fresh;
}

/** libbloom's bloom_validate_integrity, for a record read from a dump. */
export function filterValid(f: usize): bool {
  const error = load<f64>(f + F_ERROR);
  const n2 = load<u32>(f + F_N2);
  const bits = load<u64>(f + F_BITS);
  const bytes = load<u64>(f + F_BYTES);
  return error > 0 && error < 1 && n2 <= 63 && (n2 == 0 || bits >= <u64>1 << <u64>n2) && bits != 0 &&
    bits == bytes << 3 && bytes <= 0x3fff_ffff && load<u32>(f + F_HASHES) == hashesFor(load<f64>(f + F_BPE));
}
