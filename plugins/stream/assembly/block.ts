// A block packs many entries back to back, like a Redis listpack node: [u32 used][u32 capacity]
// [u32 live][u32 total][u32 listpack bytes] then the entries (entry.ts). The stream keeps its blocks in a
// Vec sorted by their first entry's ID (a flat stand-in for Redis's radix tree). A new block starts once
// the last one holds stream-node-max-entries entries (deleted ones included) or would reach
// stream-node-max-bytes (plugin.json's configs, read as streamAppendItem does). The bytes are counted
// as Redis's listpack would hold the entries (listpack-size.ts), so `~` trimming removes the same whole
// nodes Redis removes.
import { configValue } from "ferrite-sdk";
import { entryBody, ENTRY_TRAILER, entryMs, entrySeq, entrySize } from "./entry";
import { entryBytes, nodeBytes, rawBytes } from "./listpack-size";

export const BLOCK_HEADER: i32 = 20;
/** Redis's STREAM_LISTPACK_MAX_SIZE: the byte limit when stream-node-max-bytes is 0 or above it. */
const BLOCK_BYTES_CEILING: i64 = 1 << 30;

/** Config stream-node-max-entries (configs[1]); 0: no limit. */
// @ts-ignore: decorator
@inline export function blockMaxEntries(): i64 { return configValue(1); }

/** Config stream-node-max-bytes (configs[0]), within (0, 1 GiB]. */
function blockMaxBytes(): i64 {
  const max = configValue(0);
  return max == 0 || max > BLOCK_BYTES_CEILING ? BLOCK_BYTES_CEILING : max;
}

// @ts-ignore: decorator
@inline export function blockUsed(b: usize): i32 { return <i32>load<u32>(b); }
// @ts-ignore: decorator
@inline export function blockCapacity(b: usize): i32 { return <i32>load<u32>(b, 4); }
// @ts-ignore: decorator
@inline export function blockLive(b: usize): i32 { return <i32>load<u32>(b, 8); }
// @ts-ignore: decorator
@inline export function blockTotal(b: usize): i32 { return <i32>load<u32>(b, 12); }
/** The block's size as a Redis listpack node holding the same entries. */
// @ts-ignore: decorator
@inline function blockListpackBytes(b: usize): i64 { return <i64>load<u32>(b, 16); }
// @ts-ignore: decorator
@inline export function setBlockLive(b: usize, n: i32): void { store<u32>(b, <u32>n, 8); }

// @ts-ignore: decorator
@inline export function blockFirst(b: usize): usize { return b + BLOCK_HEADER; }
/** The last entry, deleted or not. */
export function blockLast(b: usize): usize {
  const end = b + blockUsed(b);
  return end - <usize>load<u32>(end - ENTRY_TRAILER);
}
/** The entry after e, or 0 at the block's end. */
export function blockNext(b: usize, e: usize): usize {
  const n = e + entrySize(e);
  return n < b + blockUsed(b) ? n : 0;
}
/** The entry before e, or 0 at the block's start. */
export function blockPrev(b: usize, e: usize): usize {
  return e == blockFirst(b) ? 0 : e - <usize>load<u32>(e - ENTRY_TRAILER);
}
export function blockFirstMs(b: usize): u64 { return entryMs(blockFirst(b)); }
export function blockFirstSeq(b: usize): u64 { return entrySeq(blockFirst(b)); }

/** Whether an entry with this body still belongs in block b rather than a new one. */
export function blockFits(b: usize, body: usize): bool {
  const entries = blockMaxEntries();
  return (entries == 0 || <i64>blockTotal(b) < entries) && blockListpackBytes(b) + rawBytes(body) < blockMaxBytes();
}

/**
 * Room for `size` more bytes at the end of b (b == 0: a new block); returns the block, which may have
 * moved. Growth doubles so a block is reallocated a handful of times, not per entry; blockShrink gives
 * back the slack once the block is full.
 */
export function blockReserve(b: usize, size: i32): usize {
  const used = b ? blockUsed(b) : BLOCK_HEADER;
  const need = used + size;
  if (b && need <= blockCapacity(b)) return b;
  let cap = b ? blockCapacity(b) * 2 : 256;
  if (cap < need) cap = need;
  const grown = b ? heap.realloc(b, <usize>cap) : heap.alloc(<usize>cap);
  if (!b) {
    store<u32>(grown, <u32>BLOCK_HEADER);
    store<u64>(grown, 0, 8);
    store<u32>(grown, 0, 16);
  }
  store<u32>(grown, <u32>cap, 4);
  return grown;
}

/** A block that takes no more entries, reallocated to its used size (as Redis shrinks a full node); may move. */
export function blockShrink(b: usize): usize {
  if (blockCapacity(b) == blockUsed(b)) return b;
  const shrunk = heap.realloc(b, <usize>blockUsed(b));
  store<u32>(shrunk, <u32>blockUsed(shrunk), 4);
  return shrunk;
}

/**
 * Claims `size` reserved bytes at the end as a new live entry with ID ms-seq and this body (its copy is
 * the caller's); returns its address.
 */
export function blockAppend(b: usize, size: i32, body: usize, ms: u64, seq: u64): usize {
  const first = blockUsed(b) == BLOCK_HEADER;
  const master = first ? body : entryBody(blockFirst(b));
  const masterMs = first ? ms : blockFirstMs(b), masterSeq = first ? seq : blockFirstSeq(b);
  const lpBytes = (first ? nodeBytes(body) : <i32>blockListpackBytes(b)) + entryBytes(body, ms, seq, master, masterMs, masterSeq);
  store<u32>(b, <u32>lpBytes, 16);
  const e = b + blockUsed(b);
  store<u32>(b, <u32>(blockUsed(b) + size));
  store<u32>(b, <u32>(blockLive(b) + 1), 8);
  store<u32>(b, <u32>(blockTotal(b) + 1), 12);
  return e;
}
