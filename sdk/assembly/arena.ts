// The argument arena the host copies each command's argv into. One block, reused across calls and
// replaced only when a larger command arrives, so the hot path never allocates.

const MIN_ARENA: i32 = 4096;

let arenaPtr: usize = 0;
let arenaSize: i32 = 0;

/** ABI export: at least `size` writable bytes, valid until the next call. */
export function ferrite_arena(size: i32): usize {
  if (size > arenaSize) {
    if (arenaPtr != 0) heap.free(arenaPtr);
    // Double past the request so a slowly growing workload does not reallocate every time.
    arenaSize = max(size << 1, MIN_ARENA);
    arenaPtr = heap.alloc(<usize>arenaSize);
  }
  return arenaPtr;
}
