// The stream value: a header in plugin memory (its pointer is the handle) over a sorted Vec of entry
// blocks (block.ts) and a sorted Vec of consumer groups (group.ts). The fields mirror Redis's `stream`
// struct, since XINFO and the consumer-group lag arithmetic report them.
import { blockAppend, blockCapacity, blockFirst, blockFirstMs, blockFirstSeq, blockFits, blockLast, blockLive, blockNext, blockPrev, blockReserve, blockShrink, setBlockLive } from "./block";
import { ENTRY_HEADER, ENTRY_TRAILER, entryDeleted, entryInit, entryMs, entrySeq, markDeleted } from "./entry";
import { groupFree, groupMemory } from "./group";
import { compareIds } from "./id";
import { Vec, vecAt, vecFree, vecInsert, vecMemory, vecNew, vecPtr, vecRemove } from "./vec";

/** Index of `stream` in plugin.json's types. */
export const STREAM_TYPE: i32 = 0;

@unmanaged export class Stream {
  length: u64;
  entriesAdded: u64;
  lastMs: u64;
  lastSeq: u64;
  firstMs: u64;
  firstSeq: u64;
  maxDeletedMs: u64;
  maxDeletedSeq: u64;
  blocks: Vec; // block pointers
  groups: Vec; // Group pointers, sorted by name
}

export function streamNew(): Stream {
  const s = changetype<Stream>(heap.alloc(offsetof<Stream>()));
  memory.fill(changetype<usize>(s), 0, offsetof<Stream>());
  s.blocks = vecNew(4);
  s.groups = vecNew(4);
  return s;
}

export function streamFree(s: Stream): void {
  for (let i = 0; i < s.blocks.len; i++) heap.free(vecPtr(s.blocks, i));
  for (let i = 0; i < s.groups.len; i++) groupFree(vecPtr(s.groups, i));
  vecFree(s.blocks);
  vecFree(s.groups);
  heap.free(changetype<usize>(s));
}

export function streamMemory(s: Stream): f64 {
  let total = <f64>(offsetof<Stream>() + vecMemory(s.blocks) + vecMemory(s.groups));
  for (let i = 0; i < s.blocks.len; i++) total += <f64>blockCapacity(vecPtr(s.blocks, i));
  for (let i = 0; i < s.groups.len; i++) total += groupMemory(vecPtr(s.groups, i));
  return total;
}

/**
 * Appends an entry with the given ID (the caller checked it is above lastMs/lastSeq) and a copy of the
 * bodyLen bytes of body (entry.ts's body layout).
 */
export function streamAppend(s: Stream, ms: u64, seq: u64, body: usize, bodyLen: i32): void {
  const size = bodyLen + ENTRY_HEADER + ENTRY_TRAILER;
  const n = s.blocks.len;
  let slot: usize;
  if (n > 0 && blockFits(vecPtr(s.blocks, n - 1), body)) {
    slot = vecAt(s.blocks, n - 1);
  } else {
    if (n > 0) store<u32>(vecAt(s.blocks, n - 1), <u32>blockShrink(vecPtr(s.blocks, n - 1)));
    slot = vecInsert(s.blocks, n);
  }
  const b = blockReserve(<usize>load<u32>(slot), size);
  store<u32>(slot, <u32>b);
  memory.copy(entryInit(blockAppend(b, size, body, ms, seq), ms, seq, bodyLen), body, <usize>bodyLen);
  s.length++;
  s.entriesAdded++;
  s.lastMs = ms;
  s.lastSeq = seq;
  if (s.length == 1) { s.firstMs = ms; s.firstSeq = seq; }
}

// The cursor: block index and entry address. `curEntry == 0` stands between block curBlock and the
// next one, so removing the block under the cursor leaves it valid.
let curBlock: i32 = 0;
let curEntry: usize = 0;

/** Index of the last block whose first ID is <= ms-seq, or -1. */
function lastBlockAtOrBefore(s: Stream, ms: u64, seq: u64): i32 {
  let lo = 0, hi = s.blocks.len - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = vecPtr(s.blocks, mid);
    if (compareIds(blockFirstMs(b), blockFirstSeq(b), ms, seq) <= 0) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

/** Moves to the next entry, deleted or not; 0 past the end. */
function advance(s: Stream): usize {
  let e = curEntry ? blockNext(vecPtr(s.blocks, curBlock), curEntry) : 0;
  while (e == 0) {
    if (curBlock + 1 >= s.blocks.len) { curEntry = 0; return 0; }
    curBlock++;
    e = blockFirst(vecPtr(s.blocks, curBlock));
  }
  curEntry = e;
  return e;
}

/** Moves to the previous entry, deleted or not; 0 before the start. */
function retreat(s: Stream): usize {
  let e = curEntry ? blockPrev(vecPtr(s.blocks, curBlock), curEntry) : 0;
  while (e == 0) {
    if (curBlock - 1 < 0) { curEntry = 0; return 0; }
    curBlock--;
    e = blockLast(vecPtr(s.blocks, curBlock));
  }
  curEntry = e;
  return e;
}

/** The next live entry, or 0. */
export function cursorNext(s: Stream): usize {
  let e = advance(s);
  while (e && entryDeleted(e)) e = advance(s);
  return e;
}

/** The previous live entry, or 0. */
export function cursorPrev(s: Stream): usize {
  let e = retreat(s);
  while (e && entryDeleted(e)) e = retreat(s);
  return e;
}

/** The first live entry with an ID >= ms-seq, or 0. */
export function seekForward(s: Stream, ms: u64, seq: u64): usize {
  const bi = lastBlockAtOrBefore(s, ms, seq);
  curBlock = bi < 0 ? -1 : bi - 1;
  curEntry = 0;
  let e = cursorNext(s);
  while (e && compareIds(entryMs(e), entrySeq(e), ms, seq) < 0) e = cursorNext(s);
  return e;
}

/** The last live entry with an ID <= ms-seq, or 0. */
export function seekBackward(s: Stream, ms: u64, seq: u64): usize {
  const bi = lastBlockAtOrBefore(s, ms, seq);
  if (bi < 0) return 0;
  curBlock = bi + 1;
  curEntry = 0;
  let e = cursorPrev(s);
  while (e && compareIds(entryMs(e), entrySeq(e), ms, seq) > 0) e = cursorPrev(s);
  return e;
}

/** The live entry with exactly this ID (the cursor left on it), or 0. */
export function findEntry(s: Stream, ms: u64, seq: u64): usize {
  const e = seekForward(s, ms, seq);
  return e && entryMs(e) == ms && entrySeq(e) == seq ? e : 0;
}

/** Deletes the live entry under the cursor; frees its block when it was the block's last live entry. */
export function deleteAtCursor(s: Stream): void {
  const b = vecPtr(s.blocks, curBlock);
  markDeleted(curEntry);
  s.length--;
  setBlockLive(b, blockLive(b) - 1);
  if (blockLive(b) == 0) removeBlock(s, curBlock);
}

/** Frees block i, leaving the cursor between its neighbours. */
export function removeBlock(s: Stream, i: i32): void {
  heap.free(vecPtr(s.blocks, i));
  vecRemove(s.blocks, i);
  curBlock = i - 1;
  curEntry = 0;
}

/** Recomputes firstMs/firstSeq after deletions, as Redis's streamGetEdgeID. */
export function refreshFirstId(s: Stream): void {
  const e = s.length ? seekForward(s, 0, 0) : 0;
  s.firstMs = e ? entryMs(e) : 0;
  s.firstSeq = e ? entrySeq(e) : 0;
}

/** The last live entry (Redis's streamLastValidID), or 0 when the stream is empty. */
export function lastLiveEntry(s: Stream): usize {
  return s.length ? seekBackward(s, u64.MAX_VALUE, u64.MAX_VALUE) : 0;
}
