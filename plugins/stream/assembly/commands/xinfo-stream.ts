// XINFO STREAM key [FULL [COUNT count]]
import { argIs, keyFindArg, parsedI64, parseIntArg, replyArray, replyBulk, replyError, replyInt, replyMap, replyNull, replyWrongType, ERR_NO_SUCH_KEY } from "ferrite-sdk";
import { Consumer, Group } from "../group";
import { replyGroupProgress, replyIdField, replyIntField, replyNameField, replyText } from "../info";
import { replyId } from "../id";
import { nackConsumer, nackCount, nackMs, nackSeq, nackTime } from "../pel";
import { replyEntry, replyRange } from "../reply-entry";
import { asStream, replyErrorQuoting, MISSING, WRONGTYPE } from "../stream-key";
import { STREAM_TYPE, Stream, lastLiveEntry, seekForward } from "../stream";
import { vecAt, vecPtr } from "../vec";

/** Redis's default: FULL lists at most 10 entries and PEL items unless COUNT says otherwise (0: all). */
const DEFAULT_COUNT: i64 = 10;

export function run(argc: i32, argv: usize): void {
  const h = keyFindArg(argv, 2, STREAM_TYPE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING) { replyError(ERR_NO_SUCH_KEY); return; }
  const s = asStream(h);
  if (argc == 3) { replySummary(s); return; }
  let count = DEFAULT_COUNT;
  if ((argc != 4 && argc != 6) || !argIs(argv, 3, "FULL") || (argc == 6 && !argIs(argv, 4, "COUNT"))) {
    replyErrorQuoting(argv, "ERR unknown subcommand or wrong number of arguments for '", 1, "'. Try XINFO HELP.");
    return;
  }
  if (argc == 6) {
    if (!parseIntArg(argv, 5)) return;
    count = parsedI64 < 0 ? DEFAULT_COUNT : parsedI64;
  }
  replyFull(s, count);
}

/** The fields both forms start with (7 pairs). */
function replyHeader(s: Stream): void {
  replyIntField("length", <i64>s.length);
  // The blocks stand for Redis's radix-tree keys; a flat index has no inner nodes, so one root is reported.
  replyIntField("radix-tree-keys", s.blocks.len);
  replyIntField("radix-tree-nodes", s.blocks.len + 1);
  replyIdField("last-generated-id", s.lastMs, s.lastSeq);
  replyIdField("max-deleted-entry-id", s.maxDeletedMs, s.maxDeletedSeq);
  replyIntField("entries-added", <i64>s.entriesAdded);
  replyIdField("recorded-first-entry-id", s.firstMs, s.firstSeq);
}

function replySummary(s: Stream): void {
  replyMap(10);
  replyHeader(s);
  replyIntField("groups", s.groups.len);
  replyText("first-entry");
  const first = s.length ? seekForward(s, 0, 0) : 0;
  if (first) replyEntry(first); else replyNull();
  replyText("last-entry");
  const last = lastLiveEntry(s);
  if (last) replyEntry(last); else replyNull();
}

function replyFull(s: Stream, count: i64): void {
  replyMap(9);
  replyHeader(s);
  replyText("entries");
  replyRange(s, 0, 0, u64.MAX_VALUE, u64.MAX_VALUE, count, false);
  replyText("groups");
  replyArray(s.groups.len);
  for (let i = 0; i < s.groups.len; i++) replyGroup(s, changetype<Group>(vecPtr(s.groups, i)), count);
}

function limited(n: i32, count: i64): i32 { return count == 0 || <i64>n < count ? n : <i32>count; }

function replyGroup(s: Stream, g: Group, count: i64): void {
  replyMap(7);
  replyNameField(g.name, g.nameLen);
  replyGroupProgress(s, g);
  replyIntField("pel-count", g.pel.len);
  replyText("pending");
  const shown = limited(g.pel.len, count);
  replyArray(shown);
  for (let i = 0; i < shown; i++) {
    const n = vecAt(g.pel, i);
    const owner = nackConsumer(n);
    replyArray(4);
    replyId(nackMs(n), nackSeq(n));
    replyBulk(owner.name, owner.nameLen);
    replyInt(nackTime(n));
    replyInt(<i64>nackCount(n));
  }
  replyText("consumers");
  replyArray(g.consumers.len);
  for (let i = 0; i < g.consumers.len; i++) replyConsumer(g, changetype<Consumer>(vecPtr(g.consumers, i)), count);
}

function replyConsumer(g: Group, c: Consumer, count: i64): void {
  replyMap(5);
  replyNameField(c.name, c.nameLen);
  replyIntField("seen-time", c.seenTime);
  replyIntField("active-time", c.activeTime);
  replyIntField("pel-count", c.pending);
  replyText("pending");
  const shown = limited(c.pending, count);
  replyArray(shown);
  for (let i = 0, n = 0; i < g.pel.len && n < shown; i++) {
    const nack = vecAt(g.pel, i);
    if (nackConsumer(nack) != c) continue;
    n++;
    replyArray(3);
    replyId(nackMs(nack), nackSeq(nack));
    replyInt(nackTime(nack));
    replyInt(<i64>nackCount(nack));
  }
}
