// The member → node table of the skiplist encoding (Redis's dict): open addressing with linear
// probing over node pointers, 4 bytes a slot, at most 3/4 full; deletion shifts entries back instead
// of leaving tombstones. Block: [u32 capacity][u32 slots...]. The hash is seeded per process so
// clients cannot choose colliding members.
import { randomFill } from "ferrite-sdk";
import { nodeLen, nodeMember } from "./node";

const MIN_CAPACITY: u32 = 16;
const seedCell = memory.data(4);
let seeded = false;

function seed(): u32 {
  if (!seeded) {
    randomFill(<i32>seedCell, 4);
    seeded = true;
  }
  return load<u32>(seedCell);
}

// @ts-ignore: decorator
@inline function capacity(t: usize): u32 { return load<u32>(t); }
// @ts-ignore: decorator
@inline function slot(t: usize, i: u32): usize { return t + 4 + (<usize>i << 2); }

/** MurmurHash3 (32-bit). */
function hashBytes(p: usize, len: i32): u32 {
  let h = seed() ^ <u32>len;
  let i = 0;
  for (; i + 4 <= len; i += 4) {
    h ^= mixK(load<u32>(p + <usize>i));
    h = rotl<u32>(h, 13) * 5 + 0xe6546b64;
  }
  let k: u32 = 0;
  for (let j = len - 1; j >= i; j--) k = (k << 8) | <u32>load<u8>(p + <usize>j);
  if (i < len) h ^= mixK(k);
  h ^= <u32>len;
  h ^= h >>> 16;
  h *= 0x85ebca6b;
  h ^= h >>> 13;
  h *= 0xc2b2ae35;
  return h ^ (h >>> 16);
}

function mixK(k: u32): u32 { return rotl<u32>(k * 0xcc9e2d51, 15) * 0x1b873593; }

export function tableCreate(members: i32): usize {
  let cap = MIN_CAPACITY;
  while (<u64>cap * 3 < <u64>members * 4) cap <<= 1;
  const t = heap.alloc(4 + (<usize>cap << 2));
  store<u32>(t, cap);
  memory.fill(t + 4, 0, <usize>cap << 2);
  return t;
}

/** The node holding member m, or 0. */
export function tableFind(t: usize, m: usize, len: i32): usize {
  const mask = capacity(t) - 1;
  let i = hashBytes(m, len) & mask;
  let n = <usize>load<u32>(slot(t, i));
  while (n != 0 && !(nodeLen(n) == len && memory.compare(nodeMember(n), m, <usize>len) == 0)) {
    i = (i + 1) & mask;
    n = <usize>load<u32>(slot(t, i));
  }
  return n;
}

function place(t: usize, n: usize): void {
  const mask = capacity(t) - 1;
  let i = hashBytes(nodeMember(n), nodeLen(n)) & mask;
  while (load<u32>(slot(t, i)) != 0) i = (i + 1) & mask;
  store<u32>(slot(t, i), <u32>n);
}

/** Adds node n (its member absent) to a table holding `members` nodes; returns the table, maybe regrown. */
export function tableAdd(t: usize, members: i32, n: usize): usize {
  if (<u64>(members + 1) * 4 > <u64>capacity(t) * 3) {
    const grown = tableCreate((members + 1) * 2);
    for (let i: u32 = 0, cap = capacity(t); i < cap; i++) {
      const old = <usize>load<u32>(slot(t, i));
      if (old != 0) place(grown, old);
    }
    heap.free(t);
    t = grown;
  }
  place(t, n);
  return t;
}

/** Removes node n, which must be in the table. */
export function tableRemove(t: usize, n: usize): void {
  const mask = capacity(t) - 1;
  let i = hashBytes(nodeMember(n), nodeLen(n)) & mask;
  while (<usize>load<u32>(slot(t, i)) != n) i = (i + 1) & mask;
  // Backward shift: pull later entries of the probe run into the hole when their home allows it.
  let hole = i;
  for (let j = (i + 1) & mask; ; j = (j + 1) & mask) {
    const m = <usize>load<u32>(slot(t, j));
    if (m == 0) break;
    const home = hashBytes(nodeMember(m), nodeLen(m)) & mask;
    if (((j - home) & mask) >= ((j - hole) & mask)) {
      store<u32>(slot(t, hole), <u32>m);
      hole = j;
    }
  }
  store<u32>(slot(t, hole), 0);
}

/** ZSCAN's bucket mask: a member's home slot is its hash & mask. */
export function tableMask(t: usize): u32 { return capacity(t) - 1; }

/** The node in slot i (taken modulo the capacity), or 0 for an empty slot. */
export function tableNodeAt(t: usize, i: u32): usize { return <usize>load<u32>(slot(t, i & (capacity(t) - 1))); }

/** Node n's home slot. Linear probing keeps it in the run of full slots that starts at its home. */
export function tableHome(t: usize, n: usize): u32 { return hashBytes(nodeMember(n), nodeLen(n)) & (capacity(t) - 1); }

export function tableMemory(t: usize): i32 { return 4 + (<i32>capacity(t) << 2); }
