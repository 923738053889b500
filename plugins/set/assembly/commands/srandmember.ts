// SRANDMEMBER key [count]: random members without removing them: one as a bulk string; with a count, an
// array (also in RESP3) of distinct members, or of |count| members with repeats when it is negative.
import {
  keyFindArg, parsedI64, parseIntArg, replyArray, replyBulk, replyError, replyNull, replyWrongType, ERR_SYNTAX,
  MISSING, WRONGTYPE,
} from "ferrite-sdk";
import { memberLen, memberPtr, randomMember } from "../member";
import { replyMembers } from "../reply-members";
import { replyDistinct, replyRepeated } from "../sample";
import { SET_TYPE, setSize } from "../set";

export function run(argc: i32, argv: usize): void {
  if (argc > 3) { replyError(ERR_SYNTAX); return; }
  const withCount = argc == 3;
  if (withCount) {
    if (!parseIntArg(argv, 2)) return;
    if (parsedI64 == i64.MIN_VALUE) {
      replyError("ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807");
      return;
    }
    // A reply states its length as an i32 here; Redis would stream that many members (or run out of memory).
    if (parsedI64 < -<i64>i32.MAX_VALUE) { replyError("ERR value is out of range"); return; }
  }
  const count = parsedI64;
  const h = keyFindArg(argv, 1, SET_TYPE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (!withCount) {
    if (h == MISSING) replyNull();
    else { randomMember(<usize>h); replyBulk(memberPtr, memberLen); }
    return;
  }
  if (h == MISSING || count == 0) { replyArray(0); return; }
  const s = <usize>h;
  if (count < 0) replyRepeated(s, <i32>-count);
  else if (count >= <i64>setSize(s)) replyMembers(s, false);
  else replyDistinct(s, <i32>count);
}
