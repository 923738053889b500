// XPENDING key group [[IDLE min-idle-time] start end count [consumer]]
import { argIs, argLen, argPtr, formatI64, keyFindArg, nowMs, parsedI64, parseIntArg, replyArray, replyBulk, replyError, replyInt, replyNull, replyNullArray, replyWrongType, ERR_SYNTAX } from "ferrite-sdk";
import { Consumer, findConsumer, Group } from "../group";
import { compareIds, idMs, idSeq, parseBound, replyId } from "../id";
import { nackConsumer, nackCount, nackMs, nackSeq, nackTime, pelLowerBound } from "../pel";
import { groupAt, replyNoGroup, WRONGTYPE } from "../stream-key";
import { vecAt, vecPtr } from "../vec";
import { STREAM_TYPE } from "../stream";

let minIdle: i64 = 0;
let count: i64 = 0;
let startMs: u64 = 0, startSeq: u64 = 0, endMs: u64 = 0, endSeq: u64 = 0;
let consumerArg: i32 = 0;

/** The extended form's arguments; false after replying an error. */
function parseRange(argc: i32, argv: usize): bool {
  let at = 3;
  minIdle = 0;
  consumerArg = 0;
  if (argIs(argv, 3, "IDLE")) {
    if (!parseIntArg(argv, 4)) return false;
    minIdle = parsedI64;
    if (argc < 8) { replyError(ERR_SYNTAX); return false; }
    at += 2;
  }
  if (!parseIntArg(argv, at + 2)) return false;
  count = parsedI64 < 0 ? 0 : parsedI64;
  if (!parseBound(argv, at, true)) return false;
  startMs = idMs; startSeq = idSeq;
  if (!parseBound(argv, at + 1, false)) return false;
  endMs = idMs; endSeq = idSeq;
  if (at + 3 < argc) consumerArg = at + 3;
  return true;
}

export function run(argc: i32, argv: usize): void {
  if (argc != 3 && (argc < 6 || argc > 9)) { replyError(ERR_SYNTAX); return; }
  if (argc >= 6 && !parseRange(argc, argv)) return;
  const h = keyFindArg(argv, 1, STREAM_TYPE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  const g = groupAt(h, argv, 2);
  if (!g) { replyNoGroup(argv, 1, 2); return; }
  if (argc == 3) { replySummary(changetype<Group>(g)); return; }
  let c: Consumer | null = null;
  if (consumerArg) {
    c = findConsumer(changetype<Group>(g), argPtr(argv, consumerArg), argLen(argv, consumerArg));
    if (!c) { replyArray(0); return; }
  }
  const now = nowMs();
  replyArray(<i32>walk(changetype<Group>(g), c, now, false));
  walk(changetype<Group>(g), c, now, true);
}

/** Count, first and last IDs, and [consumer, count] for each consumer with pending entries. */
function replySummary(g: Group): void {
  replyArray(4);
  replyInt(g.pel.len);
  if (g.pel.len == 0) { replyNull(); replyNull(); replyNullArray(); return; }
  const first = vecAt(g.pel, 0), last = vecAt(g.pel, g.pel.len - 1);
  replyId(nackMs(first), nackSeq(first));
  replyId(nackMs(last), nackSeq(last));
  let busy = 0;
  for (let i = 0; i < g.consumers.len; i++) if (changetype<Consumer>(vecPtr(g.consumers, i)).pending > 0) busy++;
  replyArray(busy);
  for (let i = 0; i < g.consumers.len; i++) {
    const c = changetype<Consumer>(vecPtr(g.consumers, i));
    if (c.pending == 0) continue;
    replyArray(2);
    replyBulk(c.name, c.nameLen);
    replyBulkInt(c.pending);
  }
}

const DIGITS = memory.data(24);
/** Redis replies the summary's counts as bulk strings. */
function replyBulkInt(v: i64): void { replyBulk(DIGITS, formatI64(v, DIGITS)); }

/** The pending entries in range (of consumer c when given), idle at least minIdle, up to count. */
function walk(g: Group, c: Consumer | null, now: i64, emit: bool): i64 {
  let n: i64 = 0;
  for (let i = pelLowerBound(g, startMs, startSeq); i < g.pel.len && n < count; i++) {
    const nack = vecAt(g.pel, i);
    if (compareIds(nackMs(nack), nackSeq(nack), endMs, endSeq) > 0) break;
    if (c && nackConsumer(nack) != c) continue;
    if (minIdle && now - nackTime(nack) < minIdle) continue;
    n++;
    if (!emit) continue;
    const owner = nackConsumer(nack);
    replyArray(4);
    replyId(nackMs(nack), nackSeq(nack));
    replyBulk(owner.name, owner.nameLen);
    replyInt(max<i64>(now - nackTime(nack), 0));
    replyInt(<i64>nackCount(nack));
  }
  return n;
}
