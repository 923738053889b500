// MurmurHash64A, reading 8-byte blocks little-endian (the endian-neutral variant Redis ships): Redis's
// HyperLogLog hashes elements with it (seed 0xadc83b19) and RedisBloom its Bloom filters (seed
// 0xc6a4a7935bd1e995, then again seeded with the first hash), so both land on the bits those pick; and
// MurmurHash2, the 32-bit hash of RedisBloom's count-min sketch and Top-K.

const M: u64 = 0xc6a4a7935bd1e995;
const R: u64 = 47;

export function murmurHash64A(key: usize, len: i32, seed: u64): u64 {
  let h: u64 = seed ^ (<u64>len * M);
  const end = key + <usize>(len & ~7);
  let p = key;
  while (p != end) {
    let k = load<u64>(p);
    k *= M;
    k ^= k >> R;
    k *= M;
    h ^= k;
    h *= M;
    p += 8;
  }
  const tail = len & 7;
  if (tail != 0) {
    for (let i = tail - 1; i >= 0; i--) h ^= <u64>load<u8>(p + <usize>i) << (<u64>i << 3);
    h *= M;
  }
  h ^= h >> R;
  h *= M;
  h ^= h >> R;
  return h;
}

const M32: u32 = 0x5bd1e995;

/** MurmurHash2, the 32-bit one (Austin Appleby's, little-endian reads): RedisBloom's count-min sketch and Top-K hash. */
export function murmurHash2(key: usize, len: i32, seed: u32): u32 {
  let h: u32 = seed ^ <u32>len;
  let p = key;
  let rest = len;
  while (rest >= 4) {
    let k = load<u32>(p);
    k *= M32;
    k ^= k >> 24;
    k *= M32;
    h *= M32;
    h ^= k;
    p += 4;
    rest -= 4;
  }
  if (rest == 3) h ^= <u32>load<u8>(p + 2) << 16;
  if (rest >= 2) h ^= <u32>load<u8>(p + 1) << 8;
  if (rest >= 1) { h ^= <u32>load<u8>(p); h *= M32; }
  h ^= h >> 13;
  h *= M32;
  h ^= h >> 15;
  return h;
}
