// Claiming a pending entry for a consumer (XCLAIM, XAUTOCLAIM), and replying what was claimed once the
// claims are made: the reply's length comes first, so claimed IDs are collected in the scratch buffer.
import { replyArray, replyNull } from "ferrite-sdk";
import { bufData, bufLen, bufReset, putU64 } from "./bytes";
import { Consumer } from "./group";
import { replyId } from "./id";
import { nackCount, setNackCount, setNackTime, setOwner } from "./pel";
import { replyEntry } from "./reply-entry";
import { findEntry, Stream } from "./stream";

/** Gives NACK n to c, delivered at `time`; its count is set to retryCount (>= 0) or bumped unless justId. */
export function claim(n: usize, c: Consumer, time: i64, retryCount: i64, justId: bool, now: i64): void {
  setOwner(n, c);
  setNackTime(n, time);
  if (retryCount >= 0) setNackCount(n, <u64>retryCount);
  else if (!justId) setNackCount(n, nackCount(n) + 1);
  c.activeTime = now;
}

// Collected records: [u64 ms][u64 seq][u64 kind].
export const CLAIMED: u64 = 0;
export const DROPPED: u64 = 1; // XAUTOCLAIM: the entry was deleted, its NACK dropped
const RECORD: i32 = 24;

export function startCollecting(): void { bufReset(); }
export function collect(ms: u64, seq: u64, kind: u64): void { putU64(ms); putU64(seq); putU64(kind); }

function countKind(kind: u64): i32 {
  let n = 0;
  for (let p = bufData(), end = p + bufLen; p < end; p += RECORD) if (load<u64>(p, 16) == kind) n++;
  return n;
}

/** Replies the collected IDs of one kind, as entries (null when gone) or, with justId, as IDs. */
export function replyCollected(s: Stream, kind: u64, justId: bool): void {
  replyArray(countKind(kind));
  for (let p = bufData(), end = p + bufLen; p < end; p += RECORD) {
    if (load<u64>(p, 16) != kind) continue;
    const ms = load<u64>(p), seq = load<u64>(p, 8);
    if (justId) { replyId(ms, seq); continue; }
    const e = findEntry(s, ms, seq);
    if (e) replyEntry(e); else replyNull();
  }
}
