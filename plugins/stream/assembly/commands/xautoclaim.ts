// XAUTOCLAIM key group consumer min-idle-time start [COUNT count] [JUSTID]: replies [next start, claimed
// entries, IDs of deleted entries dropped from the PEL].
import { argIs, argLen, argPtr, keyFindArg, nowMs, parsedI64, parseI64, replyArray, replyError, replyWrongType, ERR_SYNTAX, FIND_WRITE } from "ferrite-sdk";
import { claim, collect, replyCollected, startCollecting, CLAIMED, DROPPED } from "../claim";
import { consumerFor, Group } from "../group";
import { idMs, idSeq, parseBound, replyId } from "../id";
import { nackMs, nackSeq, nackTime, pelLowerBound, pelRemoveAt } from "../pel";
import { asStream, groupAt, replyNoGroup, WRONGTYPE } from "../stream-key";
import { STREAM_TYPE, Stream, findEntry } from "../stream";
import { vecAt } from "../vec";

/** Redis's bound on COUNT (LONG_MAX / 16), so count * 10 attempts cannot overflow. */
const MAX_COUNT: i64 = 576460752303423487;
const ATTEMPTS_PER_COUNT: i64 = 10;

export function run(argc: i32, argv: usize): void {
  if (!parseI64(argPtr(argv, 4), argLen(argv, 4))) { replyError("ERR Invalid min-idle-time argument for XAUTOCLAIM"); return; }
  const minIdle = parsedI64 < 0 ? 0 : parsedI64;
  if (!parseBound(argv, 5, true)) return;
  const startMs = idMs, startSeq = idSeq;
  let count: i64 = 100;
  let justId = false;
  for (let j = 6; j < argc; j++) {
    if (argIs(argv, j, "COUNT") && j + 1 < argc) {
      j++;
      if (!parseI64(argPtr(argv, j), argLen(argv, j)) || parsedI64 < 1 || parsedI64 > MAX_COUNT) { replyError("ERR COUNT must be > 0"); return; }
      count = parsedI64;
    } else if (argIs(argv, j, "JUSTID")) {
      justId = true;
    } else {
      replyError(ERR_SYNTAX);
      return;
    }
  }
  const h = keyFindArg(argv, 1, STREAM_TYPE, FIND_WRITE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  const g = groupAt(h, argv, 2);
  if (!g) { replyNoGroup(argv, 1, 2); return; }
  const s = asStream(h);
  const next = scan(s, changetype<Group>(g), argv, startMs, startSeq, minIdle, count, justId);
  replyArray(3);
  if (next < g.pel.len) replyId(nackMs(vecAt(g.pel, next)), nackSeq(vecAt(g.pel, next)));
  else replyId(0, 0);
  replyCollected(s, CLAIMED, justId);
  replyCollected(s, DROPPED, true);
}

/**
 * Claims idle entries from start on, dropping the NACKs of deleted entries; returns the PEL index where
 * the next call should start.
 */
function scan(s: Stream, g: Group, argv: usize, ms: u64, seq: u64, minIdle: i64, count: i64, justId: bool): i32 {
  const now = nowMs();
  let attempts = count * ATTEMPTS_PER_COUNT;
  let i = pelLowerBound(g, ms, seq);
  startCollecting();
  while (attempts-- > 0 && count > 0 && i < g.pel.len) {
    const n = vecAt(g.pel, i);
    if (!findEntry(s, nackMs(n), nackSeq(n))) {
      collect(nackMs(n), nackSeq(n), DROPPED);
      pelRemoveAt(g, i);
      count--;
      continue;
    }
    i++;
    if (minIdle && now - nackTime(n) < minIdle) continue;
    claim(n, consumerFor(g, argPtr(argv, 3), argLen(argv, 3), now, argv, 1), now, -1, justId, now);
    collect(nackMs(n), nackSeq(n), CLAIMED);
    count--;
  }
  return i;
}
