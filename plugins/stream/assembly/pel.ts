// A group's pending entries list: NACK records [u64 ms][u64 seq][i64 delivery time][u64 delivery count]
// [u32 consumer] sorted by ID in the group's `pel` Vec. Entries mostly arrive in ID order, so inserts
// are appends.
import { compareIds } from "./id";
import { Consumer, Group } from "./group";
import { vecAt, vecInsert, vecRemove } from "./vec";

// @ts-ignore: decorator
@inline export function nackMs(n: usize): u64 { return load<u64>(n); }
// @ts-ignore: decorator
@inline export function nackSeq(n: usize): u64 { return load<u64>(n, 8); }
// @ts-ignore: decorator
@inline export function nackTime(n: usize): i64 { return load<i64>(n, 16); }
// @ts-ignore: decorator
@inline export function nackCount(n: usize): u64 { return load<u64>(n, 24); }
// @ts-ignore: decorator
@inline export function nackConsumer(n: usize): Consumer { return changetype<Consumer>(<usize>load<u32>(n, 32)); }
// @ts-ignore: decorator
@inline export function setNackTime(n: usize, t: i64): void { store<i64>(n, t, 16); }
// @ts-ignore: decorator
@inline export function setNackCount(n: usize, c: u64): void { store<u64>(n, c, 24); }

/** Index of the NACK for ms-seq, or -(insertion index + 1). */
export function pelSearch(g: Group, ms: u64, seq: u64): i32 {
  let lo = 0, hi = g.pel.len - 1;
  if (hi >= 0) { // the common case: past the end
    const last = vecAt(g.pel, hi);
    const c = compareIds(nackMs(last), nackSeq(last), ms, seq);
    if (c < 0) return -(hi + 2);
    if (c == 0) return hi;
  }
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const n = vecAt(g.pel, mid);
    const c = compareIds(nackMs(n), nackSeq(n), ms, seq);
    if (c == 0) return mid;
    if (c < 0) lo = mid + 1; else hi = mid - 1;
  }
  return -(lo + 1);
}

/** Index of the first NACK with an ID >= ms-seq. */
export function pelLowerBound(g: Group, ms: u64, seq: u64): i32 {
  const i = pelSearch(g, ms, seq);
  return i >= 0 ? i : -i - 1;
}

/** Inserts a NACK at index i (from pelSearch) owned by c (may be null: XCLAIM FORCE assigns it next). */
export function pelInsert(g: Group, i: i32, ms: u64, seq: u64, c: Consumer | null): usize {
  const n = vecInsert(g.pel, i);
  store<u64>(n, ms);
  store<u64>(n, seq, 8);
  setOwner(n, c);
  return n;
}

/** Moves NACK n to consumer c, keeping the pending counters right. */
export function setOwner(n: usize, c: Consumer | null): void {
  const old = <usize>load<u32>(n, 32);
  if (old) changetype<Consumer>(old).pending--;
  if (c) c.pending++;
  store<u32>(n, <u32>changetype<usize>(c), 32);
}

export function pelRemoveAt(g: Group, i: i32): void {
  setOwner(vecAt(g.pel, i), null);
  vecRemove(g.pel, i);
}

/** Drops every NACK of consumer c (XGROUP DELCONSUMER); returns how many there were. */
export function pelRemoveConsumer(g: Group, c: Consumer): i32 {
  const removed = c.pending;
  let kept = 0;
  for (let i = 0; i < g.pel.len; i++) {
    const n = vecAt(g.pel, i);
    if (nackConsumer(n) == c) continue;
    if (kept != i) memory.copy(vecAt(g.pel, kept), n, <usize>g.pel.size);
    kept++;
  }
  g.pel.len = kept;
  c.pending = 0;
  return removed;
}
