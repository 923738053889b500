// Replying entries: [id, [field, value, ...]] each, and ranges of them. A reply's length comes before
// its elements, so a range is walked twice: once to count, once to emit.
import { replyArray, replyBulk } from "ferrite-sdk";
import { entryBody, entryMs, entrySeq } from "./entry";
import { compareIds, replyId } from "./id";
import { cursorNext, cursorPrev, seekBackward, seekForward, Stream } from "./stream";

export function replyEntry(e: usize): void {
  replyArray(2);
  replyId(entryMs(e), entrySeq(e));
  const body = entryBody(e);
  const count = <i32>load<u32>(body);
  replyArray(count);
  let p = body + 4;
  for (let i = 0; i < count; i++) {
    const len = <i32>load<u32>(p);
    replyBulk(p + 4, len);
    p += 4 + <usize>len;
  }
}

/**
 * Walks the live entries between two IDs (inclusive; from the end with `rev`), at most `count` of them
 * (0: all), replying each when `emit`. Returns how many there are.
 */
export function walkRange(s: Stream, startMs: u64, startSeq: u64, endMs: u64, endSeq: u64, count: i64, rev: bool, emit: bool): i64 {
  let n: i64 = 0;
  if (compareIds(startMs, startSeq, endMs, endSeq) > 0) return 0;
  let e = rev ? seekBackward(s, endMs, endSeq) : seekForward(s, startMs, startSeq);
  while (e && (count == 0 || n < count)) {
    const c = rev ? compareIds(entryMs(e), entrySeq(e), startMs, startSeq) : compareIds(entryMs(e), entrySeq(e), endMs, endSeq);
    if (rev ? c < 0 : c > 0) break;
    if (emit) replyEntry(e);
    n++;
    e = rev ? cursorPrev(s) : cursorNext(s);
  }
  return n;
}

/** A range as one array reply (XRANGE, XREVRANGE, XREAD). */
export function replyRange(s: Stream, startMs: u64, startSeq: u64, endMs: u64, endSeq: u64, count: i64, rev: bool): void {
  replyArray(<i32>walkRange(s, startMs, startSeq, endMs, endSeq, count, rev, false));
  walkRange(s, startMs, startSeq, endMs, endSeq, count, rev, true);
}
