// STRLEN key. A demoted string's length is its serialized length (host API 1.2): no promotion.
import { replyInt, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import { demotedLength, findString } from "../string-key";
import { strLen } from "../value";

export function run(_argc: i32, argv: usize): void {
  const demoted = demotedLength(argv, 1);
  if (demoted >= 0) { replyInt(<i64>demoted); return; }
  const h = findString(argv, 1);
  if (h == WRONGTYPE) replyWrongType();
  else replyInt(h == MISSING ? 0 : strLen(<usize>h));
}
