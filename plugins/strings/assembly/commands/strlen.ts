// STRLEN key. A demoted string's length is its serialized length (host API 1.2): no promotion.
import { keyFindArg, replyInt, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import { demotedLength } from "../string-key";
import { STRING_TYPE, strLen } from "../value";

export function run(_argc: i32, argv: usize): void {
  const demoted = demotedLength(argv, 1);
  if (demoted >= 0) { replyInt(<i64>demoted); return; }
  const h = keyFindArg(argv, 1, STRING_TYPE);
  if (h == WRONGTYPE) replyWrongType();
  else replyInt(h == MISSING ? 0 : strLen(<usize>h));
}
