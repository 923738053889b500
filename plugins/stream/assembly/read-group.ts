// What XREADGROUP replies for one stream: new entries (`>`), which join the group's PEL, or the
// consumer's own pending history from an ID.
import { replyArray, replyNullArray } from "ferrite-sdk";
import { Consumer, Group } from "./group";
import { idMs, idSeq, incrId, replyId, setId } from "./id";
import { entryMs, entrySeq } from "./entry";
import { groupDelivered } from "./lag";
import { nackConsumer, nackCount, nackMs, nackSeq, pelInsert, pelLowerBound, pelSearch, setNackCount, setNackTime, setOwner } from "./pel";
import { replyEntry, walkRange } from "./reply-entry";
import { cursorNext, findEntry, seekForward, Stream } from "./stream";
import { vecAt } from "./vec";

/** Delivers up to count (0: all) entries after the group's last ID to consumer c. */
export function deliverNew(s: Stream, g: Group, c: Consumer, count: i64, noAck: bool, now: i64): void {
  setId(g.lastMs, g.lastSeq);
  incrId(); // the group's last ID is below the stream's top: no overflow
  const ms = idMs, seq = idSeq;
  const n = walkRange(s, ms, seq, u64.MAX_VALUE, u64.MAX_VALUE, count, false, false);
  replyArray(<i32>n);
  let e = seekForward(s, ms, seq);
  for (let k: i64 = 0; k < n; k++, e = cursorNext(s)) {
    replyEntry(e);
    const eMs = entryMs(e), eSeq = entrySeq(e);
    groupDelivered(s, g, eMs, eSeq);
    c.activeTime = now;
    if (noAck) continue;
    // After SETID moved the group back, the entry may be pending already: it changes hands.
    const i = pelSearch(g, eMs, eSeq);
    const nack = i >= 0 ? vecAt(g.pel, i) : pelInsert(g, -i - 1, eMs, eSeq, c);
    setOwner(nack, c);
    setNackTime(nack, now);
    setNackCount(nack, 1);
  }
}

/** Walks c's pending entries after ms-seq, at most count (0: all); replies and re-delivers them when `emit`. */
function walkHistory(s: Stream, g: Group, c: Consumer, ms: u64, seq: u64, count: i64, emit: bool, now: i64): i64 {
  let n: i64 = 0;
  for (let i = pelLowerBound(g, ms, seq); i < g.pel.len && (count == 0 || n < count); i++) {
    const nack = vecAt(g.pel, i);
    if (nackConsumer(nack) != c) continue;
    n++;
    if (!emit) continue;
    const e = findEntry(s, nackMs(nack), nackSeq(nack));
    if (e) {
      replyEntry(e);
      setNackTime(nack, now);
      setNackCount(nack, nackCount(nack) + 1);
    } else {
      // Deleted since it was delivered: Redis reports the ID with a null body.
      replyArray(2);
      replyId(nackMs(nack), nackSeq(nack));
      replyNullArray();
    }
  }
  return n;
}

/** Replies c's pending entries with IDs above ms-seq (never the largest ID, which stands for `>`). */
export function deliverHistory(s: Stream, g: Group, c: Consumer, ms: u64, seq: u64, count: i64, now: i64): void {
  setId(ms, seq);
  incrId();
  ms = idMs;
  seq = idSeq;
  replyArray(<i32>walkHistory(s, g, c, ms, seq, count, false, now));
  walkHistory(s, g, c, ms, seq, count, true, now);
}
