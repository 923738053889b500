// XCLAIM key group consumer min-idle-time id [id ...] [IDLE ms] [TIME unix-time-milliseconds]
// [RETRYCOUNT count] [FORCE] [JUSTID] [LASTID lastid]
import { argIs, argLen, argPtr, keyFindArg, nowMs, parsedI64, parseI64, replyError, replyWrongType, FIND_WRITE } from "ferrite-sdk";
import { claim, collect, replyCollected, startCollecting, CLAIMED } from "../claim";
import { consumerFor, Group } from "../group";
import { compareIds, idMs, idSeq, parseId, parseIdArg } from "../id";
import { nackConsumer, nackTime, pelInsert, pelRemoveAt, pelSearch, setNackCount } from "../pel";
import { asStream, groupAt, replyErrorQuoting, replyNoGroup, WRONGTYPE } from "../stream-key";
import { STREAM_TYPE, Stream, findEntry } from "../stream";
import { vecAt } from "../vec";

let deliveryTime: i64 = -1;
let retryCount: i64 = -1;
let force = false;
let justId = false;

/** The options after the IDs; false after replying an error. */
function parseOptions(argc: i32, argv: usize, from: i32, g: Group, now: i64): bool {
  deliveryTime = -1; retryCount = -1; force = false; justId = false;
  let lastMs: u64 = 0, lastSeq: u64 = 0;
  for (let j = from; j < argc; j++) {
    const more = argc - 1 - j;
    if (argIs(argv, j, "FORCE")) force = true;
    else if (argIs(argv, j, "JUSTID")) justId = true;
    else if (argIs(argv, j, "IDLE") && more > 0) {
      if (!parseI64(argPtr(argv, ++j), argLen(argv, j))) { replyError("ERR Invalid IDLE option argument for XCLAIM"); return false; }
      deliveryTime = now - parsedI64;
    } else if (argIs(argv, j, "TIME") && more > 0) {
      if (!parseI64(argPtr(argv, ++j), argLen(argv, j))) { replyError("ERR Invalid TIME option argument for XCLAIM"); return false; }
      deliveryTime = parsedI64;
    } else if (argIs(argv, j, "RETRYCOUNT") && more > 0) {
      if (!parseI64(argPtr(argv, ++j), argLen(argv, j))) { replyError("ERR Invalid RETRYCOUNT option argument for XCLAIM"); return false; }
      retryCount = parsedI64;
    } else if (argIs(argv, j, "LASTID") && more > 0) {
      if (!parseIdArg(argv, ++j, true)) return false;
      lastMs = idMs; lastSeq = idSeq;
    } else {
      replyErrorQuoting(argv, "ERR Unrecognized XCLAIM option '", j, "'");
      return false;
    }
  }
  if (compareIds(lastMs, lastSeq, g.lastMs, g.lastSeq) > 0) { g.lastMs = lastMs; g.lastSeq = lastSeq; }
  // A bogus time (negative, or in the future) means now, as in Redis: clients compute it from their own clocks.
  if (deliveryTime < 0 || deliveryTime > now) deliveryTime = now;
  return true;
}

export function run(argc: i32, argv: usize): void {
  const h = keyFindArg(argv, 1, STREAM_TYPE, FIND_WRITE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  const g = groupAt(h, argv, 2);
  if (!g) { replyNoGroup(argv, 1, 2); return; }
  if (!parseI64(argPtr(argv, 4), argLen(argv, 4))) { replyError("ERR Invalid min-idle-time argument for XCLAIM"); return; }
  const minIdle = parsedI64 < 0 ? 0 : parsedI64;
  // The IDs run until the first argument that is not one; options follow.
  let idsEnd = 5;
  while (idsEnd < argc && parseId(argPtr(argv, idsEnd), argLen(argv, idsEnd), true, 0, false, false)) idsEnd++;
  const now = nowMs();
  if (!parseOptions(argc, argv, idsEnd, changetype<Group>(g), now)) return;
  const s = asStream(h);
  claimIds(s, changetype<Group>(g), argv, idsEnd, minIdle, now);
  replyCollected(s, CLAIMED, justId);
}

function claimIds(s: Stream, g: Group, argv: usize, idsEnd: i32, minIdle: i64, now: i64): void {
  startCollecting();
  for (let j = 5; j < idsEnd; j++) {
    parseIdArg(argv, j, true);
    let i = pelSearch(g, idMs, idSeq);
    if (!findEntry(s, idMs, idSeq)) {
      if (i >= 0) pelRemoveAt(g, i); // the entry is gone: so is its claim
      continue;
    }
    if (i < 0) {
      if (!force) continue;
      i = -i - 1;
      setNackCount(pelInsert(g, i, idMs, idSeq, null), 1); // a new NACK counts one delivery, as in Redis
    }
    const n = vecAt(g.pel, i);
    // A NACK FORCE just made has no owner and no idle time to respect.
    if (changetype<usize>(nackConsumer(n)) != 0 && minIdle && now - nackTime(n) < minIdle) continue;
    claim(n, consumerFor(g, argPtr(argv, 3), argLen(argv, 3), now, argv, 1), deliveryTime, retryCount, justId, now);
    collect(idMs, idSeq, CLAIMED);
  }
}
