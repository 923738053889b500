// In-place heap sorts (no allocation, n log n at worst) of records led by a u64 key: vector results are
// ordered by packing what to sort by into a key's high bits and a position into its low ones, the
// NUMERIC index by an order-preserving key of each value (numeric-index.ts).

/** Sorts the `n` u64 at `at` ascending. */
export function sortU64(at: usize, n: i32): void {
  sortRecords(at, n, 1);
}

/** Sorts `n` records of `words` u64 each at `at` by their first u64, ascending. */
export function sortRecords(at: usize, n: i32, words: i32): void {
  const size = <usize>words << 3;
  for (let i = (n >> 1) - 1; i >= 0; i--) siftDown(at, i, n, size);
  for (let end = n - 1; end > 0; end--) {
    swap(at, at + <usize>end * size, size);
    siftDown(at, 0, end, size);
  }
}

function siftDown(at: usize, i: i32, n: i32, size: usize): void {
  while (true) {
    let child = (i << 1) + 1;
    if (child >= n) return;
    if (child + 1 < n && load<u64>(at + <usize>(child + 1) * size) > load<u64>(at + <usize>child * size)) child++;
    const c = at + <usize>child * size, here = at + <usize>i * size;
    if (load<u64>(c) <= load<u64>(here)) return;
    swap(here, c, size);
    i = child;
  }
}

function swap(a: usize, b: usize, size: usize): void {
  for (let o: usize = 0; o < size; o += 8) {
    const t = load<u64>(a + o);
    store<u64>(a + o, load<u64>(b + o));
    store<u64>(b + o, t);
  }
}
