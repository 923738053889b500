// One stream entry, as packed inside a block (see block.ts):
//
//   [u32 size | DELETED][u64 ms][u64 seq][u32 count][u32 len, bytes]*count [u32 size]
//
// `count` values alternate field, value. `size` covers the whole entry; it is repeated at the end so a
// reverse scan (XREVRANGE) steps back without walking the block from its start. XDEL and exact
// trimming only set DELETED: the bytes go when the whole block empties, as in Redis's listpacks.

const DELETED: u32 = 0x80000000;
/** Size, ms and seq; the body (count and values) follows. */
export const ENTRY_HEADER: i32 = 20;
export const ENTRY_TRAILER: i32 = 4;

// @ts-ignore: decorator
@inline export function entrySize(e: usize): i32 { return <i32>(load<u32>(e) & ~DELETED); }
// @ts-ignore: decorator
@inline export function entryDeleted(e: usize): bool { return (load<u32>(e) & DELETED) != 0; }
// @ts-ignore: decorator
@inline export function entryMs(e: usize): u64 { return load<u64>(e, 4); }
// @ts-ignore: decorator
@inline export function entrySeq(e: usize): u64 { return load<u64>(e, 12); }
/** Where the count of values starts: what save/load copy as the entry's body. */
// @ts-ignore: decorator
@inline export function entryBody(e: usize): usize { return e + ENTRY_HEADER; }
// @ts-ignore: decorator
@inline export function entryBodyLen(e: usize): i32 { return entrySize(e) - ENTRY_HEADER - ENTRY_TRAILER; }

export function markDeleted(e: usize): void { store<u32>(e, load<u32>(e) | DELETED); }

/** Writes the header and trailer of an entry whose body is bodyLen bytes; returns the body's address. */
export function entryInit(e: usize, ms: u64, seq: u64, bodyLen: i32): usize {
  const size = <u32>(bodyLen + ENTRY_HEADER + ENTRY_TRAILER);
  store<u32>(e, size);
  store<u64>(e, ms, 4);
  store<u64>(e, seq, 12);
  store<u32>(e + size - ENTRY_TRAILER, size);
  return entryBody(e);
}
