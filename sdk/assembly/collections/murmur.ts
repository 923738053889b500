// MurmurHash64A, reading 8-byte blocks little-endian (the endian-neutral variant Redis ships): Redis's
// HyperLogLog hashes elements with it (seed 0xadc83b19) and RedisBloom its Bloom filters (seed
// 0xc6a4a7935bd1e995, then again seeded with the first hash), so both land on the bits those pick.

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
