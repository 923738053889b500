// SCANDUMP / LOADCHUNK positions, shared by Bloom and Cuckoo filters: a position counts bytes from 1 over
// the sub-filters' data laid end to end (position 1 being the header's turn), and a chunk is at most
// RedisBloom's MAX_SCANDUMP_SIZE.

export const MAX_CHUNK: usize = 16 << 20;

/** Offset inside the sub-filter locateChunk last found. */
export let chunkOffset: u64 = 0;

/**
 * The index of the sub-filter holding byte `pos` (1-based) of value v's data, or -1 past the end;
 * `bytesOf(v, i)` is the size of sub-filter i.
 */
export function locateChunk(v: usize, filters: u32, bytesOf: (v: usize, i: u32) => u64, pos: i64): i32 {
  if (pos < 1) return -1;
  let rest = <u64>(pos - 1);
  for (let i: u32 = 0; i < filters; i++) {
    const bytes = bytesOf(v, i);
    if (rest < bytes) {
      chunkOffset = rest;
      return <i32>i;
    }
    rest -= bytes;
  }
  return -1;
}
