// Per-item results of a multi-item write, held until the reply's length is known: RedisBloom writes a
// postponed-length array that ends at the first item refused, and the host's reply API wants the count
// first. A static buffer serves the usual sizes; a larger command gets a block for its duration.

const STATIC_ITEMS: i32 = 4096;
const scratch = memory.data(STATIC_ITEMS);

/** A buffer of n result bytes; give it back with resultsDone. */
export function resultsFor(n: i32): usize { return n <= STATIC_ITEMS ? scratch : heap.alloc(<usize>n); }

export function resultsDone(buf: usize): void { if (buf != scratch) heap.free(buf); }
