// XSETID key last-id [ENTRIESADDED entries-added] [MAXDELETEDID max-deleted-id], as Redis 7.2's
// xsetidCommand: the options are checked before the key, then the ID against what the stream holds.
import { argIs, keyFindArg, keyPeekArg, parsedI64, parseIntArg, replyError, replyOk, replyWrongType, ERR_NO_SUCH_KEY, ERR_SYNTAX, FIND_WRITE } from "ferrite-sdk";
import { entryMs, entrySeq } from "../entry";
import { XSETID } from "../events";
import { compareIds, idMs, idSeq, parseIdArg } from "../id";
import { asStream, MISSING, WRONGTYPE } from "../stream-key";
import { lastLiveEntry, STREAM_TYPE } from "../stream";

export function run(argc: i32, argv: usize): void {
  if (!parseIdArg(argv, 2, true)) return;
  const ms = idMs, seq = idSeq;
  let entriesAdded: i64 = -1;
  let maxDeletedMs: u64 = 0, maxDeletedSeq: u64 = 0;
  for (let i = 3; i < argc; i += 2) {
    const more = i < argc - 1;
    if (argIs(argv, i, "ENTRIESADDED") && more) {
      if (!parseIntArg(argv, i + 1)) return;
      if (parsedI64 < 0) { replyError("ERR entries_added must be positive"); return; }
      entriesAdded = parsedI64;
    } else if (argIs(argv, i, "MAXDELETEDID") && more) {
      if (!parseIdArg(argv, i + 1, true)) return;
      if (compareIds(ms, seq, idMs, idSeq) < 0) { replyError("ERR The ID specified in XSETID is smaller than the provided max_deleted_entry_id"); return; }
      maxDeletedMs = idMs;
      maxDeletedSeq = idSeq;
    } else {
      replyError(ERR_SYNTAX);
      return;
    }
  }
  const h = keyPeekArg(argv, 1, STREAM_TYPE);
  if (h == MISSING) { replyError(ERR_NO_SUCH_KEY); return; }
  if (h == WRONGTYPE) { replyWrongType(); return; }
  let s = asStream(h);
  if (compareIds(ms, seq, s.maxDeletedMs, s.maxDeletedSeq) < 0) { replyError("ERR The ID specified in XSETID is smaller than current max_deleted_entry_id"); return; }
  const top = lastLiveEntry(s);
  if (top != 0) {
    // Monotonic IDs: the last ID may not go below the newest entry the stream still holds.
    if (compareIds(ms, seq, entryMs(top), entrySeq(top)) < 0) { replyError("ERR The ID specified in XSETID is smaller than the target stream top item"); return; }
    if (entriesAdded != -1 && <i64>s.length > entriesAdded) { replyError("ERR The entries_added specified in XSETID is smaller than the target stream length"); return; }
  }
  s = asStream(keyFindArg(argv, 1, STREAM_TYPE, FIND_WRITE)); // the write, now that it will happen
  s.lastMs = ms;
  s.lastSeq = seq;
  if (entriesAdded != -1) s.entriesAdded = <u64>entriesAdded;
  if (maxDeletedMs != 0 || maxDeletedSeq != 0) { s.maxDeletedMs = maxDeletedMs; s.maxDeletedSeq = maxDeletedSeq; }
  XSETID.emitArg(argv, 1);
  replyOk();
}
