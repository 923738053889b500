// XREAD [COUNT n] [BLOCK ms] STREAMS key... id... and XREADGROUP GROUP g c [COUNT n] [BLOCK ms] [NOACK]
// STREAMS key... id..., as Redis's xreadCommand. The reply's length comes first, so every stream's
// fate is decided (and kept in a scratch table) before anything is replied.
import {
  argIs, argLen, argPtr, blockContext, blockOnKeys, keyFindArg, keyFindWaited, nowMs, parsedI64, parseI64, parseIntArg, protocol,
  replyArray, replyBulk, replyError, replyMap, replyNullArray, replyWrongType, resultRead, ERR_SYNTAX, FIND_WRITE,
} from "ferrite-sdk";
import { consumerFor, Group } from "./group";
import { compareIds, idMs, idSeq, incrId, parseIdArg, setId } from "./id";
import { deliverHistory, deliverNew } from "./read-group";
import { replyRange } from "./reply-entry";
import { entryMs, entrySeq } from "./entry";
import { asStream, groupAt, replyNoGroup, MISSING, WRONGTYPE } from "./stream-key";
import { STREAM_TYPE, Stream, lastLiveEntry } from "./stream";

// Per stream: [u64 ms][u64 seq] the ID to read after (the largest ID stands for `>`), then [u64 mode].
const RECORD: i32 = 24;
const SKIP: u64 = 0;
const SERVE: u64 = 1;
const HISTORY: u64 = 2;
let table: usize = 0;
let tableCap: i32 = 0;

function record(i: i32): usize { return table + <usize>(i * RECORD); }

function reserveTable(n: i32): void {
  if (n * RECORD <= tableCap) return;
  tableCap = n * RECORD * 2;
  if (table) heap.free(table);
  table = heap.alloc(<usize>tableCap);
}

let count: i64 = 0;
let timeout: i64 = -1;
let noAck: bool = false;
let groupArg: i32 = 0;
let streamsArg: i32 = 0;
let streams: i32 = 0;

/** Parses the options; false after replying an error. */
function parseOptions(argc: i32, argv: usize, xreadgroup: bool): bool {
  count = 0; timeout = -1; noAck = false; groupArg = 0; streamsArg = 0;
  for (let i = 1; i < argc; i++) {
    const more = argc - i - 1;
    if (argIs(argv, i, "BLOCK") && more > 0) {
      i++;
      if (!parseI64(argPtr(argv, i), argLen(argv, i))) { replyError("ERR timeout is not an integer or out of range"); return false; }
      if (parsedI64 < 0) { replyError("ERR timeout is negative"); return false; }
      timeout = parsedI64;
    } else if (argIs(argv, i, "COUNT") && more > 0) {
      i++;
      if (!parseIntArg(argv, i)) return false;
      count = parsedI64 < 0 ? 0 : parsedI64;
    } else if (argIs(argv, i, "STREAMS") && more > 0) {
      streamsArg = i + 1;
      if ((argc - streamsArg) % 2 != 0) {
        replyError(xreadgroup
          ? "ERR Unbalanced 'xreadgroup' list of streams: for each stream key an ID or '>' must be specified."
          : "ERR Unbalanced 'xread' list of streams: for each stream key an ID or '$' must be specified.");
        return false;
      }
      streams = (argc - streamsArg) / 2;
      break;
    } else if (argIs(argv, i, "GROUP") && more >= 2) {
      if (!xreadgroup) { replyError("ERR The GROUP option is only supported by XREADGROUP. You called XREAD instead."); return false; }
      groupArg = i + 1;
      i += 2;
    } else if (argIs(argv, i, "NOACK")) {
      if (!xreadgroup) { replyError("ERR The NOACK option is only supported by XREADGROUP. You called XREAD instead."); return false; }
      noAck = true;
    } else {
      replyError(ERR_SYNTAX);
      return false;
    }
  }
  if (streamsArg == 0) { replyError(ERR_SYNTAX); return false; }
  if (xreadgroup && groupArg == 0) { replyError("ERR Missing GROUP option for XREADGROUP"); return false; }
  return true;
}

function isSymbol(argv: usize, i: i32, c: u8): bool { return argLen(argv, i) == 1 && load<u8>(argPtr(argv, i)) == c; }

function groupOf(argv: usize, h: f64): Group | null { return groupAt(h, argv, groupArg); }

/**
 * Checks each key and resolves each ID into the table; false after replying an error. On a run after
 * blocking (`rerun`), XREAD waits on through a key of another type, while XREADGROUP fails once its key
 * is gone or holds another type: its group cannot come back (Redis 7.2's unblock_on_nokey); a destroyed
 * group fails it with the NOGROUP of a fresh call, as 7.2 runs the command again.
 */
function resolveIds(argv: usize, rerun: bool): bool {
  reserveTable(streams);
  for (let i = 0; i < streams; i++) {
    const key = streamsArg + i, idArg = key + streams;
    const h = keyFindWaited(argPtr(argv, key), argLen(argv, key), STREAM_TYPE);
    if (h == WRONGTYPE) { replyWrongType(); return false; }
    if (rerun && groupArg && h < 0) { replyError("UNBLOCKED the stream key no longer exists"); return false; }
    if (groupArg && !groupOf(argv, h)) {
      replyNoGroup(argv, key, groupArg, "' in XREADGROUP with GROUP option");
      return false;
    }
    if (isSymbol(argv, idArg, 36)) { // '$'
      if (groupArg) {
        replyError("ERR The $ ID is meaningless in the context of XREADGROUP: you want to read the history of this consumer by specifying a proper ID, or use the > ID to get new messages. The $ ID would just return an empty result set.");
        return false;
      }
      if (h == MISSING) setId(0, 0); else setId(asStream(h).lastMs, asStream(h).lastSeq);
    } else if (isSymbol(argv, idArg, 62)) { // '>'
      if (!groupArg) { replyError("ERR The > ID can be specified only when calling XREADGROUP using the GROUP <group> <consumer> option."); return false; }
      setId(u64.MAX_VALUE, u64.MAX_VALUE);
    } else if (!parseIdArg(argv, idArg, true)) {
      return false;
    }
    store<u64>(record(i), idMs);
    store<u64>(record(i), idSeq, 8);
  }
  return true;
}

/** Whether stream s has a live entry above ms-seq. */
function hasAfter(s: Stream, ms: u64, seq: u64): bool {
  const e = lastLiveEntry(s);
  return e != 0 && compareIds(entryMs(e), entrySeq(e), ms, seq) > 0;
}

/** Decides which streams are served now; returns how many. */
function decide(argv: usize, now: i64): i32 {
  let served = 0;
  for (let i = 0; i < streams; i++) {
    const r = record(i);
    // XREADGROUP changes the group in place (consumer, seen time, PEL, last delivered ID): a write.
    const h = keyFindArg(argv, streamsArg + i, STREAM_TYPE, groupArg ? FIND_WRITE : 0);
    let mode = SKIP;
    if (h >= 0) {
      const s = asStream(h);
      const ms = load<u64>(r), seq = load<u64>(r, 8);
      if (groupArg) {
        const g = changetype<Group>(groupOf(argv, h));
        consumerFor(g, argPtr(argv, groupArg + 1), argLen(argv, groupArg + 1), now, argv, streamsArg + i).seenTime = now;
        if (ms != u64.MAX_VALUE || seq != u64.MAX_VALUE) mode = HISTORY;
        else if (hasAfter(s, g.lastMs, g.lastSeq)) mode = SERVE;
      } else if (hasAfter(s, ms, seq)) {
        mode = SERVE;
      }
    }
    store<u64>(r, mode, 16);
    if (mode != SKIP) served++;
  }
  return served;
}

function serve(argv: usize, i: i32, now: i64): void {
  const r = record(i);
  const key = streamsArg + i;
  const h = keyFindArg(argv, key, STREAM_TYPE);
  const s = asStream(h);
  if (protocol() == 2) replyArray(2);
  replyBulk(argPtr(argv, key), argLen(argv, key));
  if (!groupArg) {
    setId(load<u64>(r), load<u64>(r, 8));
    incrId();
    replyRange(s, idMs, idSeq, u64.MAX_VALUE, u64.MAX_VALUE, count, false);
    return;
  }
  const g = changetype<Group>(groupOf(argv, h));
  const c = consumerFor(g, argPtr(argv, groupArg + 1), argLen(argv, groupArg + 1), now, argv, key);
  if (load<u64>(r, 16) == HISTORY) deliverHistory(s, g, c, load<u64>(r), load<u64>(r, 8), count, now);
  else deliverNew(s, g, c, count, noAck, now);
}

export function readCommand(argc: i32, argv: usize, xreadgroup: bool): void {
  // A run after blocking reads after the IDs `$` stood for when the client blocked.
  const context = blockContext();
  if (!parseOptions(argc, argv, xreadgroup) || !resolveIds(argv, context >= 0)) return;
  if (context == streams * RECORD && !xreadgroup) resultRead(table);
  const now = nowMs();
  const served = decide(argv, now);
  if (served > 0) {
    if (protocol() == 2) replyArray(served); else replyMap(served);
    for (let i = 0; i < streams; i++) if (load<u64>(record(i), 16) != SKIP) serve(argv, i, now);
    return;
  }
  if (timeout < 0 || !blockOnKeys(streamsArg, streamsArg + streams - 1, 1, <f64>timeout, false, table, streams * RECORD)) replyNullArray();
}
