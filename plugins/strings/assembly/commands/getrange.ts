// GETRANGE key start end (inclusive offsets, negative from the end). A string the host demoted is read
// page-wise from its tier (host API 1.2 page access), so a short range of a large cold string promotes nothing.
import { keyFindArg, parsedStart, parsedStop, parseStartStop, replyBulk, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import { demotedLength, replyDemotedRange } from "../string-key";
import { STRING_TYPE, strData, strLen } from "../value";

export function run(_argc: i32, argv: usize): void {
  if (!parseStartStop(argv, 2)) return;
  let start = parsedStart;
  let end = parsedStop;
  const demoted = demotedLength(argv, 1);
  const h = demoted >= 0 ? 0 : keyFindArg(argv, 1, STRING_TYPE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING) { replyBulk(0, 0); return; }
  const len = demoted >= 0 ? <i64>demoted : <i64>strLen(<usize>h);
  if (start < 0 && end < 0 && start > end) { replyBulk(0, 0); return; }
  if (start < 0) start += len;
  if (end < 0) end += len;
  if (start < 0) start = 0;
  if (end < 0) end = 0;
  if (end >= len) end = len - 1;
  if (start > end || len == 0) { replyBulk(0, 0); return; }
  if (demoted >= 0) replyDemotedRange(argv, 1, start, <i32>(end - start + 1));
  else replyBulk(strData(<usize>h) + <usize>start, <i32>(end - start + 1));
}
