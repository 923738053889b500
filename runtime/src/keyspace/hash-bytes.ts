// MurmurHash3 (x86, 32-bit) over a byte range, reading four bytes per step. The keyspace seeds it
// randomly per table so clients cannot pick keys that all collide (hash flooding).

export function hashBytes(seed: number, src: Uint8Array, off: number, len: number): number {
  let h = seed | 0;
  const end = off + len;
  const blocksEnd = off + (len & ~3);
  let i = off;
  while (i < blocksEnd) {
    let k = src[i]! | (src[i + 1]! << 8) | (src[i + 2]! << 16) | (src[i + 3]! << 24);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
    i += 4;
  }
  const tail = end - i;
  if (tail > 0) {
    let k = src[i]!;
    if (tail > 1) k |= src[i + 1]! << 8;
    if (tail > 2) k |= src[i + 2]! << 16;
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
  }
  h ^= len;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
