// Trimming with the options trim-args.ts parsed, as Redis's streamTrim: whole blocks go while they
// can; `~` stops at the first block that cannot go entirely, `=` then deletes entries inside it.
import { blockFirst, blockLast, blockLive, blockNext, setBlockLive } from "./block";
import { entryDeleted, entryMs, entrySeq, markDeleted } from "./entry";
import { compareIds } from "./id";
import { refreshFirstId, removeBlock, Stream } from "./stream";
import { trimApprox, trimLimit, trimMaxLen, trimMinMs, trimMinSeq, trimStrategy, TRIM_MAXLEN } from "./trim-args";
import { vecPtr } from "./vec";

/** Whether entry e must go under the current strategy, given the stream's length. */
function overThreshold(s: Stream, e: usize): bool {
  return trimStrategy == TRIM_MAXLEN
    ? <i64>s.length > trimMaxLen
    : compareIds(entryMs(e), entrySeq(e), trimMinMs, trimMinSeq) < 0;
}

/** Returns the number of entries removed. */
export function streamTrim(s: Stream): i64 {
  let removed: i64 = 0;
  while (s.blocks.len > 0) {
    if (trimStrategy == TRIM_MAXLEN && <i64>s.length <= trimMaxLen) break;
    const b = vecPtr(s.blocks, 0);
    const live = <i64>blockLive(b);
    if (trimLimit != 0 && removed + live > trimLimit) break;
    const last = blockLast(b);
    const whole = trimStrategy == TRIM_MAXLEN
      ? <i64>s.length - live >= trimMaxLen
      : compareIds(entryMs(last), entrySeq(last), trimMinMs, trimMinSeq) < 0;
    if (whole) {
      removeBlock(s, 0);
      s.length -= <u64>live;
      removed += live;
      continue;
    }
    if (trimApprox) break;
    for (let e = blockFirst(b); e != 0 && overThreshold(s, e); e = blockNext(b, e)) {
      if (entryDeleted(e)) continue;
      markDeleted(e);
      setBlockLive(b, blockLive(b) - 1);
      s.length--;
      removed++;
    }
    if (blockLive(b) == 0) removeBlock(s, 0); // Redis keeps such an empty node; nothing would read it
    break;
  }
  if (removed) refreshFirstId(s);
  return removed;
}
