// Small collections packed in one heap block, Redis's listpack simplified: entries one after another,
// searched linearly, which beats a table for a few hundred short members. An entry is an item,
//   [u8 length][the bytes]
// followed by `extra` bytes the caller lays out (a sorted set's score), or by a second item when
// `pairs` (a hash's field, then its value). An item is at most PACKED_MAX_ITEM bytes, so one byte holds
// its length; a collection converts to a table before its members get that long (Redis's
// *-max-listpack-value is 64). The caller keeps the block and where its entries end.
//
// Entries are named by their address, and 0 means "none" everywhere: no entry lives at address 0.

/** The longest item one length byte can describe. */
export const PACKED_MAX_ITEM: i32 = 255;

/**
 * The longest item a packed collection may hold under a `*-max-listpack-value` config: the config's
 * value, capped at what one length byte describes (a larger setting packs at most 255-byte items).
 */
// @ts-ignore: decorator
@inline export function packedItemLimit(configured: i64): i32 {
  return configured < <i64>PACKED_MAX_ITEM ? <i32>configured : PACKED_MAX_ITEM;
}

/** The byte length of the item at p. */
// @ts-ignore: decorator
@inline export function packedLen(p: usize): i32 { return <i32>load<u8>(p); }

/** The bytes of the item at p. */
// @ts-ignore: decorator
@inline export function packedBytes(p: usize): usize { return p + 1; }

/** The address after the item at p (where an entry's extra bytes or second item start). */
// @ts-ignore: decorator
@inline export function packedItemEnd(p: usize): usize { return p + 1 + <usize>load<u8>(p); }

/** The entry after the one at p. */
// @ts-ignore: decorator
@inline export function packedSkip(p: usize, extra: i32 = 0, pairs: bool = false): usize {
  const next = packedItemEnd(p) + <usize>extra;
  return pairs ? packedItemEnd(next) : next;
}

/** The bytes an entry takes whose item (and second item, for pairs) are this long. */
// @ts-ignore: decorator
@inline export function packedEntrySize(len: i32, extra: i32 = 0, secondLen: i32 = -1): i32 {
  return 1 + len + extra + (secondLen < 0 ? 0 : 1 + secondLen);
}

/** Writes an item of `len` (at most PACKED_MAX_ITEM) bytes at dst; returns the address after it. */
export function packedWrite(dst: usize, src: usize, len: i32): usize {
  store<u8>(dst, <u8>len);
  memory.copy(dst + 1, src, <usize>len);
  return dst + 1 + <usize>len;
}

/** The entry in [start, end) whose (first) item equals the `len` bytes at ptr, or 0. */
// @ts-ignore: decorator
@inline export function packedFind(start: usize, end: usize, ptr: usize, len: i32, extra: i32 = 0, pairs: bool = false): usize {
  for (let p = start; p < end; p = packedSkip(p, extra, pairs)) {
    if (packedLen(p) == len && memory.compare(packedBytes(p), ptr, <usize>len) == 0) return p;
  }
  return 0;
}

/** The n-th entry (from 0) from start; the caller checks n is below the count. */
// @ts-ignore: decorator
@inline export function packedNth(start: usize, n: i32, extra: i32 = 0, pairs: bool = false): usize {
  let p = start;
  for (; n > 0; n--) p = packedSkip(p, extra, pairs);
  return p;
}

/** Removes the entries in [from, to) of a run ending at end; returns how many bytes the run lost. */
export function packedRemove(from: usize, to: usize, end: usize): usize {
  memory.copy(from, to, end - to);
  return to - from;
}
