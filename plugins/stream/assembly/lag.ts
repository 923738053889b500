// Consumer-group read counters and lag (Redis 7's entries-read / lag bookkeeping): how many entries a
// group has read, exact while no deletion lies ahead of it, estimated or unknown otherwise.
import { ENTRIES_READ_INVALID, Group } from "./group";
import { compareIds } from "./id";
import { Stream } from "./stream";

/** Redis's streamRangeHasTombstones with no end: is there an XDEL'd entry at or after ms-seq? */
export function tombstoneAfter(s: Stream, ms: u64, seq: u64): bool {
  if (!s.length || (s.maxDeletedMs == 0 && s.maxDeletedSeq == 0)) return false;
  if (compareIds(s.firstMs, s.firstSeq, s.maxDeletedMs, s.maxDeletedSeq) > 0) return false;
  return compareIds(ms, seq, s.maxDeletedMs, s.maxDeletedSeq) <= 0;
}

/** Redis's streamEstimateDistanceFromFirstEverEntry: the read counter of ID ms-seq, or ENTRIES_READ_INVALID. */
export function entriesReadAt(s: Stream, ms: u64, seq: u64): i64 {
  if (!s.entriesAdded) return 0;
  const cmpLast = compareIds(ms, seq, s.lastMs, s.lastSeq);
  if (!s.length && cmpLast < 1) return <i64>s.entriesAdded;
  if (cmpLast == 0) return <i64>s.entriesAdded;
  if (cmpLast > 0) return ENTRIES_READ_INVALID;
  const noTombstone = (s.maxDeletedMs == 0 && s.maxDeletedSeq == 0) || compareIds(s.maxDeletedMs, s.maxDeletedSeq, s.firstMs, s.firstSeq) < 0;
  if (noTombstone) {
    const cmpFirst = compareIds(ms, seq, s.firstMs, s.firstSeq);
    if (cmpFirst < 0) return <i64>(s.entriesAdded - s.length);
    if (cmpFirst == 0) return <i64>(s.entriesAdded - s.length + 1);
  }
  return ENTRIES_READ_INVALID;
}

/** Advances the group past an entry it just delivered, keeping its read counter (streamReplyWithRange). */
export function groupDelivered(s: Stream, g: Group, ms: u64, seq: u64): void {
  if (compareIds(ms, seq, g.lastMs, g.lastSeq) <= 0) return;
  if (g.entriesRead != ENTRIES_READ_INVALID && !tombstoneAfter(s, ms, seq)) g.entriesRead++;
  else if (s.entriesAdded) g.entriesRead = entriesReadAt(s, ms, seq);
  g.lastMs = ms;
  g.lastSeq = seq;
}

/** The group's lag, or -1 when it cannot be known (XINFO answers null). */
export function groupLag(s: Stream, g: Group): i64 {
  if (!s.entriesAdded) return 0;
  if (g.entriesRead != ENTRIES_READ_INVALID && !tombstoneAfter(s, g.lastMs, g.lastSeq)) return <i64>s.entriesAdded - g.entriesRead;
  const read = entriesReadAt(s, g.lastMs, g.lastSeq);
  return read == ENTRIES_READ_INVALID ? -1 : <i64>s.entriesAdded - read;
}
