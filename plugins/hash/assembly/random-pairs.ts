// Random pairs for HRANDFIELD, over either encoding. Picks leave the pair in value.ts's it* variables.
import { bmCount, bmCreate, bmFairRandom, bmFree, bmSet, randomBelow } from "ferrite-sdk";
import {
  PACKED, hashData, hashIterate, hashKind, hashLen, hashNext, nextPair, packedUsed, pairFromPacked,
  pairFromEntry,
} from "./value";

/**
 * Offsets of the packed pairs, rebuilt by prepareRandom, so each pick is O(1) instead of a walk. Grown
 * on demand: hash-max-listpack-entries bounds a packed hash only when it grows, so none is too large.
 */
let pairAt: usize = 0;
let pairAtCap: i32 = 0;

/** Call before picking from `h` in this command. */
export function prepareRandom(h: usize): void {
  if (hashKind(h) != PACKED) return;
  if (hashLen(h) > pairAtCap) {
    pairAtCap = hashLen(h);
    pairAt = pairAt == 0 ? heap.alloc(<usize>pairAtCap << 2) : heap.realloc(pairAt, <usize>pairAtCap << 2);
  }
  const data = hashData(h);
  const end = data + <usize>packedUsed(h);
  let i: usize = 0;
  for (let p = data; p < end; p = nextPair(p)) store<u32>(pairAt + (i++ << 2), <u32>p);
}

/** A random pair, repeats allowed (a table's: Redis's dictGetFairRandomKey, near uniform). */
export function pickRandom(h: usize): void {
  if (hashKind(h) == PACKED) pairFromPacked(<usize>load<u32>(pairAt + (<usize>randomBelow(<u32>hashLen(h)) << 2)));
  else pairFromEntry(bmFairRandom(hashData(h)));
}

/**
 * `count` distinct pairs (count < size), each passed to `emit`. Selection sampling over one walk when the
 * sample is a large share of the hash (or it is packed), else random picks that skip repeats, as Redis
 * chooses between its CASE 3 and CASE 4. The walk's pairs come in hash order, as in Redis.
 */
export function pickDistinct(h: usize, count: i32, emit: () => void): void {
  const size = hashLen(h);
  if (hashKind(h) == PACKED || <i64>count * 3 > <i64>size) {
    let need = <u32>count, left = <u32>size;
    hashIterate(h);
    while (need > 0 && hashNext()) {
      if (randomBelow(left--) < need) { need--; emit(); }
    }
    return;
  }
  const seen = bmCreate(count); // keyed by the entry's address: picks of the same entry collide
  while (bmCount(seen) < count) {
    const e = bmFairRandom(hashData(h));
    store<u32>(entryKey, <u32>e);
    if (!bmSet(seen, entryKey, 4, 0, 0)) continue;
    pairFromEntry(e);
    emit();
  }
  bmFree(seen);
}

const entryKey = memory.data(4);
