// Term postings: for one term, the documents it occurs in, in doc id order (ids only grow, so appending
// keeps the order). One heap block per term:
//   header: u32 bytes used, u32 capacity, u32 entries
//   entry:  u32 doc id, u32 field mask (TEXT fields it occurs in), u32 frequency, then `frequency` u32
//           token positions (for phrases and slop)
// Entries of deleted documents stay until the index is compacted (compact.ts): readers skip doc ids
// whose document is gone.

const HEADER: usize = 12;

export function postingsNew(): usize {
  const p = heap.alloc(HEADER + 64);
  store<u32>(p, <u32>HEADER);
  store<u32>(p, <u32>(HEADER + 64), 4);
  store<u32>(p, 0, 8);
  return p;
}

// @ts-ignore: decorator
@inline export function postingsEntries(p: usize): u32 { return load<u32>(p, 8); }
// @ts-ignore: decorator
@inline export function postingsFirst(p: usize): usize { return p + HEADER; }
// @ts-ignore: decorator
@inline export function postingsEnd(p: usize): usize { return p + <usize>load<u32>(p); }
// @ts-ignore: decorator
@inline export function entryDoc(e: usize): u32 { return load<u32>(e); }
// @ts-ignore: decorator
@inline export function entryMask(e: usize): u32 { return load<u32>(e, 4); }
// @ts-ignore: decorator
@inline export function entryFreq(e: usize): u32 { return load<u32>(e, 8); }
// @ts-ignore: decorator
@inline export function entryPositions(e: usize): usize { return e + 12; }
// @ts-ignore: decorator
@inline export function entryNext(e: usize): usize { return e + 12 + (<usize>load<u32>(e, 8) << 2); }

/**
 * Appends an entry; returns the block (moved when it grew). `positions` holds `freq` u32.
 */
export function postingsAppend(p: usize, doc: u32, mask: u32, freq: u32, positions: usize): usize {
  const size: usize = 12 + (<usize>freq << 2);
  const used = <usize>load<u32>(p);
  let cap = <usize>load<u32>(p, 4);
  if (used + size > cap) {
    while (used + size > cap) cap <<= 1;
    p = heap.realloc(p, cap);
    store<u32>(p, <u32>cap, 4);
  }
  const e = p + used;
  store<u32>(e, doc);
  store<u32>(e, mask, 4);
  store<u32>(e, freq, 8);
  memory.copy(e + 12, positions, <usize>freq << 2);
  store<u32>(p, <u32>(used + size));
  store<u32>(p, load<u32>(p, 8) + 1, 8);
  return p;
}

/**
 * Drops the entries of deleted documents (a 0 in `docs`, the doc table's u32 per id), in place
 * (compact.ts). Returns the entries left.
 */
export function postingsCompact(p: usize, docs: usize, docCount: u32): u32 {
  let to = postingsFirst(p);
  let kept: u32 = 0;
  for (let e = postingsFirst(p), end = postingsEnd(p); e < end; ) {
    const next = entryNext(e);
    const doc = entryDoc(e);
    if (doc < docCount && load<u32>(docs + (<usize>doc << 2)) != 0) {
      if (to != e) memory.copy(to, e, next - e);
      to += next - e;
      kept++;
    }
    e = next;
  }
  store<u32>(p, <u32>(to - p));
  store<u32>(p, kept, 8);
  return kept;
}
