// An in-place heap sort of u64 keys (no allocation, n log n at worst): vector results are ordered by
// packing what to sort by into the high bits and a position into the low ones.

/** Sorts the `n` u64 at `at` ascending. */
export function sortU64(at: usize, n: i32): void {
  for (let i = (n >> 1) - 1; i >= 0; i--) siftDown(at, i, n);
  for (let end = n - 1; end > 0; end--) {
    const top = load<u64>(at);
    store<u64>(at, load<u64>(at + (<usize>end << 3)));
    store<u64>(at + (<usize>end << 3), top);
    siftDown(at, 0, end);
  }
}

function siftDown(at: usize, i: i32, n: i32): void {
  while (true) {
    let child = (i << 1) + 1;
    if (child >= n) return;
    if (child + 1 < n && load<u64>(at + (<usize>(child + 1) << 3)) > load<u64>(at + (<usize>child << 3))) child++;
    const c = load<u64>(at + (<usize>child << 3)), here = load<u64>(at + (<usize>i << 3));
    if (c <= here) return;
    store<u64>(at + (<usize>i << 3), c);
    store<u64>(at + (<usize>child << 3), here);
    i = child;
  }
}
